/**
 * The program's results framework (docs/results.md): a table per indicator (baseline, periods
 * with target and actual, their disaggregation), the participant indicator computed from the
 * participant records (read-only), and, for those who may edit, forms to add results, indicators
 * and periods and buttons to delete them. Each change sends the framework version it was made on.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useResultChanges,
  useResults,
  type FrameworkIndicator,
  type FrameworkPeriod,
  type FrameworkResult,
  type ResultsFramework,
} from '../../api/result-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import {
  emptyIndicator,
  emptyPeriod,
  emptyResult,
  indicatorBody,
  periodBody,
  periodForm,
  resultBody,
  type IndicatorForm,
  type PeriodForm,
  type ResultForm,
} from './results-form.js';

type Changes = ReturnType<typeof useResultChanges>;

export function ResultsSection({ id }: { id: number }) {
  const { t } = useTranslation();
  const results = useResults(id);
  return (
    <section className="card results" aria-labelledby="results-title">
      <h2 id="results-title">{t('results.title')}</h2>
      {results.isPending ? (
        <Loading />
      ) : results.error || !results.data ? (
        <ProblemMessage error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Framework data={results.data} />
      )}
    </section>
  );
}

function Framework({ data }: { data: ResultsFramework }) {
  const { t } = useTranslation();
  const changes = useResultChanges(data.programId, data.version);
  return (
    <>
      <ParticipantIndicator p={data.participants} />
      {data.results.length === 0 && <p className="muted">{t('results.none')}</p>}
      {data.results.map((r) => (
        <ResultBlock key={r.id} r={r} editable={data.editable} changes={changes} />
      ))}
      {changes.mutation.error ? <ProblemMessage error={changes.mutation.error} /> : null}
      {data.editable && (
        <AddForm
          label={t('results.addResult')}
          initial={emptyResult()}
          onSubmit={(f) => changes.addResult(resultBody(f))}
          busy={changes.mutation.isPending}
        >
          {(f, set) => <ResultFields f={f} set={set} />}
        </AddForm>
      )}
    </>
  );
}

function ParticipantIndicator({ p }: { p: ResultsFramework['participants'] }) {
  const { t } = useTranslation();
  return (
    <div className="results-participants">
      <h3>{t('results.participants.title')}</h3>
      <p className="muted small">{t('results.participants.note')}</p>
      <dl className="facts">
        <dt>{t('results.period')}</dt>
        <dd>{p.start && p.end ? `${p.start} – ${p.end}` : '—'}</dd>
        <dt>{t('results.target')}</dt>
        <dd>{p.planned ?? '—'}</dd>
        <dt>{t('results.actual')}</dt>
        <dd>
          {p.attended === null
            ? t('results.participants.noRecords')
            : t('results.participants.attended', { n: p.attended, female: p.female, male: p.male })}
        </dd>
        {p.byCountry.length > 0 && (
          <>
            <dt>{t('results.byCountry')}</dt>
            <dd>{p.byCountry.map((c) => `${c.country} ${c.attended}`).join(', ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function ResultBlock({ r, editable, changes }: { r: FrameworkResult; editable: boolean; changes: Changes }) {
  const { t, i18n } = useTranslation();
  const title = (i18n.language === 'id' ? (r.titleId ?? r.titleEn) : (r.titleEn ?? r.titleId)) ?? '';
  return (
    <div className="result">
      <h3>
        {t(`results.type.${r.type}`)}: {title}
        {editable && (
          <button type="button" className="link danger" onClick={() => void changes.deleteResult(r.id).catch(() => undefined)}>
            {t('results.delete')}
          </button>
        )}
      </h3>
      {r.indicators.map((i) => (
        <IndicatorTable key={i.id} resultId={r.id} i={i} editable={editable} changes={changes} />
      ))}
      {editable && (
        <AddForm
          label={t('results.addIndicator')}
          initial={emptyIndicator()}
          busy={changes.mutation.isPending}
          onSubmit={(f) => changes.addIndicator(r.id, indicatorBody(f))}
        >
          {(f, set) => <IndicatorFields f={f} set={set} />}
        </AddForm>
      )}
    </div>
  );
}

function valueText(v: number | null | undefined, measure: string, lang: string): string {
  if (v === null || v === undefined) return '';
  const n = v.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return measure === '2' ? `${n}%` : n;
}

function IndicatorTable({
  resultId,
  i,
  editable,
  changes,
}: {
  resultId: number;
  i: FrameworkIndicator;
  editable: boolean;
  changes: Changes;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const lang = i18n.language;
  const title = (lang === 'id' ? (i.titleId ?? i.titleEn) : (i.titleEn ?? i.titleId)) ?? '';
  const groups = (m: FrameworkPeriod['target']) =>
    (m?.disaggregations ?? [])
      .map((d) => `${t(`results.dimension.${d.dimension}`)} ${d.value}: ${valueText(d.amount, i.measure, lang)}`)
      .join('; ');
  return (
    <div className="indicator">
      <div className="table-wrap">
        <table className="table">
          <caption>
            {title}{' '}
            <span className="muted small">
              ({t(`results.measure.${i.measure}`)}
              {i.ascending ? '' : `, ${t('results.descending')}`})
            </span>
            {editable && (
              <button
                type="button"
                className="link danger"
                onClick={() => void changes.deleteIndicator(resultId, i.id).catch(() => undefined)}
              >
                {t('results.delete')}
              </button>
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('results.period')}</th>
              <th scope="col">{t('results.target')}</th>
              <th scope="col">{t('results.actual')}</th>
              <th scope="col">{t('results.disaggregation')}</th>
              <th scope="col">{t('results.comment')}</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('results.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {i.baseline && (
              <tr>
                <th scope="row">{t('results.baseline', { year: i.baseline.year })}</th>
                <td colSpan={2}>{valueText(i.baseline.value, i.measure, lang)}</td>
                <td />
                <td>
                  {(lang === 'id' ? (i.baseline.commentId ?? i.baseline.commentEn) : (i.baseline.commentEn ?? i.baseline.commentId)) ?? ''}
                </td>
                {editable && <td />}
              </tr>
            )}
            {i.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">{`${p.start} – ${p.end}`}</th>
                <td>{valueText(p.target?.value, i.measure, lang)}</td>
                <td>{valueText(p.actual?.value, i.measure, lang)}</td>
                <td>{[groups(p.target), groups(p.actual)].filter(Boolean).join(' / ')}</td>
                <td>
                  {(lang === 'id' ? (p.actual?.commentId ?? p.actual?.commentEn) : (p.actual?.commentEn ?? p.actual?.commentId)) ?? ''}
                  {(p.actual?.documents ?? []).map((d) => (
                    <a key={d.url} href={d.url} rel="noreferrer noopener" target="_blank" className="small">
                      {' '}
                      {d.titleEn ?? d.titleId ?? d.url}
                    </a>
                  ))}
                </td>
                {editable && (
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(editing === p.id ? null : p.id)}>
                      {t('results.edit')}
                    </button>
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => void changes.deletePeriod(resultId, i.id, p.id).catch(() => undefined)}
                    >
                      {t('results.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && editing !== null && (
        <PeriodEditor
          key={editing}
          initial={periodForm(i.periods.find((p) => p.id === editing) ?? { id: 0, start: '', end: '', target: null, actual: null })}
          busy={changes.mutation.isPending}
          label={t('results.savePeriod')}
          onSubmit={async (f) => {
            const current = i.periods.find((p) => p.id === editing);
            await changes.updatePeriod(resultId, i.id, editing, periodBody(f, i.measure, current));
            setEditing(null);
          }}
        />
      )}
      {editable && (
        <AddForm
          label={t('results.addPeriod')}
          initial={emptyPeriod()}
          busy={changes.mutation.isPending}
          onSubmit={(f) => changes.addPeriod(resultId, i.id, periodBody(f, i.measure))}
        >
          {(f, set) => <PeriodFields f={f} set={set} />}
        </AddForm>
      )}
    </div>
  );
}

function PeriodEditor({
  initial,
  busy,
  label,
  onSubmit,
}: {
  initial: PeriodForm;
  busy: boolean;
  label: string;
  onSubmit: (f: PeriodForm) => Promise<void>;
}) {
  const [f, setF] = useState(initial);
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(f).catch(() => undefined);
  };
  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <PeriodFields f={f} set={(next) => setF({ ...f, ...next })} />
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

/** A collapsed form that adds one item; it closes and clears once the server accepts it. */
function AddForm<F>({
  label,
  initial,
  busy,
  onSubmit,
  children,
}: {
  label: string;
  initial: F;
  busy: boolean;
  onSubmit: (f: F) => Promise<unknown>;
  children: (f: F, set: (next: Partial<F>) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState(initial);
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(f)
      .then(() => {
        setF(initial);
        setOpen(false);
      })
      .catch(() => undefined);
  };
  return (
    <form className="inline-form" onSubmit={handleSubmit} aria-label={label}>
      {children(f, (next) => setF({ ...f, ...next }))}
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function ResultFields({ f, set }: { f: ResultForm; set: (n: Partial<ResultForm>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('results.typeLabel')}>
        {(id) => (
          <select id={id} value={f.type} onChange={(e) => set({ type: e.target.value as ResultForm['type'] })}>
            {(['1', '2', '3', '9'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`results.type.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('results.titleEn')}>
        {(id) => <input id={id} value={f.titleEn} onChange={(e) => set({ titleEn: e.target.value })} />}
      </Field>
      <Field label={t('results.titleId')}>
        {(id) => <input id={id} value={f.titleId} onChange={(e) => set({ titleId: e.target.value })} />}
      </Field>
    </>
  );
}

function IndicatorFields({ f, set }: { f: IndicatorForm; set: (n: Partial<IndicatorForm>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('results.measureLabel')}>
        {(id) => (
          <select id={id} value={f.measure} onChange={(e) => set({ measure: e.target.value as IndicatorForm['measure'] })}>
            {(['1', '2', '3', '4', '5'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`results.measure.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('results.titleEn')}>
        {(id) => <input id={id} value={f.titleEn} onChange={(e) => set({ titleEn: e.target.value })} />}
      </Field>
      <Field label={t('results.titleId')}>
        {(id) => <input id={id} value={f.titleId} onChange={(e) => set({ titleId: e.target.value })} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={f.ascending} onChange={(e) => set({ ascending: e.target.checked })} /> {t('results.ascending')}
        </label>
      </div>
      <Field label={t('results.baselineYear')}>
        {(id) => <input id={id} inputMode="numeric" value={f.baselineYear} onChange={(e) => set({ baselineYear: e.target.value })} />}
      </Field>
      <Field label={t('results.baselineValue')}>
        {(id) => <input id={id} inputMode="decimal" value={f.baselineValue} onChange={(e) => set({ baselineValue: e.target.value })} />}
      </Field>
    </>
  );
}

function PeriodFields({ f, set }: { f: PeriodForm; set: (n: Partial<PeriodForm>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('results.start')}>
        {(id) => <input id={id} type="date" value={f.start} onChange={(e) => set({ start: e.target.value })} />}
      </Field>
      <Field label={t('results.end')}>
        {(id) => <input id={id} type="date" value={f.end} onChange={(e) => set({ end: e.target.value })} />}
      </Field>
      <Field label={t('results.target')}>
        {(id) => <input id={id} inputMode="decimal" value={f.target} onChange={(e) => set({ target: e.target.value })} />}
      </Field>
      <Field label={t('results.targetComment')}>
        {(id) => <input id={id} value={f.targetComment} onChange={(e) => set({ targetComment: e.target.value })} />}
      </Field>
      <Field label={t('results.actual')}>
        {(id) => <input id={id} inputMode="decimal" value={f.actual} onChange={(e) => set({ actual: e.target.value })} />}
      </Field>
      <Field label={t('results.actualComment')}>
        {(id) => <input id={id} value={f.actualComment} onChange={(e) => set({ actualComment: e.target.value })} />}
      </Field>
    </>
  );
}
