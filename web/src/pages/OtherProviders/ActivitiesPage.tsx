/**
 * Other providers' imported activities (issue 22): filtered by publisher, dataset, recipient
 * country, year, text and "with warnings only" (kept in the URL, shown as chips), a page at a
 * time, each linking to its page with its source and the IATI rules it breaks.
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatasets, useImportedActivities, type IatiDataset } from '../../api/other-provider-queries.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { DataTable } from '../../components/DataTable.js';
import type { ActiveFilter } from '../../components/FilterPanel.js';
import { ListResults } from '../../components/ListResults.js';
import { PageNav } from '../../components/PageNav.js';
import { SearchFilters } from '../../components/SearchFilters.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { yearParam } from '../../search-params.js';
import { IMPORTED_PAGE_SIZE, importedQuery, type ImportedSearch } from './other-providers-search.js';
import { OtherProvidersTabs, publisherLabel } from './OtherProvidersTabs.js';

/** The years one may filter by: the next two and the forty before them, latest first. */
const YEARS = Array.from({ length: 42 }, (_, i) => new Date().getFullYear() + 2 - i);

/** The publishers of the imported datasets, each once, by name. */
function publishersOf(datasets: readonly IatiDataset[]): { id: number; label: string }[] {
  const byId = new Map<number, string>();
  for (const d of datasets) byId.set(d.publisherId, publisherLabel(d));
  return [...byId.entries()].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
}

export function ActivitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const search = useSearch({ from: '/other-providers/activities' });
  const navigate = useNavigate({ from: '/other-providers/activities' });
  const list = useImportedActivities(importedQuery(search));
  const datasets = useDatasets().data?.items ?? [];
  const publishers = useMemo(() => publishersOf(datasets), [datasets]);
  const set = (patch: Partial<ImportedSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const page = search.page ?? 1;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / IMPORTED_PAGE_SIZE));
  const publisherName = publishers.find((p) => p.id === search.publisherId)?.label ?? String(search.publisherId);
  const dataset = datasets.find((d) => d.id === search.datasetId);

  const active: ActiveFilter[] = [
    ...(search.publisherId !== undefined
      ? [
          {
            key: 'publisherId',
            label: `${t('otherProviders.filters.publisher')}: ${publisherName}`,
            onRemove: () => set({ publisherId: undefined }),
          },
        ]
      : []),
    ...(search.datasetId !== undefined
      ? [
          {
            key: 'datasetId',
            label: `${t('otherProviders.filters.dataset')}: ${dataset?.fileName ?? search.datasetId}`,
            onRemove: () => set({ datasetId: undefined }),
          },
        ]
      : []),
    ...(search.country
      ? [
          {
            key: 'country',
            label: `${t('otherProviders.filters.country')}: ${f.country(search.country)}`,
            onRemove: () => set({ country: undefined }),
          },
        ]
      : []),
    ...(search.year !== undefined
      ? [{ key: 'year', label: `${t('otherProviders.filters.year')}: ${search.year}`, onRemove: () => set({ year: undefined }) }]
      : []),
    ...(search.withWarnings
      ? [{ key: 'withWarnings', label: t('otherProviders.filters.withWarnings'), onRemove: () => set({ withWarnings: undefined }) }]
      : []),
  ];

  return (
    <>
      <div className="page-head">
        <h1>{t('otherProviders.activities.title')}</h1>
      </div>
      <p className="muted">{t('otherProviders.intro')}</p>
      <OtherProvidersTabs />
      <SearchFilters
        label={t('otherProviders.filters.label')}
        query={search.q}
        placeholder={t('otherProviders.filters.searchHint')}
        onSearch={(q) => set({ q })}
        active={active}
        clear={
          <Link to="/other-providers/activities" search={{}} className="button secondary">
            {t('otherProviders.filters.clear')}
          </Link>
        }
      >
        <div className="field-like">
          <label htmlFor={`${id}-publisher`}>{t('otherProviders.filters.publisher')}</label>
          <select
            id={`${id}-publisher`}
            value={search.publisherId ?? ''}
            onChange={(e) => set({ publisherId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('common.all')}</option>
            {publishers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field-like">
          <label htmlFor={`${id}-dataset`}>{t('otherProviders.filters.dataset')}</label>
          <select
            id={`${id}-dataset`}
            value={search.datasetId ?? ''}
            onChange={(e) => set({ datasetId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('common.all')}</option>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.fileName} — {publisherLabel(d)}
              </option>
            ))}
          </select>
        </div>
        <CountryFilter label={t('otherProviders.filters.country')} value={search.country} onChange={(country) => set({ country })} />
        <div className="field-like">
          <label htmlFor={`${id}-year`}>{t('otherProviders.filters.year')}</label>
          <select id={`${id}-year`} value={search.year ?? ''} onChange={(e) => set({ year: yearParam(e.target.value) })}>
            <option value="">{t('common.all')}</option>
            {(search.year !== undefined && !YEARS.includes(search.year) ? [search.year, ...YEARS] : YEARS).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={search.withWarnings ?? false}
            onChange={(e) => set({ withWarnings: e.target.checked || undefined })}
          />{' '}
          {t('otherProviders.filters.withWarnings')}
        </label>
      </SearchFilters>

      <ListResults
        query={list}
        total={total}
        empty={t('otherProviders.activities.empty')}
        results={t('otherProviders.activities.results', { count: total, n: f.number(total) })}
        problem={(error, retry) => <ProblemMessage error={error} onRetry={retry} />}
      >
        <DataTable
          caption={t('otherProviders.activities.title')}
          head={
            <>
              <th scope="col">{t('otherProviders.columns.identifier')}</th>
              <th scope="col">{t('otherProviders.columns.title')}</th>
              <th scope="col">{t('otherProviders.columns.publisher')}</th>
              <th scope="col" className="num">
                {t('otherProviders.columns.year')}
              </th>
              <th scope="col" className="num">
                {t('otherProviders.columns.warnings')}
              </th>
              <th scope="col">{t('otherProviders.columns.promoted')}</th>
            </>
          }
        >
          {list.data?.items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to="/other-providers/activities/$id" params={{ id: String(a.id) }}>
                  <code>{a.identifier}</code>
                </Link>
              </td>
              <td className="title-cell">{a.title ?? t('otherProviders.untitled')}</td>
              <td>{publisherLabel(a)}</td>
              <td className="num">{a.year ?? '—'}</td>
              <td className="num">{a.warningCount > 0 ? <span className="badge warn">{f.number(a.warningCount)}</span> : '0'}</td>
              <td>
                {a.promotedProgramId !== null ? (
                  <Link to="/programs/$id" params={{ id: String(a.promotedProgramId) }}>
                    {t('otherProviders.promotedYes')}
                  </Link>
                ) : (
                  t('otherProviders.promotedNo')
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        {pages > 1 && <PageNav page={page} pages={pages} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />}
      </ListResults>
    </>
  );
}
