/**
 * Money ("Keuangan"): budget against spending per program, agency or year in US dollars and
 * rupiah, the in-kind estimates of programs with no money recorded (always labelled as
 * estimates, kept apart from spending), the unit costs behind them (editable by the coordination
 * team), and the TOSSD/CRS-style CSV download. Figures come from the API; the page only formats.
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../src/domain/codes.js';
import type { Schemas } from '../../api/client.js';
import { useBudgetVsSpent, useInKind } from '../../api/money-queries.js';
import { useOrganisations, useYears } from '../../api/queries.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import type { MoneyGrouping, MoneySearch } from './money-search.js';
import { UnitCostSection } from './UnitCostSection.js';
import { CodeFilter } from '../../components/CodeFilter.js';

type Spending = Schemas['Spending'];
type BudgetRow = Schemas['BudgetVsSpent']['rows'][number];
type Estimate = Schemas['InKindEstimate'];
type Gap = Schemas['InKindReport']['gaps'][number];

const PAGE_SIZE = 50;
const GROUPINGS: readonly MoneyGrouping[] = ['program', 'agency', 'year'];

/** The badge every estimated value carries. */
export function EstimateBadge() {
  const { t } = useTranslation();
  return (
    <span className="tag" title={t('money.estimatedHint')}>
      {t('money.estimated')}
    </span>
  );
}

export function MoneyPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/money' });
  const navigate = useNavigate({ from: '/money' });
  const set = (patch: Partial<MoneySearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, page: undefined, inKindPage: undefined }) });
  const years = useYears();
  // TOSSD reports what was spent: by default the latest year with programs that has begun.
  const thisYear = new Date().getFullYear();
  const lastYear = years.data?.items.filter((y) => y.year <= thisYear).at(-1)?.year ?? thisYear - 1;
  const tossdYear = search.yearTo ?? search.yearFrom ?? lastYear;
  return (
    <article className="money">
      <div className="page-head">
        <h1>{t('money.title')}</h1>
        <div className="actions">
          <a
            className="button secondary"
            href={`/api/v1/export/tossd.csv?year=${tossdYear}${search.stage ? `&stage=${encodeURIComponent(search.stage)}` : ''}`}
            download
          >
            {t('money.downloadTossd', { year: tossdYear })}
          </a>
        </div>
      </div>
      <p className="muted">{t('money.intro')}</p>
      <Filters search={search} years={(years.data?.items ?? []).map((y) => y.year)} onChange={set} />
      <BudgetSection search={search} onPage={(page) => void navigate({ search: (s) => ({ ...s, page: page > 1 ? page : undefined }) })} />
      <InKindSection
        search={search}
        onPage={(page) => void navigate({ search: (s) => ({ ...s, inKindPage: page > 1 ? page : undefined }) })}
      />
      <UnitCostSection />
    </article>
  );
}

function Filters({
  search,
  years,
  onChange,
}: {
  search: MoneySearch;
  years: readonly number[];
  onChange: (patch: Partial<MoneySearch>) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const agencies = (useOrganisations().data?.items ?? []).filter((o) => o.kind === 'provider_agency');
  const yearSelect = (key: 'yearFrom' | 'yearTo', label: string) => (
    <div className="field-like">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={search[key] ?? ''}
        onChange={(e) => onChange({ [key]: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('common.all')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters" role="search" aria-label={t('money.filters')} onSubmit={(e) => e.preventDefault()}>
      {yearSelect('yearFrom', t('money.yearFrom'))}
      {yearSelect('yearTo', t('money.yearTo'))}
      <div className="field-like">
        <label htmlFor={`${id}-agency`}>{t('money.agency')}</label>
        <select id={`${id}-agency`} value={search.agency ?? ''} onChange={(e) => onChange({ agency: e.target.value || undefined })}>
          <option value="">{t('common.all')}</option>
          {agencies.map((o) => (
            <option key={o.code} value={o.code}>
              {o.acronym ? `${o.acronym} — ` : ''}
              {f.lang === 'id' ? (o.nameId ?? o.nameEn) : o.nameEn}
            </option>
          ))}
        </select>
      </div>
      <CodeFilter
        id={`${id}-stage`}
        label={t('money.stage')}
        codes={lifecycleStages}
        value={search.stage}
        onChange={(stage) => onChange({ stage })}
      />
      <div className="field-like">
        <span id={`${id}-group`}>{t('money.groupBy')}</span>
        <div className="toggle" role="radiogroup" aria-labelledby={`${id}-group`}>
          {GROUPINGS.map((g) => (
            <button
              key={g}
              type="button"
              role="radio"
              aria-checked={(search.groupBy ?? 'program') === g}
              onClick={() => onChange({ groupBy: g === 'program' ? undefined : g })}
            >
              {t(`money.groupings.${g}`)}
            </button>
          ))}
        </div>
      </div>
    </form>
  );
}

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page, pages })}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** Amounts left out of a total for want of an exchange rate: always said, never dropped silently. */
function MissingRates({ spending, what }: { spending: Spending; what: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (spending.missingRates.length === 0) return null;
  return (
    <div className="problem" role="alert">
      <strong>{t('money.missingRatesTitle', { what })}</strong>
      <ul>
        {spending.missingRates.map((m) => (
          <li key={m.currency}>
            {t('money.missingRate', {
              currency: m.currency,
              from: f.date(m.firstDate),
              to: f.date(m.lastDate),
              amount: f.money(m.amount, m.currency),
              count: m.transactions,
              totals: m.missing.join(', ').toUpperCase(),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RateTag({ spending }: { spending: Spending }) {
  const { t } = useTranslation();
  if (spending.missingRates.length === 0) return null;
  return (
    <>
      {' '}
      <span className="tag" title={t('money.rateMissingHint')}>
        {t('money.rateMissing')}
      </span>
    </>
  );
}

function Execution({ rate, basis }: { rate: number | null; basis: 'usd' | 'idr' | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (rate === null) return <span className="muted">—</span>;
  return (
    <>
      {f.percent(rate)}
      {basis === 'idr' && <span className="muted small"> ({t('money.inIdr')})</span>}
    </>
  );
}

function GroupLabel({ row }: { row: BudgetRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  const g = row.group;
  if (g.program) {
    return (
      <>
        <Link to="/programs/$id" params={{ id: String(g.program.id) }}>
          {g.program.identifier}
        </Link>
        <br />
        {f.title(g.program)}
      </>
    );
  }
  if (g.groupBy === 'agency') {
    if (!g.agency) return <span className="muted">{t('money.noAgency')}</span>;
    return (
      <>
        {f.lang === 'id' ? (g.agency.nameId ?? g.agency.nameEn) : g.agency.nameEn}{' '}
        {g.agency.acronym && <span className="muted small">({g.agency.acronym})</span>}
      </>
    );
  }
  return g.year === null ? <span className="muted">{t('money.noYear')}</span> : <>{g.year}</>;
}

function BudgetSection({ search, onPage }: { search: MoneySearch; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const groupBy = search.groupBy ?? 'program';
  const page = search.page ?? 1;
  const query = useBudgetVsSpent({
    groupBy,
    yearFrom: search.yearFrom,
    yearTo: search.yearTo,
    agency: search.agency,
    stage: search.stage,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section className="card" aria-labelledby="money-budget">
      <h2 id="money-budget">{t('money.budgetTitle')}</h2>
      <p className="muted small">{t('money.budgetIntro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total.programs === 0 ? (
        <EmptyState>{t('money.noPrograms')}</EmptyState>
      ) : (
        <>
          <div className="figures">
            <div className="figure">
              <span className="figure-value">{f.money(query.data.total.budget.usd, 'USD')}</span>
              <span className="figure-label">
                {t('money.budget')} · {f.money(query.data.total.budget.idr, 'IDR')}
              </span>
            </div>
            <div className="figure">
              <span className="figure-value">{f.money(query.data.total.spent.usd, 'USD')}</span>
              <span className="figure-label">
                {t('money.spent')} · {f.money(query.data.total.spent.idr, 'IDR')}
              </span>
            </div>
            <div className="figure">
              <span className="figure-value">
                <Execution rate={query.data.total.executionRate} basis={query.data.total.executionRateBasis} />
              </span>
              <span className="figure-label">{t('money.executionRate')}</span>
            </div>
          </div>
          <MissingRates spending={query.data.total.budget} what={t('money.budget')} />
          <MissingRates spending={query.data.total.spent} what={t('money.spent')} />
          <div className="table-wrap">
            <table className="data">
              <caption className="muted small">{t('money.tableCaption', { count: query.data.groups })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`money.groupings.${groupBy}`)}</th>
                  {groupBy !== 'program' && (
                    <th scope="col" className="num">
                      {t('common.programs')}
                    </th>
                  )}
                  <th scope="col" className="num">
                    {t('money.budgetUsd')}
                  </th>
                  <th scope="col" className="num">
                    {t('money.spentUsd')}
                  </th>
                  <th scope="col" className="num">
                    {t('money.budgetIdr')}
                  </th>
                  <th scope="col" className="num">
                    {t('money.spentIdr')}
                  </th>
                  <th scope="col" className="num">
                    {t('money.executionRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.rows.map((row, i) => (
                  <tr key={row.group.program?.id ?? `${row.group.agency?.code ?? row.group.year ?? 'none'}-${i}`}>
                    <td className="title-cell">
                      <GroupLabel row={row} />
                    </td>
                    {groupBy !== 'program' && <td className="num">{f.number(row.group.programs)}</td>}
                    <td className="num">
                      {f.money(row.budget.usd)}
                      <RateTag spending={row.budget} />
                    </td>
                    <td className="num">
                      {f.money(row.spent.usd)}
                      <RateTag spending={row.spent} />
                    </td>
                    <td className="num">{f.money(row.budget.idr)}</td>
                    <td className="num">{f.money(row.spent.idr)}</td>
                    <td className="num">
                      <Execution rate={row.executionRate} basis={row.executionRateBasis} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={query.data.groups} onPage={onPage} />
        </>
      )}
    </section>
  );
}

function useGapText() {
  const { t } = useTranslation();
  return (g: { what: Gap['what']; kind: Gap['kind']; region: Gap['region'] }) =>
    g.what === 'unit_cost'
      ? t('money.gaps.unitCost', {
          kind: t(`money.kinds.${g.kind ?? 'participant_day'}`),
          region: g.region ? t(`codes.regions.${g.region}`) : '',
        })
      : t(`money.gaps.${g.what}`);
}

function InKindRow({ e }: { e: Estimate }) {
  const { t } = useTranslation();
  const f = useFormat();
  const gapText = useGapText();
  const i = e.inputs;
  return (
    <tr>
      <td className="title-cell">
        <Link to="/programs/$id" params={{ id: String(e.program.id) }}>
          {e.program.identifier}
        </Link>
        <br />
        {f.title(e.program)}
      </td>
      <td>
        {t(i.role === 'expert' ? 'money.experts' : 'money.people', { count: i.people })}
        {i.peopleSource && <span className="muted small"> ({t(`money.peopleSource.${i.peopleSource}`)})</span>}
      </td>
      <td className="nowrap">
        {i.days === null ? '—' : t('money.days', { count: i.days })}
        <br />
        <span className="muted small">
          {f.date(i.startDate)} – {f.date(i.endDate)}
        </span>
      </td>
      <td>
        {i.byRegion.map((r) => `${r.region ? t(`codes.regions.${r.region}`) : t('money.noRegion')}: ${f.number(r.people)}`).join(', ') ||
          '—'}
      </td>
      <td className="num">
        {e.value ? (
          <>
            {f.money(e.value.usd, 'USD')} <EstimateBadge />
            <br />
            <span className="muted small">{f.money(e.value.idr, 'IDR')}</span>
            <RateTag spending={e.value} />
          </>
        ) : (
          <span className="muted">{e.gaps.map(gapText).join('; ')}</span>
        )}
      </td>
    </tr>
  );
}

function InKindSection({ search, onPage }: { search: MoneySearch; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const gapText = useGapText();
  const page = search.inKindPage ?? 1;
  const query = useInKind({
    yearFrom: search.yearFrom,
    yearTo: search.yearTo,
    agency: search.agency,
    stage: search.stage,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section className="card" aria-labelledby="money-in-kind">
      <h2 id="money-in-kind">
        {t('money.inKindTitle')} <EstimateBadge />
      </h2>
      <p className="muted small">{t('money.inKindIntro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.programs === 0 ? (
        <EmptyState>{t('money.inKindNone')}</EmptyState>
      ) : (
        <>
          <p className="headline">
            {t('money.inKindHeadline', {
              programs: f.number(query.data.programs),
              estimated: f.number(query.data.estimatedPrograms),
              usd: f.money(query.data.total.usd, 'USD'),
              idr: f.money(query.data.total.idr, 'IDR'),
            })}{' '}
            <EstimateBadge />
          </p>
          <MissingRates spending={query.data.total} what={t('money.inKindTitle')} />
          {query.data.gaps.length > 0 && (
            <div className="problem" role="status">
              <strong>{t('money.gapsTitle', { count: query.data.notEstimatedPrograms })}</strong>
              <ul>
                {query.data.gaps.map((g) => (
                  <li key={`${g.what}-${g.kind ?? ''}-${g.region ?? ''}`}>
                    {t('money.gapLine', { gap: gapText(g), count: g.programs })}
                    {g.firstDay && ` ${t('money.gapDays', { from: f.date(g.firstDay), to: f.date(g.lastDay) })}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('money.columns.program')}</th>
                  <th scope="col">{t('money.columns.people')}</th>
                  <th scope="col">{t('money.columns.days')}</th>
                  <th scope="col">{t('money.columns.regions')}</th>
                  <th scope="col" className="num">
                    {t('money.columns.estimate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((e) => (
                  <InKindRow key={e.program.id} e={e} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={query.data.programs} onPage={onPage} />
        </>
      )}
    </section>
  );
}
