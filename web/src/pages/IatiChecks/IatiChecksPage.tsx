/**
 * The IATI checks of every program the user may check (the coordination team: every agency; an
 * agency's officer: its own), summed up per implementing agency, with the programs with errors
 * linked to their pages (where the program's own section lists the fields to fix).
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useIatiChecks } from '../../api/iati-queries.js';
import { useRecordYears } from '../../api/queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';

type Summary = NonNullable<ReturnType<typeof useIatiChecks>['data']>;

export function IatiChecksPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/iati/checks' });
  const navigate = useNavigate({ from: '/iati/checks' });
  const { range } = useRecordYears();
  const checks = useIatiChecks(search.year ? { year: search.year } : {});
  return (
    <>
      <h1>{t('iatiChecks.page.title')}</h1>
      <p className="muted">{t('iatiChecks.page.intro', { translated: checks.data?.rules.translated ?? '…' })}</p>
      <label className="inline-field">
        {t('iatiChecks.page.year')}{' '}
        <select
          value={search.year ?? ''}
          onChange={(e) => void navigate({ search: e.target.value ? { year: Number(e.target.value) } : {} })}
        >
          <option value="">{t('iatiChecks.page.allYears')}</option>
          {Array.from({ length: range.to - range.from + 1 }, (_, i) => range.to - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {checks.isPending ? (
        <Loading />
      ) : checks.error || !checks.data ? (
        <ProblemMessage error={checks.error} onRetry={() => void checks.refetch()} />
      ) : checks.data.programs === 0 ? (
        <p>{t('iatiChecks.page.none')}</p>
      ) : (
        <Results summary={checks.data} />
      )}
    </>
  );
}

function Results({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('iatiChecks.page.totals', summary)}</p>
      <section className="card" aria-labelledby="iati-agencies">
        <h2 id="iati-agencies">{t('iatiChecks.page.agency')}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('iatiChecks.page.agency')}</th>
                <th scope="col" className="num">
                  {t('iatiChecks.page.programs')}
                </th>
                <th scope="col" className="num">
                  {t('iatiChecks.page.withErrors')}
                </th>
                <th scope="col" className="num">
                  {t('iatiChecks.page.withWarnings')}
                </th>
                <th scope="col">{t('iatiChecks.page.topRules')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.agencies.map((a) => (
                <tr key={a.implementingOrg ?? ''}>
                  <td>
                    {a.name ?? a.implementingOrg ?? t('iatiChecks.page.noAgency')}
                    {a.name && <span className="muted small"> ({a.implementingOrg})</span>}
                  </td>
                  <td className="num">{a.programs}</td>
                  <td className="num">{a.withErrors}</td>
                  <td className="num">{a.withWarnings}</td>
                  <td>
                    <ul className="plain">
                      {a.topRules.map((r) => (
                        <li key={r.ruleId} lang="en">
                          <strong>{r.ruleId}</strong> ({r.programs}): {r.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {summary.failing.length > 0 && <Failing summary={summary} />}
    </>
  );
}

function Failing({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="iati-failing">
      <h2 id="iati-failing">{t('iatiChecks.page.failing')}</h2>
      {summary.failingTruncated && <p className="muted">{t('iatiChecks.page.failingTruncated', { count: summary.failing.length })}</p>}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('iatiChecks.page.identifier')}</th>
              <th scope="col">{t('iatiChecks.page.agency')}</th>
              <th scope="col" className="num">
                {t('iatiChecks.page.errors')}
              </th>
              <th scope="col" className="num">
                {t('iatiChecks.page.warnings')}
              </th>
              <th scope="col">{t('iatiChecks.page.firstError')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.failing.map((p) => (
              <tr key={p.programId}>
                <td>
                  <Link to="/programs/$id" params={{ id: String(p.programId) }} hash="iati-checks-title">
                    {p.identifier}
                  </Link>
                </td>
                <td>{p.implementingOrg ?? ''}</td>
                <td className="num">{p.errors}</td>
                <td className="num">{p.warnings}</td>
                <td>
                  <code>{p.firstError}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
