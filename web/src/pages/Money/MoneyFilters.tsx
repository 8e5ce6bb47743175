/** The money page's filters (years, agency, lifecycle stage) and its grouping (program, agency or year), kept in the URL. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../src/domain/codes.js';
import { useOrganisations } from '../../api/queries.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { FilterPanel, type ActiveFilter } from '../../components/FilterPanel.js';
import { useOrgNames } from '../../components/OrgName.js';
import { useFormat } from '../../format.js';
import type { MoneyGrouping, MoneySearch } from './money-search.js';

const GROUPINGS: readonly MoneyGrouping[] = ['program', 'agency', 'year'];

export function MoneyFilters({
  search,
  years,
  onChange,
}: {
  search: MoneySearch;
  years: readonly number[];
  onChange: (patch: Partial<MoneySearch>) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const names = useOrgNames();
  const collator = new Intl.Collator(f.lang, { sensitivity: 'base' });
  const agencies = (useOrganisations().data?.items ?? [])
    .filter((o) => o.kind === 'provider_agency')
    .sort((a, b) => collator.compare(f.orgName(a), f.orgName(b)));
  const active: ActiveFilter[] = [
    ...(search.yearFrom
      ? [{ key: 'yearFrom', label: `${t('money.yearFrom')}: ${search.yearFrom}`, onRemove: () => onChange({ yearFrom: undefined }) }]
      : []),
    ...(search.yearTo
      ? [{ key: 'yearTo', label: `${t('money.yearTo')}: ${search.yearTo}`, onRemove: () => onChange({ yearTo: undefined }) }]
      : []),
    ...(search.agency
      ? [{ key: 'agency', label: `${t('money.agency')}: ${names.name(search.agency)}`, onRemove: () => onChange({ agency: undefined }) }]
      : []),
    ...(search.stage
      ? [
          {
            key: 'stage',
            label: `${t('money.stage')}: ${f.code(lifecycleStages, search.stage)}`,
            onRemove: () => onChange({ stage: undefined }),
          },
        ]
      : []),
  ];
  const yearSelect = (key: 'yearFrom' | 'yearTo', label: string) => (
    <div className="field-like">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={search[key] ?? ''}
        onChange={(e) => onChange({ [key]: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('common.all')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <FilterPanel active={active}>
      <form className="filters" role="search" aria-label={t('money.filters')} onSubmit={(e) => e.preventDefault()}>
        {yearSelect('yearFrom', t('money.yearFrom'))}
        {yearSelect('yearTo', t('money.yearTo'))}
        <div className="field-like">
          <label htmlFor={`${id}-agency`}>{t('money.agency')}</label>
          <select id={`${id}-agency`} value={search.agency ?? ''} onChange={(e) => onChange({ agency: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {agencies.map((o) => (
              <option key={o.code} value={o.code}>
                {o.acronym ? `${o.acronym} — ` : ''}
                {f.orgName(o)}
              </option>
            ))}
          </select>
        </div>
        <CodeFilter
          id={`${id}-stage`}
          label={t('money.stage')}
          codes={lifecycleStages}
          value={search.stage}
          onChange={(stage) => onChange({ stage })}
        />
        <div className="field-like">
          <span id={`${id}-group`}>{t('money.groupBy')}</span>
          <div className="toggle" role="radiogroup" aria-labelledby={`${id}-group`}>
            {GROUPINGS.map((g) => (
              <button
                key={g}
                type="button"
                role="radio"
                aria-checked={(search.groupBy ?? 'program') === g}
                onClick={() => onChange({ groupBy: g === 'program' ? undefined : g })}
              >
                {t(`money.groupings.${g}`)}
              </button>
            ))}
          </div>
        </div>
      </form>
    </FilterPanel>
  );
}
