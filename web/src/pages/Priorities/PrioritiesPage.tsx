/** Priority targets against the records, per year; the coordination team sets them and keeps country lists. */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePriorities } from '../../api/analytics-queries.js';
import { useRecordYears } from '../../api/queries.js';
import { can, useSession } from '../../auth/session.js';
import { QueryState } from '../../components/Status.js';
import { rangeOf, YearRange } from '../Analytics/YearRange.js';
import { BreakdownSection } from './BreakdownSection.js';
import { CountryLists } from './CountryLists.js';
import { subjectOf, type PrioritiesSearch } from './priorities-search.js';
import { TargetForm } from './TargetForm.js';
import { TargetTable } from './TargetTable.js';

export function PrioritiesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/priorities' });
  const navigate = useNavigate({ from: '/priorities' });
  const { user } = useSession();
  const years = useRecordYears();
  // Without a range in the URL: the years with programs, once known.
  const range = rangeOf(search, years.range);
  const query = usePriorities(range, !years.query.isPending || search.from !== undefined || search.to !== undefined);
  const go = (next: Partial<PrioritiesSearch>) => void navigate({ search: (s) => ({ ...s, ...next }) });
  const subject = subjectOf(search.subject);
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
