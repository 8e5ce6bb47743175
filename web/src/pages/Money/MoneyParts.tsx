/**
 * What the money page's sections share: the page size and filters of its lists, their pager, the badge every
 * estimated value carries, and the notes on amounts left out for want of an exchange rate.
 */
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.js';
import { MissingRatesAlert } from '../../components/Figures.js';
import { PageNav } from '../../components/PageNav.js';
import type { MoneySearch } from './money-search.js';

type Spending = Schemas['Spending'];

export const PAGE_SIZE = 50;

/** A section's list query: the page's filters (years, agency, stage) and that section's `page` of `PAGE_SIZE` rows. */
export function listParams(search: MoneySearch, page: number) {
  return { yearFrom: search.yearFrom, yearTo: search.yearTo, agency: search.agency, stage: search.stage, page, pageSize: PAGE_SIZE };
}

/** The badge every estimated value carries. */
export function EstimateBadge() {
  const { t } = useTranslation();
  return (
    <span className="tag" title={t('money.estimatedHint')}>
      {t('money.estimated')}
    </span>
  );
}

/** The pager of the money page's lists, on `PAGE_SIZE` rows a page; nothing when all fit on one. */
export function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return <PageNav page={page} pages={pages} buttonClassName="secondary" onPage={onPage} />;
}

/** Amounts left out of a total for want of an exchange rate: always said, never dropped silently. */
export function MissingRates({ spending, what }: { spending: Spending; what: string }) {
  const { t } = useTranslation();
  return (
    <MissingRatesAlert
      rates={spending.missingRates}
      title={t('money.missingRatesTitle', { what })}
      line={(values) => t('money.missingRate', values)}
    />
  );
}

export function RateTag({ spending }: { spending: Spending }) {
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
