/** Priority targets against the records, per year; the coordination team sets them and keeps country lists. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listGroups } from '../../../../src/domain/reference/groupings.js';
import { REPORT_REGIONS } from '../../../../src/domain/reference/types.js';
import {
  useBreakdown,
  useCountryLists,
  useDeleteCountryList,
  useDeleteTarget,
  usePriorities,
  useSaveCountryList,
  useSetTargets,
  type CountryListData,
  type PriorityViewData,
  type SubjectKind,
  type TargetBody,
} from '../../api/analytics-queries.js';
import { ApiError } from '../../api/client.js';
import { can, useSession } from '../../auth/session.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { EmptyState, IssueList, ProblemMessage, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { rangeOf, YearRange } from '../Analytics/YearRange.js';
import { oneOf } from '../../search-params.js';

export interface PrioritiesSearch {
  from?: number;
  to?: number;
  /** The subject shown country by country: "group:PIF". */
  subject?: string;
  year?: number;
}

type Metric = TargetBody['metric'];
const METRICS: readonly Metric[] = ['program_share', 'participant_share', 'programs', 'participants', 'countries'];
const KINDS: readonly SubjectKind[] = ['group', 'region', 'list', 'country'];
const COMPARATORS = ['at_least', 'at_most'] as const;
const isShare = (m: string) => m === 'program_share' || m === 'participant_share';

/** Field problems of a refused request, each with its field. */
function Issues({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return error ? <ProblemMessage error={error} /> : null;
  return (
    <div className="problem" role="alert">
      <p>{error.message}</p>
      <IssueList issues={error.issues} />
    </div>
  );
}

export function PrioritiesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/priorities' });
  const navigate = useNavigate({ from: '/priorities' });
  const { user } = useSession();
  const range = rangeOf(search);
  const query = usePriorities(range);
  const go = (next: Partial<PrioritiesSearch>) => void navigate({ search: (s) => ({ ...s, ...next }) });
  const [subjectKind, code] = (search.subject ?? '').split(':');
  const kind = oneOf(KINDS, subjectKind);
  const subject = kind && code ? { kind, code } : null;
  return (
    <article>
      <div className="page-head">
        <h1>{t('priorities.title')}</h1>
        <YearRange from={range.from} to={range.to} onChange={(r) => go(r)} />
      </div>
      <p className="muted">{t('priorities.intro')}</p>
      <QueryState query={query}>
        {(data) => <TargetTable data={data} canEdit={can.setPriorities(user)} onBreakdown={(s, year) => go({ subject: s, year })} />}
      </QueryState>
      {subject && (
        <BreakdownSection subject={subject} year={search.year ?? range.to} onClose={() => go({ subject: undefined, year: undefined })} />
      )}
      {can.setPriorities(user) && (
        <div className="grid2">
          <TargetForm defaultFrom={range.from} defaultTo={range.to} />
          <CountryLists />
        </div>
      )}
    </article>
  );
}

/** Deletes one year's target, once the user confirms. */
function DeleteTarget({ targetId, year, onDelete }: { targetId: number; year: number; onDelete: (targetId: number) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link small no-print"
      aria-label={t('priorities.deleteTarget', { year })}
      title={t('priorities.deleteTarget', { year })}
      onClick={() => {
        if (window.confirm(t('priorities.confirmDelete'))) onDelete(targetId);
      }}
    >
      ×
    </button>
  );
}

function TargetTable({
  data,
  canEdit,
  onBreakdown,
}: {
  data: PriorityViewData;
  canEdit: boolean;
  onBreakdown: (subject: string, year: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const remove = useDeleteTarget();
  if (data.rows.length === 0) return <EmptyState>{t('priorities.empty')}</EmptyState>;
  const behind = data.rows.filter((r) => r.behind).length;
  const unit = (metric: string, n: number) =>
    isShare(metric)
      ? `${new Intl.NumberFormat(f.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(n)}%`
      : f.number(n);
  return (
    <section className="card">
      {behind > 0 && <p className="warning">{t('priorities.behindCount', { count: behind })}</p>}
      <div className="table-wrap">
        <table className="data priorities">
          <thead>
            <tr>
              <th scope="col">{t('priorities.subject')}</th>
              <th scope="col">{t('priorities.metric')}</th>
              {data.rows[0]?.years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={`${r.subjectKind}:${r.subjectCode}:${r.metric}`} className={r.behind ? 'behind' : undefined}>
                <th scope="row">
                  {f.lang === 'id' ? r.nameId : r.nameEn}
                  <br />
                  <span className="muted small">{t(`priorities.kinds.${r.subjectKind}`)}</span>
                  {r.note && <span className="muted small"> · {r.note}</span>}
                  <br />
                  <button
                    type="button"
                    className="link small no-print"
                    onClick={() => onBreakdown(`${r.subjectKind}:${r.subjectCode}`, data.to)}
                  >
                    {t('priorities.byCountry')}
                  </button>
                </th>
                <td>{t(`priorities.metrics.${r.metric}`)}</td>
                {r.years.map((y) => (
                  <td key={y.year} className="num">
                    <strong>{unit(r.metric, y.actual)}</strong>
                    {y.target !== null && (
                      <>
                        <br />
                        <span className="small">
                          {t(`priorities.comparators.${y.comparator ?? 'at_least'}`)} {unit(r.metric, y.target)}
                        </span>
                        <br />
                        <span className={`badge ${y.met ? 'ok' : 'bad'}`}>{y.met ? t('priorities.met') : t('priorities.behind')}</span>
                        {y.open && <span className="muted small"> ({t('priorities.open')})</span>}
                        {canEdit && y.targetId !== null && (
                          <DeleteTarget targetId={y.targetId} year={y.year} onDelete={(id) => remove.mutate(id)} />
                        )}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remove.error && <Issues error={remove.error} />}
    </section>
  );
}

function BreakdownSection({ subject, year, onClose }: { subject: { kind: SubjectKind; code: string }; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useBreakdown(subject, year);
  return (
    <section className="card">
      <QueryState query={query}>
        {(b) => (
          <>
            <div className="card-head">
              <h2>{t('priorities.breakdownTitle', { name: f.lang === 'id' ? b.nameId : b.nameEn, year: b.year })}</h2>
              <button type="button" className="secondary no-print" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </div>
            <p>
              {t('priorities.breakdownTotals', {
                programs: f.number(b.totals.programs),
                countries: f.number(b.totals.countries),
                participants: f.number(b.totals.participants),
              })}
            </p>
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('common.countries')}</th>
                    <th scope="col" className="num">
                      {t('common.programs')}
                    </th>
                    <th scope="col" className="num">
                      {t('common.participants')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {b.countries.map((c) => (
                    <tr key={c.country} className={c.programs === 0 ? 'muted' : undefined}>
                      <td>
                        <Link to="/countries/$code" params={{ code: c.country }}>
                          {f.lang === 'id' ? c.nameId : c.nameEn}
                        </Link>
                      </td>
                      <td className="num">{f.number(c.programs)}</td>
                      <td className="num">{f.number(c.participants)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

/** A form control with its label (explicit for/id, so the label names only the control). */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function YearSelect({
  id,
  years,
  value,
  onChange,
}: {
  id: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

function TargetForm({ defaultFrom, defaultTo }: { defaultFrom: number; defaultTo: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lists = useCountryLists();
  const save = useSetTargets();
  const [kind, setKind] = useState<SubjectKind>('group');
  const [code, setCode] = useState('PIF');
  const [metric, setMetric] = useState<Metric>('program_share');
  const [comparator, setComparator] = useState<'at_least' | 'at_most'>('at_least');
  const [target, setTarget] = useState('25');
  const [from, setFrom] = useState(defaultTo);
  const [to, setTo] = useState(defaultTo);
  const [note, setNote] = useState('');
  const codes: { value: string; label: string }[] =
    kind === 'group'
      ? listGroups()
          .filter((g) => g.code !== 'G77')
          .map((g) => ({ value: g.code, label: f.lang === 'id' ? g.nameId : g.nameEn }))
      : kind === 'region'
        ? REPORT_REGIONS.map((r) => ({ value: r, label: t(`codes.regions.${r}`) }))
        : kind === 'list'
          ? (lists.data?.items ?? []).map((l) => ({ value: l.code, label: f.lang === 'id' ? l.nameId : l.nameEn }))
          : code
            ? [{ value: code, label: f.country(code) }]
            : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    save.mutate(
      years.map((year) => ({
        year,
        subjectKind: kind,
        subjectCode: code,
        metric,
        comparator,
        target: Number(target),
        ...(note.trim() ? { note: note.trim() } : {}),
      })),
    );
  };
  const years = Array.from({ length: 30 }, (_, i) => Math.max(defaultTo, new Date().getFullYear()) + 5 - i);
  return (
    <section className="card">
      <h2>{t('priorities.setTitle')}</h2>
      <form onSubmit={submit} className="stack" aria-label={t('priorities.setTitle')}>
        <Labelled id="subject-kind" label={t('priorities.subject')}>
          <select
            id="subject-kind"
            value={kind}
            onChange={(e) => {
              const k = oneOf(KINDS, e.target.value);
              if (!k) return;
              setKind(k);
              setCode(k === 'group' ? 'PIF' : k === 'region' ? 'africa' : k === 'list' ? (lists.data?.items[0]?.code ?? '') : '');
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`priorities.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Labelled>
        {kind === 'country' ? (
          <>
            {code && <p>{f.country(code)}</p>}
            <CountryPicker label={t('priorities.kinds.country')} onPick={setCode} />
          </>
        ) : (
          <Labelled id="subject-code" label={t(`priorities.kinds.${kind}`)}>
            <select id="subject-code" value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">{t('priorities.chooseCode')}</option>
              {codes.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Labelled>
        )}
        <Labelled id="target-metric" label={t('priorities.metric')}>
          <select id="target-metric" value={metric} onChange={(e) => setMetric(oneOf(METRICS, e.target.value) ?? metric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`priorities.metrics.${m}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <div className="row">
          <Labelled id="target-comparator" label={t('priorities.comparator')}>
            <select
              id="target-comparator"
              value={comparator}
              onChange={(e) => setComparator(oneOf(COMPARATORS, e.target.value) ?? comparator)}
            >
              <option value="at_least">{t('priorities.comparators.at_least')}</option>
              <option value="at_most">{t('priorities.comparators.at_most')}</option>
            </select>
          </Labelled>
          <Labelled id="target-value" label={t('priorities.target')}>
            <input
              id="target-value"
              type="number"
              min={0}
              max={isShare(metric) ? 100 : undefined}
              step={isShare(metric) ? 0.01 : 1}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              required
            />
          </Labelled>
        </div>
        <div className="row">
          <Labelled id="target-from" label={t('priorities.fromYear')}>
            <YearSelect id="target-from" years={years} value={from} onChange={setFrom} />
          </Labelled>
          <Labelled id="target-to" label={t('priorities.toYear')}>
            <YearSelect id="target-to" years={years} value={to} onChange={setTo} />
          </Labelled>
        </div>
        <label>
          {t('priorities.note')}
          <input type="text" maxLength={400} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending || !code || from > to}>
          {t('priorities.setButton')}
        </button>
        {save.isSuccess && (
          <p role="status" className="ok">
            {t('priorities.saved', { count: save.data.items.length })}
          </p>
        )}
        {save.error && <Issues error={save.error} />}
      </form>
      <p className="muted small">{defaultFrom !== defaultTo ? `${defaultFrom}–${defaultTo}` : ''}</p>
    </section>
  );
}

function CountryLists() {
  const { t } = useTranslation();
  const f = useFormat();
  const lists = useCountryLists();
  const save = useSaveCountryList();
  const remove = useDeleteCountryList();
  const [form, setForm] = useState<{ code: string; nameEn: string; nameId: string; countries: string[] }>({
    code: '',
    nameEn: '',
    nameId: '',
    countries: [],
  });
  const edit = (l: CountryListData) => setForm({ code: l.code, nameEn: l.nameEn, nameId: l.nameId, countries: [...l.countries] });
  return (
    <section className="card">
      <h2>{t('priorities.listsTitle')}</h2>
      <p className="muted small">{t('priorities.listsIntro')}</p>
      <QueryState query={lists}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('priorities.noLists')}</p>
          ) : (
            <ul className="plain">
              {data.items.map((l) => (
                <li key={l.code}>
                  <strong>{f.lang === 'id' ? l.nameId : l.nameEn}</strong> <code>{l.code}</code>:{' '}
                  {l.countries.map((c) => f.country(c)).join(', ')}{' '}
                  <button type="button" className="link" onClick={() => edit(l)}>
                    {t('priorities.editList')}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => remove.mutate(l.code)}>
                    {t('common.delete')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {remove.error && <Issues error={remove.error} />}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...form, code: form.code.trim().toLowerCase() });
        }}
      >
        <label>
          {t('priorities.listCode')}
          <input
            type="text"
            value={form.code}
            pattern="[a-zA-Z0-9][a-zA-Z0-9\-]{0,39}"
            onChange={(e) => setForm({ ...form, code: e.target.value })}
            required
          />
        </label>
        <label>
          {t('priorities.nameEn')}
          <input type="text" value={form.nameEn} maxLength={200} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} required />
        </label>
        <label>
          {t('priorities.nameId')}
          <input type="text" value={form.nameId} maxLength={200} onChange={(e) => setForm({ ...form, nameId: e.target.value })} required />
        </label>
        <ul className="chips" aria-label={t('common.countries')}>
          {form.countries.map((c) => (
            <li key={c}>
              {f.country(c)}{' '}
              <button
                type="button"
                className="link"
                aria-label={`${t('common.remove')} ${f.country(c)}`}
                onClick={() => setForm({ ...form, countries: form.countries.filter((x) => x !== c) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <CountryPicker
          label={t('priorities.addCountry')}
          exclude={form.countries}
          onPick={(c) => setForm({ ...form, countries: [...form.countries, c] })}
        />
        <button type="submit" disabled={save.isPending || form.countries.length === 0}>
          {t('priorities.saveList')}
        </button>
        {save.isSuccess && (
          <p role="status" className="ok">
            {t('priorities.listSaved', { code: save.data.code })}
          </p>
        )}
        {save.error && <Issues error={save.error} />}
      </form>
    </section>
  );
}
