/**
 * A program's completion (issue 25): the actual dates, the actual cost by line and who bore it
 * with each partner's share, and the completion report; a form for those who may record it
 * (the coordination team, the implementing agency until the evaluation). Shown from
 * implementation on; the public sees it once completed, without the costs.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../../src/domain/codes.js';
import { costBearers, costLines } from '../../../../src/domain/program/completion.js';
import type { Program, Schemas } from '../../api/client.js';
import { ApiError } from '../../api/client.js';
import { useCompletion, useSaveCompletion } from '../../api/completion-queries.js';
import { CodeSelect } from '../../components/CodeSelect.js';
import { DataTable } from '../../components/DataTable.js';
import { Field } from '../../components/Field.js';
import { errorsFromIssues, type FieldErrors } from '../../components/field-errors.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { OrgName } from '../../components/OrgName.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { completionBody, completionErrors, completionFormOf, emptyCost, type CompletionForm } from './completion-form.js';
import { NeedsList } from './StageNeeds.js';

const SHOWN_FROM: readonly LifecycleStage[] = ['implementation', 'completed', 'evaluated'];

export function CompletionSection({ a }: { a: Program }) {
  if (!SHOWN_FROM.includes(a.lifecycleStage)) return null;
  return <CompletionCard a={a} />;
}

function CompletionCard({ a }: { a: Program }) {
  const { t } = useTranslation();
  const id = useId();
  const query = useCompletion(a.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const view = query.data;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('completion.title')}</h2>
      {query.error && <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />}
      {view && !editing && (
        <>
          <CompletionView view={view} />
          {a.lifecycleStage === 'implementation' && <NeedsList action="complete" missing={view.missing} />}
          {saved && (
            <p className="success" role="status">
              {t('completion.saved')}
            </p>
          )}
          {view.canEdit && (
            <div className="actions">
              <button type="button" onClick={() => (setSaved(false), setEditing(true))}>
                {view.record ? t('completion.edit') : t('completion.record')}
              </button>
            </div>
          )}
        </>
      )}
      {view && editing && (
        <CompletionEditor
          a={a}
          view={view}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      )}
    </section>
  );
}

function CompletionView({ view }: { view: Schemas['Completion'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = view.record;
  if (!r) return <p className="muted">{t('completion.none')}</p>;
  const planned = (path: string) => view.warnings.find((w) => w.path === path)?.params?.planned;
  const report = f.lang === 'id' ? (r.reportId ?? r.reportEn) : (r.reportEn ?? r.reportId);
  return (
    <>
      {r.illustrative && <IllustrativeTag label={t('completion.illustrative')} />}
      <dl className="facts">
        <dt>{t('completion.actualStart')}</dt>
        <dd>
          {f.date(r.actualStart)}{' '}
          {planned('actualStart') && (
            <span className="muted small">{t('completion.differsFromPlan', { planned: f.date(String(planned('actualStart'))) })}</span>
          )}
        </dd>
        <dt>{t('completion.actualEnd')}</dt>
        <dd>
          {f.date(r.actualEnd)}{' '}
          {planned('actualEnd') && (
            <span className="muted small">{t('completion.differsFromPlan', { planned: f.date(String(planned('actualEnd'))) })}</span>
          )}
        </dd>
        <dt>{t('completion.report')}</dt>
        <dd className="prewrap">{report ?? '—'}</dd>
      </dl>
      <h3>{t('completion.costs')}</h3>
      {!view.costsShown ? (
        <p className="muted">{t('completion.costsHidden')}</p>
      ) : r.noCost ? (
        <p>{t('completion.noCostStated', { reason: r.noCostReason ?? '' })}</p>
      ) : (
        <CostTables view={view} />
      )}
    </>
  );
}

function CostTables({ view }: { view: Schemas['Completion'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const costs = view.record?.costs ?? [];
  if (costs.length === 0) return <p className="muted">—</p>;
  const bearer = (b: string, org: string | null) => (b === 'partner' && org ? <OrgName code={org} /> : t('completion.provider'));
  return (
    <>
      <DataTable
        head={
          <>
            <th scope="col">{t('completion.line')}</th>
            <th scope="col">{t('completion.bearer')}</th>
            <th scope="col" className="num">
              {t('completion.amount')}
            </th>
            <th scope="col">{t('completion.note')}</th>
          </>
        }
      >
        {costs.map((c, i) => (
          <tr key={i}>
            <td>{f.code(costLines, c.line)}</td>
            <td>{bearer(c.bearer, c.partnerOrg)}</td>
            <td className="num">{f.money(c.amount, c.currency)}</td>
            <td>{c.note ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      <h3>{t('completion.shares')}</h3>
      <ul>
        {view.shares.map((s) => (
          <li key={`${s.currency}-${s.bearer}-${s.partnerOrg ?? ''}`}>
            {bearer(s.bearer, s.partnerOrg)}:{' '}
            {t('completion.share', { amount: f.money(s.amount, s.currency), percent: f.percent(s.sharePercent / 100) })}
          </li>
        ))}
        {view.totals.map((x) => (
          <li key={x.currency}>
            <strong>{t('completion.partnerShare', { currency: x.currency, percent: f.percent(x.partnerSharePercent / 100) })}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

function CompletionEditor({ a, view, onDone }: { a: Program; view: Schemas['Completion']; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveCompletion(a.id);
  const [form, setForm] = useState<CompletionForm>(() => completionFormOf(view.record, a));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const set = <K extends keyof CompletionForm>(key: K, value: CompletionForm[K]) => setForm((s) => ({ ...s, [key]: value }));
  const setCost = (i: number, patch: Partial<CompletionForm['costs'][number]>) =>
    setForm((s) => ({ ...s, costs: s.costs.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = completionErrors(form);
    setErrors(found);
    if (found.size) return;
    save.mutate(
      { version: view.version, body: completionBody(form) },
      {
        onSuccess: () => onDone(true),
        onError: (error) => error instanceof ApiError && setErrors(errorsFromIssues(error.issues)),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorsBelow errors={errors} />
      <div className="row">
        <Field label={t('completion.actualStart')} error={errors.get('actualStart')}>
          {(p) => <input {...p} type="date" value={form.actualStart} onChange={(e) => set('actualStart', e.target.value)} />}
        </Field>
        <Field label={t('completion.actualEnd')} error={errors.get('actualEnd')}>
          {(p) => <input {...p} type="date" value={form.actualEnd} onChange={(e) => set('actualEnd', e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('completion.costs')}</legend>
        {form.costs.map((c, i) => (
          <div className="row sub" key={i}>
            <Field label={t('completion.line')} error={errors.get(`costs.${i}.line`)}>
              {(p) => <CodeSelect {...p} codes={costLines} value={c.line} onChange={(v) => setCost(i, { line: v })} />}
            </Field>
            <Field label={t('completion.amount')} error={errors.get(`costs.${i}.amount`)}>
              {(p) => <input {...p} inputMode="decimal" value={c.amount} onChange={(e) => setCost(i, { amount: e.target.value })} />}
            </Field>
            <Field label={t('completion.currency')} error={errors.get(`costs.${i}.currency`)}>
              {(p) => <input {...p} size={4} value={c.currency} onChange={(e) => setCost(i, { currency: e.target.value.toUpperCase() })} />}
            </Field>
            <Field label={t('completion.bearer')} error={errors.get(`costs.${i}.bearer`)}>
              {(p) => <CodeSelect {...p} codes={costBearers} value={c.bearer} onChange={(v) => setCost(i, { bearer: v })} />}
            </Field>
            {c.bearer === 'partner' && (
              <Field label={t('completion.partnerOrg')} error={errors.get(`costs.${i}.partnerOrg`)}>
                {(p) => <input {...p} value={c.partnerOrg} onChange={(e) => setCost(i, { partnerOrg: e.target.value })} />}
              </Field>
            )}
            <Field label={t('completion.note')} error={errors.get(`costs.${i}.note`)}>
              {(p) => <input {...p} value={c.note} onChange={(e) => setCost(i, { note: e.target.value })} />}
            </Field>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'costs',
                  form.costs.filter((_, j) => j !== i),
                )
              }
            >
              {t('completion.removeCost', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set('costs', [...form.costs, emptyCost(form.costs.at(-1)?.currency)])}>
          {t('completion.addCost')}
        </button>
        <div className="field checkbox">
          <label>
            <input type="checkbox" checked={form.noCost} onChange={(e) => set('noCost', e.target.checked)} /> {t('completion.noCost')}
          </label>
          {errors.get('noCost') && <small className="error">{errors.get('noCost')?.message}</small>}
        </div>
        {form.noCost && (
          <Field label={t('completion.noCostReason')} error={errors.get('noCostReason')}>
            {(p) => <input {...p} value={form.noCostReason} onChange={(e) => set('noCostReason', e.target.value)} />}
          </Field>
        )}
      </fieldset>
      <Field label={t('completion.reportEn')} error={errors.get('reportEn')}>
        {(p) => <textarea {...p} rows={5} value={form.reportEn} onChange={(e) => set('reportEn', e.target.value)} />}
      </Field>
      <Field label={t('completion.reportId')} error={errors.get('reportId')}>
        {(p) => <textarea {...p} rows={5} lang="id" value={form.reportId} onChange={(e) => set('reportId', e.target.value)} />}
      </Field>
      {save.error && !(save.error instanceof ApiError && save.error.issues.length) && <ProblemMessage error={save.error} />}
      <FormActions submit={t('completion.save')} busy={save.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
