/**
 * Money ("Keuangan"): budget against spending per program, agency or year in US dollars and
 * rupiah, the in-kind estimates of programs with no money recorded (always labelled as
 * estimates, kept apart from spending), the unit costs behind them (editable by the coordination
 * team), and the TOSSD/CRS-style CSV download. Figures come from the API; the page only formats.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRecordYears } from '../../api/queries.js';
import { BudgetSection } from './BudgetSection.js';
import { InKindSection } from './InKindSection.js';
import type { MoneySearch } from './money-search.js';
import { MoneyFilters } from './MoneyFilters.js';
import { UnitCostSection } from './UnitCostSection.js';

export function MoneyPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/money' });
  const navigate = useNavigate({ from: '/money' });
  const set = (patch: Partial<MoneySearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, page: undefined, inKindPage: undefined }) });
  // TOSSD reports what was spent: by default the latest year with programs that has begun.
  const { query: years, year: lastYear } = useRecordYears();
  const tossdYear = search.yearTo ?? search.yearFrom ?? lastYear;
  return (
    <article className="money">
      <div className="page-head">
        <h1>{t('money.title')}</h1>
        <div className="actions">
          <a
            className="button secondary"
            href={`/api/v1/export/tossd.csv?year=${tossdYear}${search.stage ? `&stage=${encodeURIComponent(search.stage)}` : ''}`}
            download
          >
            {t('money.downloadTossd', { year: tossdYear })}
          </a>
        </div>
      </div>
      <p className="muted">{t('money.intro')}</p>
      <MoneyFilters search={search} years={(years.data?.items ?? []).map((y) => y.year)} onChange={set} />
      <BudgetSection search={search} onPage={(page) => void navigate({ search: (s) => ({ ...s, page: page > 1 ? page : undefined }) })} />
      <InKindSection
        search={search}
        onPage={(page) => void navigate({ search: (s) => ({ ...s, inKindPage: page > 1 ? page : undefined }) })}
      />
      <UnitCostSection />
    </article>
  );
}
