/**
 * The rules with their dimension, severity, weight, switch and this year's pass counts. The
 * coordination team switches a rule and sets its weight here (params: the API or `mitra quality
 * rule --params`); others read them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeQualityRule, useQualityRules, type QualityRule, type QualityScorecard } from '../../api/quality-queries.js';
import { canQuality } from '../../auth/quality-rules.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/Status.js';

type Totals = QualityScorecard['total']['rules'];

export function RulesSection({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const rules = useQualityRules();
  const change = useChangeQualityRule();
  const manage = canQuality.manageRules(user);
  return (
    <section className="card" aria-labelledby="quality-rules">
      <h2 id="quality-rules">{t('quality.rules.title')}</h2>
      <p className="muted">{t('quality.rules.intro')}</p>
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
                <th scope="col">{t('quality.rules.enabled')}</th>
                <th scope="col">{t('quality.rules.rule')}</th>
                <th scope="col">{t('quality.rules.dimension')}</th>
                <th scope="col">{t('quality.rules.severity')}</th>
                <th scope="col" className="num">
                  {t('quality.rules.weight')}
                </th>
                <th scope="col" className="num">
                  {t('quality.rules.passRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <RuleRow
                  key={r.code}
                  rule={r}
                  total={totals.find((x) => x.rule === r.code)}
                  manage={manage}
                  busy={change.isPending}
                  onChange={(body) => change.mutate({ code: r.code, body })}
                />
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
  total,
  manage,
  busy,
  onChange,
}: {
  rule: QualityRule;
  total: Totals[number] | undefined;
  manage: boolean;
  busy: boolean;
  onChange: (body: { enabled?: boolean; weight?: number }) => void;
}) {
  const { t, i18n } = useTranslation();
  const [weight, setWeight] = useState(String(rule.weight));
  const label = i18n.language === 'id' ? rule.labelId : rule.labelEn;
  const saveWeight = () => {
    const n = Number(weight);
    if (Number.isInteger(n) && n >= 0 && n <= 100 && n !== rule.weight) onChange({ weight: n });
    else setWeight(String(rule.weight));
  };
  return (
    <tr className={rule.enabled ? undefined : 'muted'}>
      <td>
        <input
          type="checkbox"
          role="switch"
          checked={rule.enabled}
          disabled={!manage || busy}
          aria-label={t('quality.rules.switchLabel', { rule: label })}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
      </td>
      <td>
        {label} <code className="small muted">{rule.code}</code>
      </td>
      <td>{t(`quality.dimensions.${rule.dimension}`)}</td>
      <td>{t(`quality.severities.${rule.severity}`)}</td>
      <td className="num">
        {manage ? (
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            className="narrow-number"
            value={weight}
            disabled={busy}
            aria-label={t('quality.rules.weightLabel', { rule: label })}
            onChange={(e) => setWeight(e.target.value)}
            onBlur={saveWeight}
            onKeyDown={(e) => e.key === 'Enter' && saveWeight()}
          />
        ) : (
          rule.weight
        )}
      </td>
      <td className="num">{total ? t('quality.rules.passed', { passed: total.passed, applicable: total.applicable }) : '—'}</td>
    </tr>
  );
}
