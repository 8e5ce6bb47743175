/** Budget against spending in US dollars and rupiah, in total and per program, agency or year, with the execution rate. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.js';
import { useBudgetVsSpent } from '../../api/money-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import type { MoneySearch } from './money-search.js';
import { MissingRates, listParams, Pager, RateTag } from './MoneyParts.js';

type BudgetRow = Schemas['BudgetVsSpent']['rows'][number];

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
        {f.orgName(g.agency)} {g.agency.acronym && <span className="muted small">({g.agency.acronym})</span>}
      </>
    );
  }
  return g.year === null ? <span className="muted">{t('money.noYear')}</span> : <>{g.year}</>;
}

export function BudgetSection({ search, onPage }: { search: MoneySearch; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const groupBy = search.groupBy ?? 'program';
  const page = search.page ?? 1;
  const query = useBudgetVsSpent({ groupBy, ...listParams(search, page) });
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
          <DataTable
            caption={t('money.tableCaption', { count: query.data.groups })}
            captionClassName="muted small"
            head={
              <>
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
              </>
            }
          >
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
          </DataTable>
          <Pager page={page} total={query.data.groups} onPage={onPage} />
        </>
      )}
    </section>
  );
}
