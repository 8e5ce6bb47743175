/**
 * The program form's lists: recipient countries with their SDGs, partners, and the money (budgets
 * and transactions). Errors come by the server's paths (`partners.0.org`, `budgets.1.amount`).
 */
import { useTranslation } from 'react-i18next';
import { sscRoles } from '../../../../src/domain/codes.js';
import { useOrganisations } from '../../api/queries.js';
import { CodeSelect } from '../../components/CodeSelect.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import {
  iatiRoleOf,
  newBudgetRow,
  newPartnerRow,
  newTransactionRow,
  patchRow,
  removeRow,
  type BudgetRow,
  type PartnerRow,
  type RecipientRow,
  type TransactionRow,
} from './program-form.js';
import type { SectionProps } from './ProgramFields.js';

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link" onClick={onClick}>
      {t('common.remove')}
    </button>
  );
}

/** Recipient countries (with their shares) and the SDGs. */
export function CountriesSection({ state, set, err, errUnder }: SectionProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const update = (i: number, patch: Partial<RecipientRow>) => set('recipients', patchRow(state.recipients, i, patch));
  return (
    <fieldset>
      <legend>{t('form.sectionCountries')}</legend>
      {errUnder('recipients') && !err('recipients') && <small className="error">{errUnder('recipients')?.message}</small>}
      <Field label={t('program.recipients')} error={err('recipients')}>
        {(props) => (
          <CountryPicker
            id={props.id}
            label={t('program.recipients')}
            exclude={state.recipients.map((r) => r.country)}
            onPick={(country) => set('recipients', [...state.recipients, { country, percentage: '' }])}
          />
        )}
      </Field>
      {state.recipients.length === 0 ? (
        <p className="muted">{t('form.noCountries')}</p>
      ) : (
        <ul className="rows">
          {state.recipients.map((r, i) => (
            <li key={r.country}>
              <span>{f.country(r.country)}</span>
              <label>
                {t('program.percentage')}
                <input
                  type="number"
                  min={0}
                  max={100}
                  step="0.01"
                  value={r.percentage}
                  onChange={(e) => update(i, { percentage: e.target.value })}
                  aria-invalid={Boolean(err(`recipients.${i}.percentage`))}
                />
              </label>
              <RemoveButton onClick={() => set('recipients', removeRow(state.recipients, i))} />
            </li>
          ))}
        </ul>
      )}
      <Field label={t('program.sdgs')} error={errUnder('sdgs')} hint={t('program.sdgPlaceholder')}>
        {(props) => <input {...props} type="text" value={state.sdgs} onChange={(e) => set('sdgs', e.target.value)} />}
      </Field>
    </fieldset>
  );
}

/** Amount and currency of a row (a partner's contribution, a budget, a transaction). */
function AmountFields({
  label,
  amount,
  currency,
  amountError,
  currencyError,
  onAmount,
  onCurrency,
}: {
  label: string;
  amount: string;
  currency: string;
  amountError?: FieldError;
  currencyError?: FieldError;
  onAmount: (amount: string) => void;
  onCurrency: (currency: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={label} error={amountError}>
        {(props) => <input {...props} inputMode="decimal" value={amount} onChange={(e) => onAmount(e.target.value)} />}
      </Field>
      <Field label={t('program.currency')} error={currencyError}>
        {(props) => <input {...props} maxLength={3} value={currency} onChange={(e) => onCurrency(e.target.value.toUpperCase())} />}
      </Field>
    </>
  );
}

/** The partners: organisation, SSC and IATI roles, contribution. */
export function PartnersSection({ state, set, err }: SectionProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const collator = new Intl.Collator(f.lang === 'id' ? 'id' : 'en', { sensitivity: 'base' });
  // Partners by name in the active language's order; missions abroad are Indonesia's own, not partners.
  const partners = (useOrganisations().data?.items ?? [])
    .filter((o) => o.kind !== 'embassy')
    .sort((a, b) => collator.compare(f.orgName(a), f.orgName(b)));
  const update = (i: number, patch: Partial<PartnerRow>) => set('partners', patchRow(state.partners, i, patch));
  const partnersError = err('partners');
  return (
    <fieldset>
      <legend>{t('form.sectionPartners')}</legend>
      {partnersError && (
        <small className="error" role="alert">
          {partnersError.code ? t(`issues.${partnersError.code}`, { defaultValue: partnersError.message }) : partnersError.message}
        </small>
      )}
      {state.partners.map((p, i) => (
        <div className="row sub" key={i}>
          <Field label={t('program.partnerOrg')} error={err(`partners.${i}.org`)}>
            {(props) => (
              <select {...props} value={p.org} onChange={(e) => update(i, { org: e.target.value })}>
                <option value="">{t('form.choose')}</option>
                {partners.map((o) => (
                  <option key={o.code} value={o.code}>
                    {f.orgName(o)}
                    {o.acronym ? ` (${o.acronym})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('program.sscRole')} error={err(`partners.${i}.sscRole`)}>
            {(props) => <CodeSelect {...props} codes={sscRoles} value={p.sscRole} onChange={(sscRole) => update(i, { sscRole })} />}
          </Field>
          <Field label={t('program.iatiRole')} error={err(`partners.${i}.iatiRole`)}>
            {(props) => (
              <select {...props} value={String(p.iatiRole)} onChange={(e) => update(i, { iatiRole: iatiRoleOf(e.target.value) })}>
                {['1', '2', '3', '4'].map((r) => (
                  <option key={r} value={r}>
                    {t(`program.iatiRoles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <AmountFields
            label={t('program.contribution')}
            amount={p.contributionAmount}
            currency={p.currency}
            amountError={err(`partners.${i}.contributionAmount`)}
            currencyError={err(`partners.${i}.currency`)}
            onAmount={(contributionAmount) => update(i, { contributionAmount })}
            onCurrency={(currency) => update(i, { currency })}
          />
          <RemoveButton onClick={() => set('partners', removeRow(state.partners, i))} />
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set('partners', [...state.partners, newPartnerRow()])}>
        {t('form.addPartner')}
      </button>
    </fieldset>
  );
}

/** Budgets (a period and an amount) and transactions (a type, a day and an amount). */
export function MoneySection({ state, set, err }: SectionProps) {
  const { t } = useTranslation();
  const updateBudget = (i: number, patch: Partial<BudgetRow>) => set('budgets', patchRow(state.budgets, i, patch));
  const updateTransaction = (i: number, patch: Partial<TransactionRow>) => set('transactions', patchRow(state.transactions, i, patch));
  return (
    <fieldset>
      <legend>{t('form.sectionMoney')}</legend>
      {state.budgets.map((b, i) => (
        <div className="row sub" key={`b${i}`}>
          <Field label={`${t('program.budgets')}: ${t('program.period')}`} error={err(`budgets.${i}.periodStart`)}>
            {(props) => (
              <input {...props} type="date" value={b.periodStart} onChange={(e) => updateBudget(i, { periodStart: e.target.value })} />
            )}
          </Field>
          <Field label="–" error={err(`budgets.${i}.periodEnd`)}>
            {(props) => (
              <input {...props} type="date" value={b.periodEnd} onChange={(e) => updateBudget(i, { periodEnd: e.target.value })} />
            )}
          </Field>
          <AmountFields
            label={t('program.amount')}
            amount={b.amount}
            currency={b.currency}
            amountError={err(`budgets.${i}.amount`)}
            currencyError={err(`budgets.${i}.currency`)}
            onAmount={(amount) => updateBudget(i, { amount })}
            onCurrency={(currency) => updateBudget(i, { currency })}
          />
          <RemoveButton onClick={() => set('budgets', removeRow(state.budgets, i))} />
        </div>
      ))}
      {state.transactions.map((x, i) => (
        <div className="row sub" key={`t${i}`}>
          <Field label={`${t('program.transactions')}: ${t('program.type_')}`} error={err(`transactions.${i}.type`)}>
            {(props) => (
              <select {...props} value={x.type} onChange={(e) => updateTransaction(i, { type: e.target.value })}>
                {['1', '2', '3', '4'].map((code) => (
                  <option key={code} value={code}>
                    {t(`program.transactionTypes.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('program.date')} error={err(`transactions.${i}.date`)}>
            {(props) => <input {...props} type="date" value={x.date} onChange={(e) => updateTransaction(i, { date: e.target.value })} />}
          </Field>
          <AmountFields
            label={t('program.amount')}
            amount={x.amount}
            currency={x.currency}
            amountError={err(`transactions.${i}.amount`)}
            currencyError={err(`transactions.${i}.currency`)}
            onAmount={(amount) => updateTransaction(i, { amount })}
            onCurrency={(currency) => updateTransaction(i, { currency })}
          />
          <RemoveButton onClick={() => set('transactions', removeRow(state.transactions, i))} />
        </div>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => set('budgets', [...state.budgets, newBudgetRow()])}>
          {t('form.addBudget')}
        </button>
        <button type="button" className="secondary" onClick={() => set('transactions', [...state.transactions, newTransactionRow()])}>
          {t('form.addTransaction')}
        </button>
      </div>
    </fieldset>
  );
}
