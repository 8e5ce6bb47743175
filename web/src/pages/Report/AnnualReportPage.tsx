/** The annual report: the tables a coordination-team report carries, with charts, print and downloads. */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_REGIONS } from '../../../../src/domain/reference/types.js';
import type { AnnualSummary } from '../../api/client.js';
import { useRecordYears, useSummary } from '../../api/queries.js';
import { BarChart } from '../../components/Charts.js';
import { DataTable } from '../../components/DataTable.js';
import { missingRateValues } from '../../components/Figures.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { yearChoices, YearSelect } from '../../components/YearSelect.js';
import { useFormat } from '../../format.js';

export function AnnualReportPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams({ from: '/reports/annual/$year' });
  const year = Number(yearParam);
  const navigate = useNavigate();
  const { query: years, year: latest } = useRecordYears();
  const summary = useSummary(Number.isInteger(year) ? year : undefined);
  if (!Number.isInteger(year)) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  // No download of an empty document: the links come once the year is known to have programs.
  const hasPrograms = summary.data?.year === year && summary.data.programs > 0;
  return (
    <article className="report">
      <div className="page-head">
        <h1>{t('report.title', { year })}</h1>
        <div className="actions no-print">
          <YearSelect
            id="year-select"
            label={t('report.otherYear')}
            year={year}
            choices={yearChoices(years.data?.items, year)}
            onYear={(y) => void navigate({ to: '/reports/annual/$year', params: { year: y } })}
          />
          <Link to="/reports/editions/$year" params={{ year: String(year) }}>
            {t('editions.nav')}
          </Link>
          {hasPrograms && <Download year={year} format="xlsx" />}
          {hasPrograms && <Download year={year} format="pdf" />}
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('common.print')}
          </button>
        </div>
      </div>
      <p className="muted">{t('report.intro')}</p>
      {summary.isPending ? (
        <Loading />
      ) : summary.error || !summary.data ? (
        <ProblemMessage error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.programs === 0 ? (
        <EmptyState
          action={
            latest !== year && years.data?.items.some((y) => y.year === latest) ? (
              <Link to="/reports/annual/$year" params={{ year: String(latest) }}>
                {t('report.latest', { year: latest })}
              </Link>
            ) : undefined
          }
        >
          {t('report.empty', { year })}
        </EmptyState>
      ) : (
        <Tables s={summary.data} />
      )}
    </article>
  );
}

/** The report's tables as XLSX, or the whole report as a PDF rendered by the server, in the page's language. */
function Download({ year, format }: { year: number; format: 'xlsx' | 'pdf' }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <a className="button" href={`/api/v1/reports/annual.${format}?year=${year}&lang=${f.lang}`} download>
      {format === 'pdf' ? t('report.downloadPdf') : t('report.downloadXlsx')}
    </a>
  );
}

function Csv({ year, table }: { year: number; table: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <a className="csv no-print" href={`/api/v1/reports/annual.csv?year=${year}&table=${table}&lang=${f.lang}`} download>
      {t('report.downloadCsv')}
    </a>
  );
}

function Section({
  title,
  year,
  table,
  note,
  children,
}: {
  title: string;
  year: number;
  table: string;
  note?: string;
  children: React.ReactNode;
}) {
  return (
    <section className="card report-section">
      <div className="card-head">
        <h2>{title}</h2>
        <Csv year={year} table={table} />
      </div>
      {note && <p className="muted small">{note}</p>}
      {children}
    </section>
  );
}

/** A table of figures: a label per row (its header cell), then right-aligned numbers. */
function FigureTable({
  head,
  columns,
  rows,
}: {
  head: string;
  columns: readonly string[];
  rows: readonly { key: string; label: string; values: readonly string[] }[];
}) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td key={i} className="num">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tables({ s }: { s: AnnualSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const breakdown = (rows: AnnualSummary['byModality'], head: string) => {
    const used = rows.filter((r) => r.programs > 0);
    return (
      <>
        <FigureTable
          head={head}
          columns={[t('common.programs'), t('common.participants')]}
          rows={used.map((r) => ({ key: r.code ?? 'none', label: f.label(r), values: [f.number(r.programs), f.number(r.participants)] }))}
        />
        <BarChart
          horizontal
          height={220}
          label={head}
          categories={used.map(f.label)}
          series={[{ name: t('common.programs'), values: used.map((r) => r.programs) }]}
        />
      </>
    );
  };
  return (
    <>
      <p className="headline">
        {t('report.headline', {
          year: s.year,
          programs: f.number(s.programs),
          countries: f.number(s.countries),
          participants: f.number(s.participants),
        })}
      </p>
      <p className="muted small">
        {t('dashboard.sources', {
          records: f.number(s.participantSources.records.participants),
          totals: f.number(s.participantSources.totals.participants),
        })}
      </p>
      <Section title={t('report.regions')} year={s.year} table="regions" note={t('report.regionNote')}>
        <FigureTable
          head={t('report.region')}
          columns={[t('common.programs'), t('common.countries'), t('common.participants')]}
          rows={REPORT_REGIONS.map((r) => ({
            key: r,
            label: t(`codes.regions.${r}`),
            values: [f.number(s.regions[r].programs), f.number(s.regions[r].countries), f.number(s.regions[r].participants)],
          }))}
        />
      </Section>
      <Section title={t('report.recipients')} year={s.year} table="recipients">
        <DataTable
          head={
            <>
              <th scope="col" className="num">
                {t('report.rank')}
              </th>
              <th scope="col">{t('programs.country')}</th>
              <th scope="col">{t('report.region')}</th>
              <th scope="col" className="num">
                {t('common.programs')}
              </th>
              <th scope="col" className="num">
                {t('common.participants')}
              </th>
            </>
          }
        >
          {s.topRecipients.map((r) => (
            <tr key={r.country}>
              <td className="num">{r.rank}</td>
              <td>
                <Link to="/countries/$code" params={{ code: r.country }}>
                  {f.name(r)}
                </Link>
              </td>
              <td>{r.region ? t(`codes.regions.${r.region}`) : '—'}</td>
              <td className="num">{f.number(r.programs)}</td>
              <td className="num">{f.number(r.participants)}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <div className="grid2">
        <Section title={t('report.modality')} year={s.year} table="modality">
          {breakdown(s.byModality, t('program.modality'))}
        </Section>
        <Section title={t('report.area')} year={s.year} table="flagship">
          {breakdown(s.byFlagshipArea, t('program.area'))}
        </Section>
        <Section title={t('report.type')} year={s.year} table="cooperation">
          {breakdown(s.byCooperationType, t('program.type'))}
        </Section>
        <Section title={t('report.partners')} year={s.year} table="partners">
          {s.partners.length === 0 ? (
            <p className="muted">{t('report.noPartners')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <tbody>
                  {s.partners.map((p) => (
                    <tr key={p.org}>
                      <th scope="row">
                        <Link to="/partners/$code" params={{ code: p.org }}>
                          {p.acronym ?? p.org}
                        </Link>
                      </th>
                      <td>{f.orgName(p)}</td>
                      <td className="num">{t('common.program', { count: p.programs })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
      <Section title={t('report.groupings')} year={s.year} table="groupings" note={t('dashboard.sharesIntro')}>
        <FigureTable
          head={t('report.groupings')}
          columns={[
            t('common.programs'),
            t('common.countries'),
            t('common.participants'),
            `% ${t('common.programs')}`,
            `% ${t('common.participants')}`,
          ]}
          rows={s.groupings.map((g) => ({
            key: g.group,
            label: f.name(g),
            values: [
              f.number(g.programs),
              f.number(g.countries),
              f.number(g.participants),
              f.percent(g.programShare),
              f.percent(g.participantShare),
            ],
          }))}
        />
      </Section>
      <Section title={t('report.spending')} year={s.year} table="spending" note={t('report.spendingNote')}>
        <dl className="facts">
          <dt>USD</dt>
          <dd>{f.money(s.spending.usd)}</dd>
          <dt>IDR</dt>
          <dd>{f.money(s.spending.idr)}</dd>
          {s.spending.byCurrency.map((c) => (
            <div key={c.currency} className="contents">
              <dt>{c.currency}</dt>
              <dd>
                {f.money(c.amount)} ({c.transactions})
              </dd>
            </div>
          ))}
        </dl>
        {s.spending.missingRates.map((m) => (
          <p key={m.currency} className="problem">
            {t('report.missingRate', missingRateValues(f, m))}
          </p>
        ))}
      </Section>
    </>
  );
}
