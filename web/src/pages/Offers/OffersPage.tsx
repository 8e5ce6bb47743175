/** The public catalogue of course offers: search, filters in the URL, the deadline, a link to each offer. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { useCatalogue, type CatalogueParams } from '../../api/offer-queries.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { CATALOGUE_PAGE_SIZE, type CatalogueSearch } from './offer-search.js';
import { Deadline, OfferProblem, OfferStatusBadge } from './parts.js';
import { PageNav } from '../../components/PageNav.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { SearchFilters } from '../../components/SearchFilters.js';

export function OffersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/offers' });
  const navigate = useNavigate({ from: '/offers' });
  const idPrefix = useId();
  const page = search.page ?? 1;
  const params: CatalogueParams = {
    ...(search.q ? { q: search.q } : {}),
    ...(search.country ? { country: search.country } : {}),
    ...(search.modality ? { modality: search.modality } : {}),
    ...(search.flagshipArea ? { flagshipArea: search.flagshipArea } : {}),
    ...(search.all ? {} : { open: 'true' as const }),
    page,
    pageSize: CATALOGUE_PAGE_SIZE,
  };
  const list = useCatalogue(params);
  const set = (patch: Partial<CatalogueSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <h1>{t('offers.title')}</h1>
      </div>
      <p className="muted">{t('offers.intro')}</p>
      <SearchFilters
        label={t('offers.filters')}
        query={search.q}
        placeholder={t('offers.searchHint')}
        onSearch={(q) => set({ q })}
        active={[
          ...(search.country
            ? [
                {
                  key: 'country',
                  label: `${t('offers.eligibleCountry')}: ${f.country(search.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
          ...(search.modality
            ? [
                {
                  key: 'modality',
                  label: `${t('program.modality')}: ${f.code(modalities, search.modality)}`,
                  onRemove: () => set({ modality: undefined }),
                },
              ]
            : []),
          ...(search.flagshipArea
            ? [
                {
                  key: 'flagshipArea',
                  label: `${t('program.area')}: ${f.code(flagshipAreas, search.flagshipArea)}`,
                  onRemove: () => set({ flagshipArea: undefined }),
                },
              ]
            : []),
          ...(search.all ? [{ key: 'all', label: t('offers.includeClosed'), onRemove: () => set({ all: undefined }) }] : []),
        ]}
        clear={
          <Link to="/offers" search={{}} className="button secondary">
            {t('offers.clear')}
          </Link>
        }
      >
        <CountryFilter
          label={t('offers.eligibleCountry')}
          value={search.country}
          chipLabel={search.country && t('offers.removeFilter', { value: f.country(search.country) })}
          onChange={(country) => set({ country })}
        />
        <CodeFilter
          id={`${idPrefix}-modality`}
          label={t('program.modality')}
          codes={modalities}
          value={search.modality}
          onChange={(v) => set({ modality: v })}
        />
        <CodeFilter
          id={`${idPrefix}-area`}
          label={t('program.area')}
          codes={flagshipAreas}
          value={search.flagshipArea}
          onChange={(v) => set({ flagshipArea: v })}
        />
        <div className="field-like">
          <label className="check">
            <input type="checkbox" checked={!!search.all} onChange={(e) => set({ all: e.target.checked || undefined })} />{' '}
            {t('offers.includeClosed')}
          </label>
        </div>
      </SearchFilters>

      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <OfferProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : total === 0 ? (
        <EmptyState>{search.all ? t('offers.emptyAll') : t('offers.empty')}</EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('offers.results', { count: total, formatted: f.number(total) })}
          </p>
          <DataTable
            head={
              <>
                <th scope="col">{t('offers.columns.topic')}</th>
                <th scope="col">{t('program.modality')}</th>
                <th scope="col">{t('program.area')}</th>
                <th scope="col">{t('program.dates')}</th>
                <th scope="col">{t('offers.columns.countries')}</th>
                <th scope="col">{t('offers.deadline')}</th>
                <th scope="col">{t('offers.columns.status')}</th>
              </>
            }
          >
            {list.data?.items.map(({ offer, program }) => (
              <tr key={offer.id}>
                <td className="title-cell">
                  <Link to="/offers/$id" params={{ id: String(offer.id) }}>
                    {f.title(program)}
                  </Link>
                  <div className="muted small">{program.identifier}</div>
                </td>
                <td>{f.code(modalities, program.modality)}</td>
                <td>{f.code(flagshipAreas, program.flagshipArea)}</td>
                <td className="nowrap">
                  {f.date(program.plannedStart)} – {f.date(program.plannedEnd)}
                </td>
                <td>{program.recipients.map((c) => f.country(c)).join(', ') || '—'}</td>
                <td>
                  <Deadline at={offer.deadline} />
                </td>
                <td>
                  <OfferStatusBadge status={offer.status} />
                </td>
              </tr>
            ))}
          </DataTable>
          <PageNav page={page} pages={pages} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
        </>
      )}
    </>
  );
}
