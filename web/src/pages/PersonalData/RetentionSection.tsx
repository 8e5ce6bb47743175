/** The retention rules (administrators change them) and what they would delete today (the dry run). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeRetentionRule, useRetentionDue, useRetentionRules, type RetentionRule } from '../../api/personal-data-queries.js';
import { canPersonalData } from '../../auth/personal-data-rules.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function RetentionSection() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const manage = canPersonalData.manageRetention(user);
  const rules = useRetentionRules();
  const due = useRetentionDue();
  const change = useChangeRetentionRule();
  return (
    <section className="card" aria-labelledby="pd-retention">
      <h2 id="pd-retention">{t('personalData.retention.title')}</h2>
      <p className="muted">{t('personalData.retention.intro')}</p>
      {change.error && <ProblemMessage error={change.error} />}
      {rules.isPending ? (
        <Loading />
      ) : rules.error || !rules.data ? (
        <ProblemMessage error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('personalData.retention.category')}</th>
                <th scope="col">{t('personalData.retention.months')}</th>
                <th scope="col">{t('personalData.retention.enabled')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <RuleRow
                  key={r.category}
                  rule={r}
                  manage={manage}
                  busy={change.isPending}
                  label={i18n.language === 'id' ? r.labelId : r.labelEn}
                  onChange={(body) => change.mutate({ rule: r, body })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('personalData.retention.due')}</h3>
      {due.isPending ? (
        <Loading />
      ) : due.error || !due.data ? (
        <ProblemMessage error={due.error} onRetry={() => void due.refetch()} />
      ) : due.data.items.length === 0 ? (
        <p>{t('personalData.retention.dueNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('personalData.retention.record')}</th>
                <th scope="col">{t('personalData.retention.category')}</th>
                <th scope="col">{t('personalData.retention.dueDate')}</th>
                <th scope="col">{t('personalData.retention.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {due.data.items.map((i) => (
                <tr key={`${i.category}-${i.targetId}`}>
                  <td>{i.record}</td>
                  <td>{t(`personalData.categories.${i.category}`)}</td>
                  <td>{f.date(i.dueDate)}</td>
                  <td>{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleRow({
  rule,
  label,
  manage,
  busy,
  onChange,
}: {
  rule: RetentionRule;
  label: string;
  manage: boolean;
  busy: boolean;
  onChange: (body: { months?: number; enabled?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [months, setMonths] = useState(String(rule.months));
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        {manage ? (
          <span className="inline-field">
            <input
              type="number"
              min={0}
              max={1200}
              value={months}
              aria-label={`${t('personalData.retention.months')}: ${label}`}
              onChange={(e) => setMonths(e.target.value)}
            />{' '}
            <button type="button" disabled={busy || months === String(rule.months)} onClick={() => onChange({ months: Number(months) })}>
              {t('personalData.retention.save')}
            </button>
          </span>
        ) : (
          rule.months
        )}
      </td>
      <td>
        <input
          type="checkbox"
          checked={rule.enabled}
          disabled={!manage || busy}
          aria-label={`${t('personalData.retention.enabled')}: ${label}`}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
      </td>
    </tr>
  );
}
