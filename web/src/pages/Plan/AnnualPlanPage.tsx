/**
 * The annual plan: the approved and funded programs of a year per implementing ministry, with
 * their planned budgets in rupiah and US dollars, ministry subtotals and the grand total. For
 * signed-in users (the server refuses the public); printable on A4.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../src/domain/codes.js';
import type { Schemas } from '../../api/client.js';
import { useAnnualPlan, useOrganisations, useYears } from '../../api/queries.js';
import { useSession } from '../../auth/session.js';
import { MissingRatesAlert } from '../../components/Figures.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { yearChoices, YearSelect } from '../../components/YearSelect.js';
import { useFormat } from '../../format.js';

type AnnualPlan = Schemas['AnnualPlan'];
type Agency = AnnualPlan['agencies'][number];
type Spending = Schemas['Spending'];

export function AnnualPlanPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams({ from: '/plan/$year' });
  const year = Number(yearParam);
  const valid = Number.isInteger(year) && year > 1900 && year < 2200;
  const navigate = useNavigate();
  const { user, loading } = useSession();
  const years = useYears();
  const plan = useAnnualPlan(valid ? year : 0, valid && !!user);
  if (!valid) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const thisYear = new Date().getFullYear();
  return (
    <article className="plan">
      <div className="page-head">
        <h1>{t('plan.title', { year })}</h1>
        {user && (
          <div className="actions no-print">
            <YearSelect
              id="plan-year"
              label={t('plan.year')}
              year={year}
              choices={yearChoices(years.data?.items, year, thisYear, thisYear + 1)}
              onYear={(y) => void navigate({ to: '/plan/$year', params: { year: y } })}
            />
            <button type="button" className="secondary" onClick={() => window.print()}>
              {t('common.print')}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t('plan.intro')}</p>
      {loading ? (
        <Loading />
      ) : !user ? (
        <EmptyState
          action={
            <a className="button" href="/login">
              {t('plan.signIn')}
            </a>
          }
        >
          {t('plan.signInToSee')}
        </EmptyState>
      ) : plan.isPending ? (
        <Loading />
      ) : plan.error || !plan.data ? (
        <ProblemMessage error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanTables plan={plan.data} />
      )}
    </article>
  );
}

function useOrgName() {
  const { t } = useTranslation();
  const f = useFormat();
  const orgs = useOrganisations();
  const names = useMemo(() => new Map((orgs.data?.items ?? []).map((o) => [o.code.toLowerCase(), f.orgName(o)])), [orgs.data, f.lang]);
  return (code: string | null) => (code ? (names.get(code.toLowerCase()) ?? code) : t('plan.noMinistry'));
}

function PlanTables({ plan }: { plan: AnnualPlan }) {
  const { t } = useTranslation();
  const f = useFormat();
  const orgName = useOrgName();
  if (plan.programs === 0) return <EmptyState>{t('plan.empty', { year: plan.year })}</EmptyState>;
  return (
    <>
      <p className="headline">
        {t('plan.headline', {
          year: plan.year,
          programs: f.number(plan.programs),
          ministries: f.number(plan.agencies.length),
          idr: f.money(plan.budget.idr, 'IDR'),
          usd: f.money(plan.budget.usd, 'USD'),
        })}
      </p>
      <MissingRates spending={plan.budget} />
      {plan.agencies.map((agency) => (
        <AgencyTable key={agency.org ?? '-'} agency={agency} name={orgName(agency.org)} />
      ))}
      <section className="card plan-total" aria-labelledby="plan-total">
        <h2 id="plan-total">{t('plan.grandTotal')}</h2>
        <dl className="facts">
          <dt>{t('plan.programs')}</dt>
          <dd>{f.number(plan.programs)}</dd>
          <dt>{t('plan.budgetIdr')}</dt>
          <dd className="num">{f.money(plan.budget.idr)}</dd>
          <dt>{t('plan.budgetUsd')}</dt>
          <dd className="num">{f.money(plan.budget.usd)}</dd>
        </dl>
      </section>
    </>
  );
}

function AgencyTable({ agency, name }: { agency: Agency; name: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const headingId = `plan-org-${agency.org ?? 'none'}`;
  return (
    <section className="card plan-agency" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name} {agency.org && <span className="muted small">({agency.org})</span>}
      </h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('plan.columns.program')}</th>
              <th scope="col">{t('plan.columns.stage')}</th>
              <th scope="col">{t('plan.columns.dates')}</th>
              <th scope="col">{t('plan.columns.recipients')}</th>
              <th scope="col" className="num">
                {t('plan.columns.original')}
              </th>
              <th scope="col" className="num">
                {t('plan.budgetIdr')}
              </th>
              <th scope="col" className="num">
                {t('plan.budgetUsd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agency.programs.map((p) => (
              <tr key={p.id}>
                <td className="title-cell">
                  <Link to="/programs/$id" params={{ id: String(p.id) }}>
                    {p.identifier}
                  </Link>
                  <br />
                  {f.title(p)}
                </td>
                <td>
                  <span className={`stage-badge stage-${p.stage}`}>{f.code(lifecycleStages, p.stage)}</span>
                </td>
                <td className="nowrap">
                  {f.date(p.plannedStart)} – {f.date(p.plannedEnd)}
                </td>
                <td>{p.recipients.map(f.country).join(', ') || '—'}</td>
                <td className="num">
                  {p.budget.byCurrency.length === 0 ? (
                    <span className="muted">{t('plan.noBudget')}</span>
                  ) : (
                    p.budget.byCurrency.map((c) => <div key={c.currency}>{f.money(c.amount, c.currency)}</div>)
                  )}
                </td>
                <td className="num">
                  {f.money(p.budget.idr)}
                  {p.budget.missingRates.length > 0 && <RateMissingTag />}
                </td>
                <td className="num">
                  {f.money(p.budget.usd)}
                  {p.budget.missingRates.length > 0 && <RateMissingTag />}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="subtotal">
              <th scope="row" colSpan={5}>
                {t('plan.subtotal', { name, count: agency.programs.length })}
              </th>
              <td className="num">{f.money(agency.budget.idr)}</td>
              <td className="num">{f.money(agency.budget.usd)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function RateMissingTag() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <span className="tag" title={t('plan.rateMissingHint')}>
        {t('plan.rateMissing')}
      </span>
    </>
  );
}

function MissingRates({ spending }: { spending: Spending }) {
  const { t } = useTranslation();
  return (
    <MissingRatesAlert rates={spending.missingRates} title={t('plan.missingRatesTitle')} line={(values) => t('plan.missingRate', values)} />
  );
}
