import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { REPORT_REGIONS } from '../../../../src/domain/reference/types.js';
import { defaultYear } from '../../../../src/domain/report/default-years.js';
import type { AnnualSummary } from '../../api/client.js';
import { useSummary, useYears } from '../../api/queries.js';
import { BarChart, LineChart } from '../../components/Charts.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import type { ProgramSearch } from '../Programs/program-search.js';

// The map code and its shapes start loading with this page, in parallel with its data, instead
// of after the data has arrived. The charts are plain SVG components, small enough to come with
// the page itself.
const worldMap = import('../../map/WorldMap.js').then((m) => {
  m.preloadShapes();
  return m;
});
const WorldMap = lazy(() => worldMap.then((m) => ({ default: m.WorldMap })));
// Partnerships code only for those who see its panel (not the public, viewers or embassies).
const AttentionPanel = lazy(() => import('../Partnerships/AttentionPanel.js').then((m) => ({ default: m.AttentionPanel })));

function MapSlot({ children }: { children: React.ReactNode }) {
  // A placeholder of the map's own height: nothing moves when the map arrives.
  return <Suspense fallback={<div className="chart" style={{ height: 420 }} aria-hidden="true" />}>{children}</Suspense>;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const search = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  // The yearly totals (for the chart too).
  const years = useYears();
  const available = years.data?.items ?? [];
  const year =
    search.year ??
    defaultYear(
      available.map((y) => y.year),
      new Date().getFullYear(),
    );
  // A year in the URL is fetched at once; otherwise the latest year with programs that has begun, once known.
  const summary = useSummary(search.year ?? (years.isPending ? undefined : year));
  const show = search.show ?? 'programs';

  if (years.isPending) return <Loading />;
  if (years.error) return <ProblemMessage error={years.error} onRetry={() => void years.refetch()} />;
  return (
    <>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="actions">
          <label className="inline" htmlFor="year-select">
            {t('common.year')}
          </label>
          <select
            id="year-select"
            value={year}
            onChange={(e) => void navigate({ search: (s) => ({ ...s, year: Number(e.target.value) }) })}
          >
            {[...new Set([...available.map((y) => y.year), year])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
      </div>
      <p className="muted">{t('dashboard.intro')}</p>
      {canPartnerships.attention(user) && (
        <Suspense fallback={null}>
          <AttentionPanel />
        </Suspense>
      )}
      {available.length === 0 ? (
        <EmptyState action={<Link to="/programs/new">{t('app.nav.newProgram')}</Link>}>{t('dashboard.emptyAll')}</EmptyState>
      ) : summary.error ? (
        <ProblemMessage error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <Loading />
      ) : (
        <Figures summary={summary.data} years={available} show={show} />
      )}
    </>
  );
}

function Figures({
  summary: s,
  years,
  show,
}: {
  summary: AnnualSummary;
  years: readonly { year: number; programs: number; countries: number; participants: number }[];
  show: 'programs' | 'participants';
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate({ from: '/' });
  const toPrograms = (filter: ProgramSearch) => void navigate({ to: '/programs', search: { year: s.year, ...filter } });
  const mapValues = useMemo(
    () =>
      new Map(
        s.topRecipients.map((r) => [
          r.country,
          {
            value: show === 'programs' ? r.programs : r.participants,
            label: t('dashboard.mapCountry', {
              country: f.country(r.country),
              programs: f.number(r.programs),
              participants: f.number(r.participants),
            }),
          },
        ]),
      ),
    [s, show, f, t],
  );
  const usedModalities = s.byModality.filter((r) => r.programs > 0);
  const usedAreas = s.byFlagshipArea.filter((r) => r.programs > 0);
  if (s.programs === 0) return <EmptyState>{t('dashboard.empty', { year: s.year })}</EmptyState>;
  return (
    <>
      <section className="figures" aria-label={t('dashboard.title')}>
        <Figure label={t('common.programs')} value={f.number(s.programs)} />
        <Figure label={t('common.countries')} value={f.number(s.countries)} />
        <Figure label={t('common.participants')} value={f.number(s.participants)} />
        <Figure label={t('dashboard.spentUsd')} value={f.money(s.spending.usd)} />
      </section>
      <p className="muted small">
        {t('dashboard.sources', {
          records: f.number(s.participantSources.records.participants),
          totals: f.number(s.participantSources.totals.participants),
        })}{' '}
        <Link to="/reports/annual/$year" params={{ year: String(s.year) }}>
          {t('dashboard.viewReport', { year: s.year })}
        </Link>
      </p>

      <section className="card">
        <div className="card-head">
          <h2>{t('dashboard.map')}</h2>
          <div role="radiogroup" aria-label={t('dashboard.mapShow')} className="toggle">
            {(['programs', 'participants'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="radio"
                aria-checked={show === v}
                onClick={() => void navigate({ search: (p) => ({ ...p, show: v }) })}
              >
                {v === 'programs' ? t('dashboard.mapPrograms') : t('dashboard.mapParticipants')}
              </button>
            ))}
          </div>
        </div>
        <MapSlot>
          <WorldMap values={mapValues} label={t('dashboard.mapLabel', { year: s.year })} onSelect={(country) => toPrograms({ country })} />
        </MapSlot>
        <p className="muted small">{t('dashboard.mapHint')}</p>
      </section>

      <div className="grid2">
        <section className="card">
          <h2>{t('dashboard.byRegion')}</h2>
          <BarChart
            label={t('dashboard.byRegion')}
            categories={REPORT_REGIONS.map((r) => t(`codes.regions.${r}`))}
            series={[
              { name: t('common.programs'), values: REPORT_REGIONS.map((r) => s.regions[r].programs) },
              { name: t('common.countries'), values: REPORT_REGIONS.map((r) => s.regions[r].countries) },
            ]}
            onSelect={(i) => {
              const region = REPORT_REGIONS[i];
              if (region) toPrograms({ region });
            }}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.top')}</h2>
          <ol className="ranking">
            {s.topRecipients.slice(0, 10).map((r) => (
              <li key={r.country}>
                <Link to="/programs" search={{ year: s.year, country: r.country }}>
                  {f.country(r.country)}
                </Link>
                <span>
                  {t('common.program', { count: r.programs })} · {t('common.participant', { count: r.participants })}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card">
          <h2>{t('dashboard.byModality')}</h2>
          <BarChart
            horizontal
            label={t('dashboard.byModality')}
            categories={usedModalities.map((r) => f.code(modalities, r.code))}
            series={[{ name: t('common.programs'), values: usedModalities.map((r) => r.programs) }]}
            onSelect={(i) => {
              const modality = usedModalities[i]?.code;
              if (modality && modalities.is(modality)) toPrograms({ modality });
            }}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.byArea')}</h2>
          <BarChart
            horizontal
            label={t('dashboard.byArea')}
            categories={usedAreas.map((r) => f.code(flagshipAreas, r.code))}
            series={[{ name: t('common.programs'), values: usedAreas.map((r) => r.programs) }]}
            onSelect={(i) => {
              const flagshipArea = usedAreas[i]?.code;
              if (flagshipArea && flagshipAreas.is(flagshipArea)) toPrograms({ flagshipArea });
            }}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.trend')}</h2>
          <LineChart
            label={t('dashboard.trend')}
            categories={years.map((y) => String(y.year))}
            series={[
              { name: t('common.programs'), values: years.map((y) => y.programs) },
              { name: t('common.countries'), values: years.map((y) => y.countries) },
              { name: t('common.participants'), values: years.map((y) => y.participants) },
            ]}
          />
        </section>
        <section className="card">
          <h2>{t('dashboard.shares')}</h2>
          <p className="muted small">{t('dashboard.sharesIntro')}</p>
          <ul className="shares">
            {s.groupings.slice(0, 4).map((g) => (
              <li key={g.group}>
                <strong>{f.name(g)}</strong>
                <span>
                  {f.percent(g.programShare)} {t('dashboard.programShare')} · {f.percent(g.participantShare)}{' '}
                  {t('dashboard.participantShare')}
                </span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(g.programShare * 100)}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
