/**
 * Data quality, scored (issue 23): a year's scorecard per implementing agency with bars, the
 * programs of the agency chosen with what to fix (linked to their pages), the rules with their
 * switches and weights (the coordination team changes them), and the CSV and XLSX downloads.
 * The year and the agency live in the URL.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRecordYears } from '../../api/queries.js';
import { qualityScorecardExportUrl, useQualityScorecard } from '../../api/quality-queries.js';
import { DownloadLinks } from '../../components/ListResults.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { AgencyPrograms } from './AgencyPrograms.js';
import { RulesSection } from './RulesSection.js';
import { ScorecardTable } from './ScorecardTable.js';

export function QualityPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/quality' });
  const navigate = useNavigate({ from: '/quality' });
  const { year: defaultYear, range } = useRecordYears();
  const year = search.year ?? defaultYear;
  const card = useQualityScorecard(year);
  return (
    <>
      <h1>{t('quality.page.title')}</h1>
      <p className="muted">{t('quality.page.intro')}</p>
      <div className="actions">
        <label className="inline-field">
          {t('quality.page.year')}{' '}
          <select value={year} onChange={(e) => void navigate({ search: { year: Number(e.target.value) } })}>
            {Array.from({ length: range.to - range.from + 1 }, (_, i) => range.to - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <DownloadLinks href={(format) => qualityScorecardExportUrl(year, format, i18n.language)} />
      </div>
      {card.isPending ? (
        <Loading />
      ) : card.error || !card.data ? (
        <ProblemMessage error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <>
          <p className="muted small">
            {t('quality.page.evaluatedOn', { date: f.date(card.data.evaluatedOn), rules: card.data.rulesEnabled })}
          </p>
          {card.data.total.programs === 0 ? (
            <p>{t('quality.page.none')}</p>
          ) : (
            <ScorecardTable
              card={card.data}
              selected={search.agency}
              onSelect={(agency) => void navigate({ search: { year, agency }, hash: 'quality-programs' })}
            />
          )}
          {search.agency !== undefined && (
            <AgencyPrograms
              year={year}
              agency={search.agency}
              name={card.data.agencies.find((a) => (a.implementingOrg ?? '') === search.agency)}
              page={search.page ?? 1}
              onPage={(page) => void navigate({ search: { year, agency: search.agency, page } })}
              onClose={() => void navigate({ search: { year } })}
            />
          )}
          <RulesSection totals={card.data.total.rules} />
        </>
      )}
    </>
  );
}
