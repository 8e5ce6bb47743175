/**
 * A recipient country's providers side by side (issue 22): the country and the years are chosen
 * here and kept in the URL (a country profile links here with its country); the provider's own
 * programs come first, then each other publisher whose imported activities reach the country.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useProviderComparison } from '../../api/other-provider-queries.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { EmptyState, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { THIS_YEAR, YearRange } from '../Analytics/YearRange.js';
import { ComparisonTables } from './ComparisonTables.js';
import { compareYears, type CompareSearch } from './other-providers-search.js';
import { OtherProvidersTabs } from './OtherProvidersTabs.js';

export function ComparePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/other-providers/compare' });
  const navigate = useNavigate({ from: '/other-providers/compare' });
  const { fromYear, toYear } = compareYears(search, THIS_YEAR);
  const query = useProviderComparison(search.country ? { country: search.country, fromYear, toYear } : null);
  const set = (patch: Partial<CompareSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }) });
  return (
    <>
      <div className="page-head">
        <h1>
          {search.country
            ? t('otherProviders.compare.titleCountry', { country: f.country(search.country) })
            : t('otherProviders.compare.title')}
        </h1>
      </div>
      <p className="muted">{t('otherProviders.compare.intro')}</p>
      <OtherProvidersTabs />
      <form className="filters" role="search" aria-label={t('otherProviders.compare.choose')} onSubmit={(e) => e.preventDefault()}>
        <CountryFilter label={t('otherProviders.filters.country')} value={search.country} onChange={(country) => set({ country })} />
        <div className="wide">
          <YearRange from={fromYear} to={toYear} onChange={(r) => set({ fromYear: r.from, toYear: r.to })} />
        </div>
      </form>
      {!search.country ? (
        <EmptyState>{t('otherProviders.compare.pick')}</EmptyState>
      ) : (
        <QueryState query={query}>{(c) => <ComparisonTables c={c} />}</QueryState>
      )}
    </>
  );
}
