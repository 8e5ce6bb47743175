/**
 * Partner organisations: their programs, triangular programs (in all and in the chosen years),
 * agreements and engagements; the triangular programs of the chosen years counted once each.
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationKinds } from '../../../../src/domain/codes.js';
import { partnersExportUrl, usePartners, type PartnerList } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { DataTable } from '../../components/DataTable.js';
import { Figures } from '../../components/Figures.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { PartnershipProblem } from './agreement-parts.js';
import { FIRST_YEAR, LAST_YEAR, partnerListParams } from './partner-search.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { DownloadLinks } from '../../components/ListResults.js';
import { FilterPanel } from '../../components/FilterPanel.js';

type PartnerSearchPatch = Partial<Record<'q' | 'country' | 'since' | 'upTo', string | undefined>>;

export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/partners' });
  const navigate = useNavigate({ from: '/partners' });
  const { user } = useSession();
  const internal = canPartnerships.internal(user);
  const idPrefix = useId();
  const params = partnerListParams(search);
  const list = usePartners(params);
  const [draft, setDraft] = useState({
    q: params.q ?? '',
    since: params.since ? String(params.since) : '',
    upTo: params.upTo ? String(params.upTo) : '',
  });
  useEffect(
    () => setDraft({ q: params.q ?? '', since: params.since ? String(params.since) : '', upTo: params.upTo ? String(params.upTo) : '' }),
    [params.q, params.since, params.upTo],
  );
  const set = (patch: PartnerSearchPatch) => void navigate({ search: (s) => ({ ...s, ...patch }) });

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: draft.q.trim() || undefined, since: draft.since || undefined, upTo: draft.upTo || undefined });
  };

  return (
    <>
      <PartnershipTabs />
      <div className="page-head">
        <h1>{t('partnerships.partners.title')}</h1>
        <div className="actions">
          <DownloadLinks href={(format) => partnersExportUrl(params, format, i18n.language)} />
          {canPartnerships.coordinate(user) && (
            <Link className="button" to="/partners/new">
              {t('partnerships.newPartner.title')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('partnerships.partners.intro')}</p>
      <FilterPanel
        active={[
          ...(params.q ? [{ key: 'q', label: `${t('common.search')}: “${params.q}”`, onRemove: () => set({ q: undefined }) }] : []),
          ...(params.country
            ? [
                {
                  key: 'country',
                  label: `${t('partnerships.partners.columns.country')}: ${f.country(params.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
          ...(params.since
            ? [{ key: 'since', label: `${t('partnerships.partners.since')}: ${params.since}`, onRemove: () => set({ since: undefined }) }]
            : []),
          ...(params.upTo
            ? [{ key: 'upTo', label: `${t('partnerships.partners.upTo')}: ${params.upTo}`, onRemove: () => set({ upTo: undefined }) }]
            : []),
        ]}
      >
        <form className="filters" role="search" aria-label={t('partnerships.partners.filters')} onSubmit={handleSubmit}>
          <div className="field-like wide">
            <label htmlFor={`${idPrefix}-q`}>{t('common.search')}</label>
            <input
              id={`${idPrefix}-q`}
              type="search"
              value={draft.q}
              placeholder={t('partnerships.partners.search')}
              onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
            />
          </div>
          <CountryFilter
            label={t('partnerships.partners.columns.country')}
            value={params.country}
            onChange={(country) => set({ country })}
          />
          <div className="field-like">
            <label htmlFor={`${idPrefix}-since`}>{t('partnerships.partners.since')}</label>
            <input
              id={`${idPrefix}-since`}
              type="number"
              inputMode="numeric"
              min={FIRST_YEAR}
              max={LAST_YEAR}
              value={draft.since}
              onChange={(e) => setDraft((d) => ({ ...d, since: e.target.value }))}
            />
          </div>
          <div className="field-like">
            <label htmlFor={`${idPrefix}-upTo`}>{t('partnerships.partners.upTo')}</label>
            <input
              id={`${idPrefix}-upTo`}
              type="number"
              inputMode="numeric"
              min={FIRST_YEAR}
              max={LAST_YEAR}
              value={draft.upTo}
              onChange={(e) => setDraft((d) => ({ ...d, upTo: e.target.value }))}
            />
          </div>
          <div className="filter-actions">
            <button type="submit">{t('common.search')}</button>
            <Link to="/partners" search={{}} className="button secondary">
              {t('partnerships.partners.clear')}
            </Link>
          </div>
        </form>
      </FilterPanel>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <PartnershipProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <PartnerTable data={list.data} internal={internal} />
      )}
    </>
  );
}

/** The years' label of the triangular total (`range`) or of a column (`years`): both ends, one end, or all years. */
function useRangeLabel() {
  const { t } = useTranslation();
  return (group: 'range' | 'years', since: number | null, upTo: number | null) =>
    since !== null && upTo !== null
      ? t(`partnerships.partners.${group}.both`, { since, upTo })
      : since !== null
        ? t(`partnerships.partners.${group}.since`, { since })
        : upTo !== null
          ? t(`partnerships.partners.${group}.upTo`, { upTo })
          : t(`partnerships.partners.${group}.all`);
}

function PartnerTable({ data, internal }: { data: PartnerList; internal: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rangeLabel = useRangeLabel();
  const years = rangeLabel('years', data.since, data.upTo);
  return (
    <>
      <Figures items={[{ label: rangeLabel('range', data.since, data.upTo), value: f.number(data.triangularInRange) }]} />
      <p className="muted small">{t('partnerships.partners.countedOnce')}</p>
      {data.items.length === 0 ? (
        <EmptyState>{t('partnerships.partners.empty')}</EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('partnerships.partners.results', { count: data.items.length, formatted: f.number(data.items.length) })}
          </p>
          <DataTable
            head={
              <>
                <th scope="col">{t('partnerships.partners.columns.name')}</th>
                <th scope="col">{t('partnerships.partners.columns.kind')}</th>
                <th scope="col">{t('partnerships.partners.columns.country')}</th>
                <th scope="col" className="num">
                  {t('partnerships.partners.columns.programs')}
                </th>
                <th scope="col" className="num">
                  {t('partnerships.partners.columns.triangular')}
                </th>
                <th scope="col" className="num">
                  {t('partnerships.partners.columns.triangularInRange', { years })}
                </th>
                <th scope="col" className="num">
                  {t('partnerships.partners.columns.agreements')}
                </th>
                {internal && (
                  <th scope="col" className="num">
                    {t('partnerships.partners.columns.engagements')}
                  </th>
                )}
                {internal && <th scope="col">{t('partnerships.partners.columns.lastEngagement')}</th>}
              </>
            }
          >
            {data.items.map((p) => (
              <tr key={p.code}>
                <td className="title-cell">
                  <Link to="/partners/$code" params={{ code: p.code }}>
                    {f.orgName(p)}
                  </Link>
                  {p.acronym && <span className="muted"> ({p.acronym})</span>}
                </td>
                <td>{f.code(organisationKinds, p.kind)}</td>
                <td>{p.country ? f.country(p.country) : '—'}</td>
                <td className="num">{f.number(p.programs)}</td>
                <td className="num">{f.number(p.triangular)}</td>
                <td className="num">{f.number(p.triangularInRange)}</td>
                <td className="num">{f.number(p.agreements)}</td>
                {internal && <td className="num">{f.number(p.engagements)}</td>}
                {internal && <td className="nowrap">{f.date(p.lastEngagement)}</td>}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
