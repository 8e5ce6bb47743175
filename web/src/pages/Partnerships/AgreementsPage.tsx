/** Agreements: filters in the URL, a page of agreements with their renewal state, downloads, and the way to record one. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { agreementKinds, agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import { agreementsExportUrl, useAgreements } from '../../api/partnership-queries.js';
import { useOrganisations } from '../../api/queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { DataTable } from '../../components/DataTable.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { PageNav } from '../../components/PageNav.js';
import { useFormat } from '../../format.js';
import { AgreementStatusBadge, Parties, PartnershipProblem, RenewalBadge } from './agreement-parts.js';
import { AGREEMENT_PAGE_SIZE, EXPIRING_CHOICES, agreementListParams } from './agreement-search.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { DownloadLinks, ListResults } from '../../components/ListResults.js';
import { SearchFilters } from '../../components/SearchFilters.js';
import { useOrgNames } from '../../components/OrgName.js';

type AgreementSearchKey = 'q' | 'status' | 'kind' | 'partner' | 'country' | 'area' | 'expiringWithin' | 'page';

export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/agreements' });
  const navigate = useNavigate({ from: '/agreements' });
  const { user } = useSession();
  const idPrefix = useId();
  const params = agreementListParams(search);
  const list = useAgreements(params);
  const organisations = useOrganisations();
  const names = useOrgNames();
  const { page: _page, pageSize: _pageSize, ...filter } = params;
  const set = (patch: Partial<Record<AgreementSearchKey, string | undefined>>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const [partner, setPartner] = useState(params.partner ?? '');
  useEffect(() => setPartner(params.partner ?? ''), [params.partner]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AGREEMENT_PAGE_SIZE));
  const partnerList = `${idPrefix}-partners`;

  return (
    <>
      <PartnershipTabs />
      <div className="page-head">
        <h1>{t('partnerships.agreements.title')}</h1>
        <div className="actions">
          <DownloadLinks href={(format) => agreementsExportUrl(filter, format, i18n.language)} />
          {canPartnerships.create(user) && (
            <Link className="button" to="/agreements/new">
              {t('partnerships.agreements.new')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t(canPartnerships.internal(user) ? 'partnerships.agreements.intro' : 'partnerships.agreements.introPublic')}</p>
      <SearchFilters
        label={t('partnerships.agreements.filters')}
        query={params.q}
        placeholder={t('partnerships.agreements.search')}
        onSearch={(q) => set({ q, partner: partner.trim() || undefined })}
        active={[
          ...(params.status
            ? [
                {
                  key: 'status',
                  label: `${t('partnerships.agreements.columns.status')}: ${
                    params.status === 'signed,in_force'
                      ? t('partnerships.agreements.live')
                      : params.status
                          .split(',')
                          .map((s) => f.code(agreementStatuses, s))
                          .join(', ')
                  }`,
                  onRemove: () => set({ status: undefined }),
                },
              ]
            : []),
          ...(params.kind
            ? [
                {
                  key: 'kind',
                  label: `${t('partnerships.agreements.columns.kind')}: ${f.code(agreementKinds, params.kind)}`,
                  onRemove: () => set({ kind: undefined }),
                },
              ]
            : []),
          ...(params.area
            ? [
                {
                  key: 'area',
                  label: `${t('partnerships.agreements.fields.areas')}: ${f.code(flagshipAreas, params.area)}`,
                  onRemove: () => set({ area: undefined }),
                },
              ]
            : []),
          ...(params.partner
            ? [
                {
                  key: 'partner',
                  label: `${t('partnerships.agreements.partnerChip')}: ${names.name(params.partner)}`,
                  onRemove: () => set({ partner: undefined }),
                },
              ]
            : []),
          ...(params.country
            ? [
                {
                  key: 'country',
                  label: `${t('partnerships.agreements.columns.country')}: ${f.country(params.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
          ...(params.expiringWithin !== undefined
            ? [
                {
                  key: 'expiringWithin',
                  label: `${t('partnerships.agreements.expiringWithin')}: ${t('partnerships.agreements.withinDays', { days: f.number(params.expiringWithin) })}`,
                  onRemove: () => set({ expiringWithin: undefined }),
                },
              ]
            : []),
        ]}
        clear={
          <Link to="/agreements" search={{}} className="button secondary">
            {t('partnerships.agreements.clear')}
          </Link>
        }
      >
        <div className="field-like">
          <label htmlFor={`${idPrefix}-status`}>{t('partnerships.agreements.columns.status')}</label>
          <select id={`${idPrefix}-status`} value={params.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            <option value="signed,in_force">{t('partnerships.agreements.live')}</option>
            {agreementStatuses.codes.map((s) => (
              <option key={s} value={s}>
                {f.code(agreementStatuses, s)}
              </option>
            ))}
            {params.status && params.status !== 'signed,in_force' && !agreementStatuses.is(params.status) && (
              <option value={params.status}>
                {params.status
                  .split(',')
                  .map((s) => f.code(agreementStatuses, s))
                  .join(', ')}
              </option>
            )}
          </select>
        </div>
        <CodeFilter
          id={`${idPrefix}-kind`}
          label={t('partnerships.agreements.columns.kind')}
          codes={agreementKinds}
          value={params.kind}
          onChange={(kind) => set({ kind })}
        />
        <CodeFilter
          id={`${idPrefix}-area`}
          label={t('partnerships.agreements.fields.areas')}
          codes={flagshipAreas}
          value={params.area}
          onChange={(area) => set({ area })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-partner`}>{t('partnerships.agreements.partnerCode')}</label>
          <input id={`${idPrefix}-partner`} type="text" list={partnerList} value={partner} onChange={(e) => setPartner(e.target.value)} />
          <datalist id={partnerList}>
            {organisations.data?.items.map((o) => (
              <option key={o.code} value={o.code}>
                {o.acronym ? `${o.acronym} — ${o.nameEn}` : o.nameEn}
              </option>
            ))}
          </datalist>
        </div>
        <CountryFilter
          label={t('partnerships.agreements.columns.country')}
          value={params.country}
          onChange={(country) => set({ country })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-expiring`}>{t('partnerships.agreements.expiringWithin')}</label>
          <select
            id={`${idPrefix}-expiring`}
            value={params.expiringWithin ?? ''}
            onChange={(e) => set({ expiringWithin: e.target.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            {[...new Set([...EXPIRING_CHOICES, ...(params.expiringWithin !== undefined ? [params.expiringWithin] : [])])]
              .sort((a, b) => a - b)
              .map((days) => (
                <option key={days} value={days}>
                  {t('partnerships.agreements.withinDays', { days: f.number(days) })}
                </option>
              ))}
          </select>
        </div>
      </SearchFilters>

      <ListResults
        query={list}
        total={total}
        empty={t('partnerships.agreements.empty')}
        results={t('partnerships.agreements.results', { count: total, formatted: f.number(total) })}
        problem={(error, retry) => <PartnershipProblem error={error} onRetry={retry} />}
      >
        <DataTable
          head={
            <>
              <th scope="col">{t('partnerships.agreements.columns.reference')}</th>
              <th scope="col">{t('partnerships.agreements.columns.title')}</th>
              <th scope="col">{t('partnerships.agreements.columns.kind')}</th>
              <th scope="col">{t('partnerships.agreements.columns.parties')}</th>
              <th scope="col">{t('partnerships.agreements.columns.status')}</th>
              <th scope="col">{t('partnerships.agreements.columns.signedOn')}</th>
              <th scope="col">{t('partnerships.agreements.columns.validUntil')}</th>
              <th scope="col">{t('partnerships.agreements.columns.renewal')}</th>
              <th scope="col" className="num">
                {t('partnerships.agreements.columns.programs')}
              </th>
            </>
          }
        >
          {list.data?.items.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">
                <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                  {a.reference}
                </Link>
              </td>
              <td className="title-cell">
                {f.title(a)}
                {a.illustrative && ' '}
                {a.illustrative && <IllustrativeTag />}
              </td>
              <td>{f.code(agreementKinds, a.kind)}</td>
              <td>
                <Parties parties={a.parties} />
              </td>
              <td>
                <AgreementStatusBadge status={a.status} />
              </td>
              <td className="nowrap">{f.date(a.signedOn)}</td>
              <td className="nowrap">{f.date(a.validUntil)}</td>
              <td className="nowrap">
                <RenewalBadge renewal={a.renewal} />
              </td>
              <td className="num">{f.number(a.programCount)}</td>
            </tr>
          ))}
        </DataTable>
        <PageNav
          page={params.page ?? 1}
          pages={pages}
          onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? String(p) : undefined }) })}
        />
      </ListResults>
    </>
  );
}
