/** The sign-off rules (docs/sign-offs.md): which ministry must sign at which step, and in how many days. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATION_MINISTRIES, signOffSteps } from '../../../../src/domain/sign-off/sign-off.js';
import { useSaveSignOffRule, useSignOffRules, type SignOffRule } from '../../api/sign-off-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function SignOffRulesSection() {
  const { t } = useTranslation();
  const rules = useSignOffRules();
  return (
    <section aria-labelledby="sign-off-rules-title">
      <h2 id="sign-off-rules-title">{t('signOffs.rules.title')}</h2>
      <p className="muted">{t('signOffs.rules.intro')}</p>
      {rules.isPending ? (
        <Loading />
      ) : rules.error || !rules.data ? (
        <ProblemMessage error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('signOffs.rules.step')}</th>
              <th scope="col">{t('signOffs.rules.ministry')}</th>
              <th scope="col">{t('signOffs.rules.required')}</th>
              <th scope="col">{t('signOffs.rules.days')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rules.data.map((rule) => (
              <RuleRow key={`${rule.step}:${rule.orgCode}`} rule={rule} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RuleRow({ rule }: { rule: SignOffRule }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveSignOffRule();
  const [required, setRequired] = useState(rule.required);
  const [days, setDays] = useState(rule.daysAllowed);
  const ministry = f.code(COORDINATION_MINISTRIES, rule.orgCode);
  return (
    <tr>
      <td>{f.code(signOffSteps, rule.step)}</td>
      <th scope="row">{ministry}</th>
      <td>
        <input
          type="checkbox"
          aria-label={`${t('signOffs.rules.required')}: ${ministry}`}
          checked={required}
          onChange={(e) => setRequired(e.target.checked)}
        />
      </td>
      <td>
        <input
          type="number"
          min={1}
          max={365}
          aria-label={`${t('signOffs.rules.days')}: ${ministry}`}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </td>
      <td>
        <button type="button" disabled={save.isPending} onClick={() => save.mutate({ ...rule, required, daysAllowed: days })}>
          {t('signOffs.rules.save')}
        </button>
        {save.isSuccess && <span role="status"> {t('signOffs.rules.saved')}</span>}
        {save.error && <ProblemMessage error={save.error} />}
      </td>
    </tr>
  );
}
