/** Trends over the years, concentration (HHI) and the triangular network. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordYears } from '../../api/queries.js';
import { useConcentration, useNetwork, useTrends, type ConcentrationYear, type Network, type Trends } from '../../api/analytics-queries.js';
import { LineChart } from '../../components/Charts.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { MissingRates } from '../../components/Figures.js';
import { rangeOf, YearRange } from './YearRange.js';

const Sankey = lazy(() => import('../../components/Sankey.js').then((m) => ({ default: m.Sankey })));

export type AnalyticsTab = 'trends' | 'concentration' | 'network';
export type TrendDimension = 'region' | 'modality' | 'area';
export interface AnalyticsSearch {
  from?: number;
  to?: number;
  tab?: AnalyticsTab;
  by?: TrendDimension;
}

type Change = { change: number; percent: number | null } | null | undefined;

function ChangeCell({ c }: { c: Change }) {
  const f = useFormat();
  if (!c) return <td className="num muted">—</td>;
  const text =
    c.percent === null ? `${c.change > 0 ? '+' : ''}${f.number(c.change)}` : `${c.percent > 0 ? '+' : ''}${f.percent(c.percent / 100)}`;
  return <td className={`num ${c.change < 0 ? 'down' : c.change > 0 ? 'up' : ''}`}>{text}</td>;
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/analytics' });
  const navigate = useNavigate({ from: '/analytics' });
  const years = useRecordYears();
  // Without a range in the URL: the years with programs, once known.
  const range = rangeOf(search, years.range);
  const waiting = years.query.isPending && search.from === undefined && search.to === undefined;
  const tab = search.tab ?? 'trends';
  const go = (next: Partial<AnalyticsSearch>) => void navigate({ search: (s) => ({ ...s, ...next }) });
  return (
    <article>
      <div className="page-head">
        <h1>{t('analytics.title')}</h1>
        <YearRange from={range.from} to={range.to} onChange={(r) => go(r)} />
      </div>
      <p className="muted">{t('analytics.intro')}</p>
      <div role="tablist" className="tabs no-print">
        {(['trends', 'concentration', 'network'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => go({ tab: k })}
          >
            {t(`analytics.tabs.${k}`)}
          </button>
        ))}
      </div>
      {waiting && <Loading />}
      {!waiting && tab === 'trends' && <TrendsView range={range} by={search.by ?? 'region'} onBy={(by) => go({ by })} />}
      {!waiting && tab === 'concentration' && <ConcentrationView range={range} />}
      {!waiting && tab === 'network' && <NetworkView range={range} />}
    </article>
  );
}

function TrendsView({ range, by, onBy }: { range: { from: number; to: number }; by: TrendDimension; onBy: (by: TrendDimension) => void }) {
  const query = useTrends(range);
  return <QueryState query={query}>{(data) => <TrendTables data={data} by={by} onBy={onBy} />}</QueryState>;
}

function TrendTables({ data, by, onBy }: { data: Trends; by: TrendDimension; onBy: (by: TrendDimension) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const years = data.totals.map((p) => String(p.year));
  const series = by === 'region' ? data.byRegion : by === 'modality' ? data.byModality : data.byFlagshipArea;
  return (
    <>
      <section className="card">
        <h2>{t('analytics.perYear')}</h2>
        <LineChart
          label={t('analytics.perYear')}
          categories={years}
          series={[
            { name: t('common.programs'), values: data.totals.map((p) => p.programs) },
            { name: t('common.countries'), values: data.totals.map((p) => p.countries ?? 0) },
          ]}
        />
        <DataTable
          head={
            <>
              <th scope="col">{t('common.year')}</th>
              <th scope="col" className="num">
                {t('common.programs')}
              </th>
              <th scope="col" className="num">
                {t('analytics.change')}
              </th>
              <th scope="col" className="num">
                {t('common.countries')}
              </th>
              <th scope="col" className="num">
                {t('common.participants')}
              </th>
              <th scope="col" className="num">
                {t('analytics.change')}
              </th>
              <th scope="col" className="num">
                USD
              </th>
              <th scope="col" className="num">
                {t('analytics.change')}
              </th>
              <th scope="col" className="num">
                IDR
              </th>
            </>
          }
        >
          {data.totals.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td className="num">{f.number(p.programs)}</td>
              <ChangeCell c={p.change.programs} />
              <td className="num">{f.number(p.countries ?? 0)}</td>
              <td className="num">{f.number(p.participants)}</td>
              <ChangeCell c={p.change.participants} />
              <td className="num">{f.money(p.usd ?? '0')}</td>
              <ChangeCell c={p.change.usd} />
              <td className="num">{f.money(p.idr ?? '0')}</td>
            </tr>
          ))}
        </DataTable>
        <p className="muted small">{t('analytics.changeNote')}</p>
        <MissingRates items={data.missingRates} />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>{t('analytics.breakDownBy')}</h2>
          <div className="actions" role="radiogroup" aria-label={t('analytics.breakDownBy')}>
            {(['region', 'modality', 'area'] as const).map((d) => (
              <label key={d} className="inline">
                <input type="radio" name="by" checked={by === d} onChange={() => onBy(d)} />{' '}
                {t(d === 'region' ? 'analytics.byRegion' : d === 'modality' ? 'analytics.byModality' : 'analytics.byArea')}
              </label>
            ))}
          </div>
        </div>
        <LineChart
          label={t('common.programs')}
          categories={years}
          series={series.map((s) => ({ name: f.label(s), values: s.points.map((p) => p.programs) }))}
        />
        <DataTable
          head={
            <>
              <th scope="col">
                {t(by === 'region' ? 'analytics.byRegion' : by === 'modality' ? 'analytics.byModality' : 'analytics.byArea')}
              </th>
              {data.totals.map((p) => (
                <th key={p.year} scope="col" className="num">
                  {p.year}
                </th>
              ))}
            </>
          }
        >
          {series.map((s) => (
            <tr key={s.code ?? '-'}>
              <th scope="row">{f.label(s)}</th>
              {s.points.map((p) => (
                <td key={p.year} className="num" title={`${t('common.participants')}: ${f.number(p.participants)}`}>
                  {f.number(p.programs)} <span className="muted small">/ {f.number(p.participants)}</span>
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
        <p className="muted small">
          {t('common.programs')} / {t('common.participants')}
        </p>
      </section>
    </>
  );
}

function ConcentrationView({ range }: { range: { from: number; to: number } }) {
  const query = useConcentration(range);
  return <QueryState query={query}>{(data) => <ConcentrationTable items={data.items} />}</QueryState>;
}

function Hhi({ c }: { c: ConcentrationYear['programsByCountry'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!c.level) return <td className="num muted">—</td>;
  return (
    <td className="num" title={`${t('analytics.largest')}: ${c.top.map((x) => `${x.key} ${x.sharePercent}%`).join(', ')}`}>
      <strong>{f.number(Math.round(c.hhi))}</strong>
      <br />
      <span className={`hhi hhi-${c.level} small`}>{t(`analytics.levels.${c.level}`)}</span>
      <br />
      <span className="muted small">
        {t('analytics.equivalent', {
          n: new Intl.NumberFormat(f.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(c.equivalentParts),
        })}
      </span>
    </td>
  );
}

function ConcentrationTable({ items }: { items: readonly ConcentrationYear[] }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('analytics.hhiTitle')}</h2>
      <p className="muted">{t('analytics.hhiExplain')}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('common.year')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('analytics.acrossCountries')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('analytics.acrossRegions')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('analytics.acrossAreas')}
              </th>
            </tr>
            <tr>
              {[0, 1, 2].flatMap((i) => [
                <th key={`p${i}`} scope="col" className="num">
                  {t('common.programs')}
                </th>,
                <th key={`q${i}`} scope="col" className="num">
                  {t('common.participants')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {items.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <Hhi c={y.programsByCountry} />
                <Hhi c={y.participantsByCountry} />
                <Hhi c={y.programsByRegion} />
                <Hhi c={y.participantsByRegion} />
                <Hhi c={y.programsByFlagshipArea} />
                <Hhi c={y.participantsByFlagshipArea} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NetworkView({ range }: { range: { from: number; to: number } }) {
  const query = useNetwork(range);
  return <QueryState query={query}>{(data) => <NetworkChart data={data} />}</QueryState>;
}

function NetworkChart({ data }: { data: Network }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = f.lang;
  const nodes = useMemo(
    () =>
      data.nodes.map((n) => ({
        id: n.id,
        label: lang === 'id' ? n.labelId : n.labelEn,
        depth: n.kind === 'provider' ? 0 : n.kind === 'partner' ? 1 : 2,
      })),
    [data, lang],
  );
  const links = useMemo(() => data.links.map((l) => ({ source: l.source, target: l.target, value: l.programs })), [data]);
  if (data.links.length === 0) return <EmptyState>{t('analytics.networkEmpty')}</EmptyState>;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const linkTo = (id: string) => {
    const n = byId.get(id);
    if (!n?.code) return n ? f.label(n) : id;
    return n.kind === 'recipient' ? (
      <Link to="/countries/$code" params={{ code: n.code }}>
        {f.label(n)}
      </Link>
    ) : (
      <Link to="/partners/$code" params={{ code: n.code }}>
        {f.label(n)}
      </Link>
    );
  };
  return (
    <section className="card">
      <h2>{t('analytics.tabs.network')}</h2>
      <p className="muted">{t('analytics.networkExplain')}</p>
      <Suspense fallback={<Loading />}>
        <Sankey
          label={t('analytics.tabs.network')}
          nodes={nodes}
          links={links}
          height={Math.max(320, Math.min(1200, data.nodes.length * 22))}
        />
      </Suspense>
      <DataTable
        head={
          <>
            <th scope="col">{t('analytics.source')}</th>
            <th scope="col">{t('analytics.target')}</th>
            <th scope="col" className="num">
              {t('common.programs')}
            </th>
          </>
        }
      >
        {data.links.map((l) => (
          <tr key={`${l.source}>${l.target}`}>
            <td>{linkTo(l.source)}</td>
            <td>{linkTo(l.target)}</td>
            <td className="num">{f.number(l.programs)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
