/**
 * Register or change a program. The form checks with the same schema and rules as the API
 * (domain/program), shows each error next to its field in the active language, and shows the
 * server's answer the same way (its issues name the fields).
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programFromInput } from '../../../../src/domain/program/program.js';
import { checkProgramRules } from '../../../../src/domain/program/program.rules.js';
import { programInputSchema } from '../../../../src/domain/program/program.schema.js';
import { activityStatuses, cooperationTypes, flagshipAreas, fundingSources, lifecycleStages, modalities, sscRoles } from '../../../../src/domain/codes.js';
import type { CodeSet } from '../../../../src/domain/code-set.js';
import { ApiError, type Program } from '../../api/client.js';
import { useProgram, useOrganisations, useSaveProgram, type ProgramBody } from '../../api/queries.js';
import { useSession } from '../../auth/session.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { Field, type FieldError } from '../../components/Field.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ConflictPanel, staleDetails, type StaleDetails } from './ConflictPanel.js';

interface PartnerRow {
  org: string;
  iatiRole: string;
  sscRole: string;
  contributionAmount: string;
  currency: string;
  inKind: boolean;
}
interface BudgetRow {
  periodStart: string;
  periodEnd: string;
  amount: string;
  currency: string;
}
interface TransactionRow {
  type: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
}

export interface FormState {
  identifier: string;
  titleEn: string;
  titleId: string;
  descriptionEn: string;
  descriptionId: string;
  modality: string;
  flagshipArea: string;
  cooperationType: string;
  activityStatus: string;
  lifecycleStage: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  venueCity: string;
  venueCountry: string;
  implementingOrg: string;
  fundingSource: string;
  participantsPlanned: string;
  illustrative: boolean;
  recipients: { country: string; percentage: string }[];
  partners: PartnerRow[];
  sdgs: string;
  budgets: BudgetRow[];
  transactions: TransactionRow[];
  /** Kept as they are (the form does not edit sectors). */
  sectors: Program['sectors'];
}

const EMPTY: FormState = {
  identifier: '',
  titleEn: '',
  titleId: '',
  descriptionEn: '',
  descriptionId: '',
  modality: '',
  flagshipArea: '',
  cooperationType: 'bilateral',
  activityStatus: 'pipeline',
  lifecycleStage: 'request',
  plannedStart: '',
  plannedEnd: '',
  actualStart: '',
  actualEnd: '',
  venueCity: '',
  venueCountry: '',
  implementingOrg: '',
  fundingSource: '',
  participantsPlanned: '',
  illustrative: false,
  recipients: [],
  partners: [],
  sdgs: '',
  budgets: [],
  transactions: [],
  sectors: [],
};

export function fromProgram(a: Program): FormState {
  return {
    identifier: a.identifier,
    titleEn: a.titleEn ?? '',
    titleId: a.titleId ?? '',
    descriptionEn: a.descriptionEn ?? '',
    descriptionId: a.descriptionId ?? '',
    modality: a.modality ?? '',
    flagshipArea: a.flagshipArea ?? '',
    cooperationType: a.cooperationType,
    activityStatus: a.activityStatus,
    lifecycleStage: a.lifecycleStage,
    plannedStart: a.plannedStart ?? '',
    plannedEnd: a.plannedEnd ?? '',
    actualStart: a.actualStart ?? '',
    actualEnd: a.actualEnd ?? '',
    venueCity: a.venueCity ?? '',
    venueCountry: a.venueCountry ?? '',
    implementingOrg: a.implementingOrg ?? '',
    fundingSource: a.fundingSource ?? '',
    participantsPlanned: a.participantsPlanned === null ? '' : String(a.participantsPlanned),
    illustrative: a.illustrative,
    recipients: a.recipients.map((r) => ({ country: r.country, percentage: r.percentage === null ? '' : String(r.percentage) })),
    partners: a.partners.map((p) => ({
      org: p.org,
      iatiRole: String(p.iatiRole),
      sscRole: p.sscRole,
      contributionAmount: p.contributionAmount ?? '',
      currency: p.currency ?? '',
      inKind: p.inKind,
    })),
    sdgs: a.sdgs.map((s) => s.target ?? String(s.goal)).join(', '),
    budgets: a.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount, currency: b.currency })),
    transactions: a.transactions.map((x) => ({ type: x.type, date: x.date, amount: x.amount, currency: x.currency, description: x.description ?? '' })),
    sectors: a.sectors,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The form as the API's request body: empty fields are null, numbers are numbers. An empty
 * lifecycle stage is left out: the stage of a stored program moves only by transitions, and a
 * new program is a request unless a coordinator chooses otherwise.
 */
export function toRequest(s: FormState): ProgramBody {
  const n = (v: string) => (v.trim() === '' ? null : Number(v));
  return {
    identifier: s.identifier.trim(),
    titleEn: orNull(s.titleEn),
    titleId: orNull(s.titleId),
    descriptionEn: orNull(s.descriptionEn),
    descriptionId: orNull(s.descriptionId),
    modality: orNull(s.modality),
    flagshipArea: orNull(s.flagshipArea),
    cooperationType: s.cooperationType,
    activityStatus: s.activityStatus,
    ...(s.lifecycleStage ? { lifecycleStage: s.lifecycleStage } : {}),
    plannedStart: orNull(s.plannedStart),
    plannedEnd: orNull(s.plannedEnd),
    actualStart: orNull(s.actualStart),
    actualEnd: orNull(s.actualEnd),
    venueCity: orNull(s.venueCity),
    venueCountry: orNull(s.venueCountry),
    implementingOrg: orNull(s.implementingOrg),
    fundingSource: orNull(s.fundingSource),
    participantsPlanned: n(s.participantsPlanned),
    illustrative: s.illustrative,
    recipients: s.recipients.map((r) => ({ country: r.country, percentage: n(r.percentage) })),
    partners: s.partners.map((p) => ({
      org: p.org,
      iatiRole: Number(p.iatiRole) as 1 | 2 | 3 | 4,
      sscRole: p.sscRole,
      contributionAmount: orNull(p.contributionAmount),
      currency: orNull(p.currency),
      inKind: p.inKind,
    })),
    sectors: s.sectors.map((x) => ({ vocabulary: x.vocabulary, code: x.code, percentage: x.percentage })),
    sdgs: s.sdgs
      .split(/[\s,;]+/)
      .map((x) => x.trim())
      .filter(Boolean),
    budgets: s.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount.trim(), currency: b.currency })),
    transactions: s.transactions.map((x) => ({ type: x.type, date: x.date, amount: x.amount.trim(), currency: x.currency, description: orNull(x.description) })),
  } as ProgramBody; // same shape as the API schema; the codes are checked by validate()
}

/** Checks with the API's own schema and rules; returns field errors by path. */
export function validate(s: FormState): Map<string, FieldError> {
  const errors = new Map<string, FieldError>();
  const parsed = programInputSchema.safeParse(toRequest(s));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const code = (issue as { params?: { code?: string } }).params?.code ?? issue.code;
      if (!errors.has(path)) errors.set(path, { code, message: issue.message });
    }
    return errors;
  }
  for (const issue of checkProgramRules(programFromInput(parsed.data))) {
    if (!errors.has(issue.path)) errors.set(issue.path, { ...(issue.code ? { code: issue.code } : {}), message: issue.message });
  }
  return errors;
}

export function NewProgramPage() {
  return <ProgramForm initial={EMPTY} />;
}

export function EditProgramPage() {
  const { id } = useParams({ from: '/programs/$id/edit' });
  const activity = useProgram(Number(id));
  if (activity.isPending) return <Loading />;
  if (activity.error || !activity.data) return <ProblemMessage error={activity.error} onRetry={() => void activity.refetch()} />;
  return <ProgramForm initial={fromProgram(activity.data)} activity={activity.data} onReload={async () => (await activity.refetch()).data} />;
}

function CodeSelect({ set, value, onChange, allowEmpty, ...rest }: { set: CodeSet<string>; value: string; onChange: (v: string) => void; allowEmpty: boolean; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {allowEmpty && <option value="">{t('form.choose')}</option>}
      {set.codes.map((c) => (
        <option key={c} value={c}>
          {f.code(set, c)}
        </option>
      ))}
    </select>
  );
}

function ProgramForm({ initial, activity, onReload }: { initial: FormState; activity?: Program; onReload?: () => Promise<Program | undefined> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const save = useSaveProgram();
  const orgs = useOrganisations();
  const [state, setState] = useState<FormState>(initial);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const [problem, setProblem] = useState<unknown>(null);
  // The version this form started from (If-Match): fixed when the form opens, so that a
  // background refresh of the program can never make a save overwrite someone else's change.
  const [baseVersion, setBaseVersion] = useState(activity?.version);
  const [conflict, setConflict] = useState<StaleDetails | null>(null);
  const { user } = useSession();
  // Only the coordination team registers a program at a later stage; others file requests.
  const chooseStage = !activity && (user?.role === 'admin' || user?.role === 'coordinator');
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const err = (path: string) => errors.get(path);
  const errUnder = (prefix: string) => [...errors.entries()].find(([p]) => p === prefix || p.startsWith(`${prefix}.`))?.[1];

  const send = (version: number | undefined) => {
    setProblem(null);
    setConflict(null);
    save.mutate(
      { id: activity?.id, version, body: toRequest({ ...state, lifecycleStage: chooseStage ? state.lifecycleStage : '' }) },
      {
        onSuccess: (saved) => void navigate({ to: '/programs/$id', params: { id: String(saved.id) } }),
        onError: (error) => {
          const stale = staleDetails(error);
          if (stale) return setConflict(stale);
          setProblem(error);
          if (error instanceof ApiError) setErrors(new Map(error.issues.map((i) => [i.path, { ...(i.code ? { code: i.code } : {}), message: i.message }])));
        },
      },
    );
  };

  const loadTheirs = async () => {
    const fresh = await onReload?.();
    if (!fresh) return;
    setState(fromProgram(fresh));
    setBaseVersion(fresh.version);
    setErrors(new Map());
    setConflict(null);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (conflict) return; // the user chooses in the conflict panel
    setProblem(null);
    const found = validate(state);
    setErrors(found);
    if (found.size > 0) {
      document.querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea')?.focus();
      return;
    }
    send(baseVersion);
  };

  const text = (key: keyof FormState, label: string, opts: { required?: boolean; multiline?: boolean; type?: string; hint?: string } = {}) => (
    <Field label={label} error={err(key)} required={opts.required} hint={opts.hint}>
      {(props) =>
        opts.multiline ? (
          <textarea {...props} rows={4} value={state[key] as string} onChange={(e) => set(key, e.target.value as never)} />
        ) : (
          <input {...props} type={opts.type ?? 'text'} value={state[key] as string} onChange={(e) => set(key, e.target.value as never)} />
        )
      }
    </Field>
  );
  const code = (key: keyof FormState, label: string, codeSet: CodeSet<string>, allowEmpty = true) => (
    <Field label={label} error={err(key)}>
      {(props) => <CodeSelect {...props} set={codeSet} value={state[key] as string} allowEmpty={allowEmpty} onChange={(v) => set(key, v as never)} />}
    </Field>
  );
  const updateRow = <K extends 'partners' | 'budgets' | 'transactions' | 'recipients'>(key: K, index: number, patch: Partial<FormState[K][number]>) =>
    setState((s) => ({ ...s, [key]: (s[key] as object[]).map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const removeRow = (key: 'partners' | 'budgets' | 'transactions' | 'recipients', index: number) =>
    setState((s) => ({ ...s, [key]: (s[key] as object[]).filter((_, i) => i !== index) }));

  return (
    <form className="program-form" onSubmit={submit} noValidate>
      <h1>{activity ? t('form.editTitle', { identifier: activity.identifier }) : t('form.newTitle')}</h1>
      {errors.size > 0 && (
        <p className="problem" role="alert">
          {t('form.errorsBelow')}
        </p>
      )}
      {problem !== null && !(problem instanceof ApiError && problem.issues.length > 0) && <ProblemMessage error={problem} />}
      {conflict && <ConflictPanel conflict={conflict} busy={save.isPending} onLoadTheirs={() => void loadTheirs()} onSaveMine={() => send(conflict.currentVersion)} />}

      <fieldset>
        <legend>{t('form.sectionBasics')}</legend>
        {text('identifier', t('program.identifier'), { required: true, hint: 'e.g. ID-KEMLU-2019-01' })}
        {text('titleEn', t('program.titleEn'))}
        {text('titleId', t('program.titleId'))}
        {text('descriptionEn', t('program.descriptionEn'), { multiline: true })}
        {text('descriptionId', t('program.descriptionId'), { multiline: true })}
        <div className="row">
          {code('modality', t('program.modality'), modalities)}
          {code('flagshipArea', t('program.area'), flagshipAreas)}
          {code('cooperationType', t('program.type'), cooperationTypes, false)}
        </div>
        <div className="row">
          {code('activityStatus', t('program.status'), activityStatuses, false)}
          {chooseStage && code('lifecycleStage', t('program.stage'), lifecycleStages, false)}
          {code('fundingSource', t('program.funding'), fundingSources)}
        </div>
        <div className="row">
          <Field label={t('program.implementer')} error={err('implementingOrg')}>
            {(props) => (
              <select {...props} value={state.implementingOrg} onChange={(e) => set('implementingOrg', e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {orgs.data?.items
                  .filter((o) => o.kind === 'provider_agency' || o.code === state.implementingOrg)
                  .map((o) => (
                    <option key={o.code} value={o.code}>
                      {f.lang === 'id' ? (o.nameId ?? o.nameEn) : o.nameEn} ({o.code})
                    </option>
                  ))}
              </select>
            )}
          </Field>
          {text('participantsPlanned', t('program.participantsPlanned'), { type: 'number' })}
        </div>
        <label className="check">
          <input type="checkbox" checked={state.illustrative} onChange={(e) => set('illustrative', e.target.checked)} /> {t('program.illustrative')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionDates')}</legend>
        <div className="row">
          {text('plannedStart', t('program.plannedStart'), { type: 'date' })}
          {text('plannedEnd', t('program.plannedEnd'), { type: 'date' })}
          {text('actualStart', t('program.actualStart'), { type: 'date' })}
          {text('actualEnd', t('program.actualEnd'), { type: 'date' })}
        </div>
        <div className="row">
          {text('venueCity', t('program.venueCity'))}
          <Field label={t('program.venueCountry')} error={err('venueCountry')}>
            {(props) =>
              state.venueCountry ? (
                <button type="button" className="chip" id={props.id} onClick={() => set('venueCountry', '')}>
                  {f.country(state.venueCountry)} ×
                </button>
              ) : (
                <CountryPicker id={props.id} label={t('program.venueCountry')} onPick={(c) => set('venueCountry', c)} />
              )
            }
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionCountries')}</legend>
        {errUnder('recipients') && !err('recipients') && <small className="error">{errUnder('recipients')?.message}</small>}
        <Field label={t('program.recipients')} error={err('recipients')}>
          {(props) => <CountryPicker id={props.id} label={t('program.recipients')} exclude={state.recipients.map((r) => r.country)} onPick={(country) => set('recipients', [...state.recipients, { country, percentage: '' }])} />}
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
                  <input type="number" min={0} max={100} step="0.01" value={r.percentage} onChange={(e) => updateRow('recipients', i, { percentage: e.target.value })} aria-invalid={Boolean(err(`recipients.${i}.percentage`))} />
                </label>
                <button type="button" className="link" onClick={() => removeRow('recipients', i)}>
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t('program.sdgs')} error={errUnder('sdgs')} hint={t('program.sdgPlaceholder')}>
          {(props) => <input {...props} type="text" value={state.sdgs} onChange={(e) => set('sdgs', e.target.value)} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionPartners')}</legend>
        {err('partners') && <small className="error" role="alert">{err('partners')?.code ? t(`issues.${err('partners')?.code}`, { defaultValue: err('partners')?.message }) : err('partners')?.message}</small>}
        {state.partners.map((p, i) => (
          <div className="row sub" key={i}>
            <Field label={t('program.partnerOrg')} error={err(`partners.${i}.org`)}>
              {(props) => (
                <select {...props} value={p.org} onChange={(e) => updateRow('partners', i, { org: e.target.value })}>
                  <option value="">{t('form.choose')}</option>
                  {orgs.data?.items.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.acronym ?? o.nameEn} ({o.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('program.sscRole')} error={err(`partners.${i}.sscRole`)}>
              {(props) => <CodeSelect {...props} set={sscRoles} value={p.sscRole} allowEmpty={false} onChange={(v) => updateRow('partners', i, { sscRole: v })} />}
            </Field>
            <Field label={t('program.iatiRole')} error={err(`partners.${i}.iatiRole`)}>
              {(props) => (
                <select {...props} value={p.iatiRole} onChange={(e) => updateRow('partners', i, { iatiRole: e.target.value })}>
                  {['1', '2', '3', '4'].map((r) => (
                    <option key={r} value={r}>
                      {t(`program.iatiRoles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('program.contribution')} error={err(`partners.${i}.contributionAmount`)}>
              {(props) => <input {...props} inputMode="decimal" value={p.contributionAmount} onChange={(e) => updateRow('partners', i, { contributionAmount: e.target.value })} />}
            </Field>
            <Field label={t('program.currency')} error={err(`partners.${i}.currency`)}>
              {(props) => <input {...props} maxLength={3} value={p.currency} onChange={(e) => updateRow('partners', i, { currency: e.target.value.toUpperCase() })} />}
            </Field>
            <button type="button" className="link" onClick={() => removeRow('partners', i)}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set('partners', [...state.partners, { org: '', iatiRole: '1', sscRole: 'second_provider', contributionAmount: '', currency: '', inKind: false }])}>
          {t('form.addPartner')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionMoney')}</legend>
        {state.budgets.map((b, i) => (
          <div className="row sub" key={`b${i}`}>
            <Field label={`${t('program.budgets')}: ${t('program.period')}`} error={err(`budgets.${i}.periodStart`)}>
              {(props) => <input {...props} type="date" value={b.periodStart} onChange={(e) => updateRow('budgets', i, { periodStart: e.target.value })} />}
            </Field>
            <Field label="–" error={err(`budgets.${i}.periodEnd`)}>
              {(props) => <input {...props} type="date" value={b.periodEnd} onChange={(e) => updateRow('budgets', i, { periodEnd: e.target.value })} />}
            </Field>
            <Field label={t('program.amount')} error={err(`budgets.${i}.amount`)}>
              {(props) => <input {...props} inputMode="decimal" value={b.amount} onChange={(e) => updateRow('budgets', i, { amount: e.target.value })} />}
            </Field>
            <Field label={t('program.currency')} error={err(`budgets.${i}.currency`)}>
              {(props) => <input {...props} maxLength={3} value={b.currency} onChange={(e) => updateRow('budgets', i, { currency: e.target.value.toUpperCase() })} />}
            </Field>
            <button type="button" className="link" onClick={() => removeRow('budgets', i)}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        {state.transactions.map((x, i) => (
          <div className="row sub" key={`t${i}`}>
            <Field label={`${t('program.transactions')}: ${t('program.type_')}`} error={err(`transactions.${i}.type`)}>
              {(props) => (
                <select {...props} value={x.type} onChange={(e) => updateRow('transactions', i, { type: e.target.value })}>
                  {['1', '2', '3', '4'].map((code) => (
                    <option key={code} value={code}>
                      {t(`program.transactionTypes.${code}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('program.date')} error={err(`transactions.${i}.date`)}>
              {(props) => <input {...props} type="date" value={x.date} onChange={(e) => updateRow('transactions', i, { date: e.target.value })} />}
            </Field>
            <Field label={t('program.amount')} error={err(`transactions.${i}.amount`)}>
              {(props) => <input {...props} inputMode="decimal" value={x.amount} onChange={(e) => updateRow('transactions', i, { amount: e.target.value })} />}
            </Field>
            <Field label={t('program.currency')} error={err(`transactions.${i}.currency`)}>
              {(props) => <input {...props} maxLength={3} value={x.currency} onChange={(e) => updateRow('transactions', i, { currency: e.target.value.toUpperCase() })} />}
            </Field>
            <button type="button" className="link" onClick={() => removeRow('transactions', i)}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => set('budgets', [...state.budgets, { periodStart: '', periodEnd: '', amount: '', currency: 'IDR' }])}>
            {t('form.addBudget')}
          </button>
          <button type="button" className="secondary" onClick={() => set('transactions', [...state.transactions, { type: '4', date: '', amount: '', currency: 'IDR', description: '' }])}>
            {t('form.addTransaction')}
          </button>
        </div>
      </fieldset>

      <div className="actions sticky">
        <button type="submit" disabled={save.isPending || conflict !== null}>
          {t('common.save')}
        </button>
        {activity ? (
          <Link className="button secondary" to="/programs/$id" params={{ id: String(activity.id) }}>
            {t('common.cancel')}
          </Link>
        ) : (
          <Link className="button secondary" to="/programs">
            {t('common.cancel')}
          </Link>
        )}
      </div>
    </form>
  );
}
