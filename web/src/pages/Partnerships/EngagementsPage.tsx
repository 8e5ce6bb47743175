/** Engagements with partners, latest first: filters in the URL, a page of engagements, downloads and the way to record one. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementKinds } from '../../../../src/domain/partnership/engagement.js';
import { engagementsExportUrl, useEngagements, type Engagement } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { DataTable } from '../../components/DataTable.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { PageNav } from '../../components/PageNav.js';
import { useFormat } from '../../format.js';
import {
  ENGAGEMENT_PAGE_SIZE,
  engagementFilter,
  engagementListParams,
  pageCount,
  pageOf,
  type EngagementSearch,
} from './engagement-search.js';
import { useOrgChoices } from './EngagementFields.js';
import { EngagementProblem } from './EngagementParts.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { DownloadLinks, ListResults } from '../../components/ListResults.js';
import { SearchFilters } from '../../components/SearchFilters.js';
import { useOrgNames } from '../../components/OrgName.js';

export function EngagementsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search: EngagementSearch = useSearch({ from: '/engagements' });
  const navigate = useNavigate({ from: '/engagements' });
  const { user } = useSession();
  const idPrefix = useId();
  const { counterparts } = useOrgChoices();
  const names = useOrgNames();
  const list = useEngagements(engagementListParams(search));
  const set = (patch: Partial<EngagementSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const filter = engagementFilter(search);
  const total = list.data?.total ?? 0;
  const page = pageOf(search.page);

  return (
    <>
      <PartnershipTabs />
      <div className="page-head">
        <h1>{t('partnerships.engagements.title')}</h1>
        <div className="actions">
          <DownloadLinks href={(format) => engagementsExportUrl(filter, format, i18n.language)} />
          {canPartnerships.create(user) && (
            <Link className="button" to="/engagements/new">
              {t('partnerships.engagements.new')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('partnerships.engagements.intro')}</p>
      <SearchFilters
        label={t('partnerships.engagements.filters')}
        query={search.q}
        placeholder={t('partnerships.engagements.search')}
        onSearch={(q) => set({ q })}
        active={[
          ...(search.kind
            ? [
                {
                  key: 'kind',
                  label: `${t('partnerships.engagements.fields.kind')}: ${f.code(engagementKinds, search.kind)}`,
                  onRemove: () => set({ kind: undefined }),
                },
              ]
            : []),
          ...(search.partner
            ? [
                {
                  key: 'partner',
                  label: `${t('partnerships.engagements.columns.partner')}: ${names.name(search.partner)}`,
                  onRemove: () => set({ partner: undefined }),
                },
              ]
            : []),
          ...(filter.country
            ? [
                {
                  key: 'country',
                  label: `${t('partnerships.engagements.fields.country')}: ${f.country(filter.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
          ...(filter.from
            ? [
                {
                  key: 'from',
                  label: `${t('partnerships.engagements.from')}: ${f.date(filter.from)}`,
                  onRemove: () => set({ from: undefined }),
                },
              ]
            : []),
          ...(filter.to
            ? [{ key: 'to', label: `${t('partnerships.engagements.to')}: ${f.date(filter.to)}`, onRemove: () => set({ to: undefined }) }]
            : []),
        ]}
        clear={
          <Link to="/engagements" search={{}} className="button secondary">
            {t('partnerships.engagements.clear')}
          </Link>
        }
      >
        <CodeFilter
          id={`${idPrefix}-kind`}
          label={t('partnerships.engagements.fields.kind')}
          codes={engagementKinds}
          value={filter.kind}
          onChange={(kind) => set({ kind })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-partner`}>{t('partnerships.engagements.columns.partner')}</label>
          <select id={`${idPrefix}-partner`} value={search.partner ?? ''} onChange={(e) => set({ partner: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {counterparts.map((o) => (
              <option key={o.code} value={o.code}>
                {o.acronym ?? o.nameEn}
              </option>
            ))}
            {search.partner && !counterparts.some((o) => o.code === search.partner) && (
              <option value={search.partner}>{search.partner}</option>
            )}
          </select>
        </div>
        <CountryFilter
          label={t('partnerships.engagements.fields.country')}
          value={filter.country}
          onChange={(country) => set({ country })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-from`}>{t('partnerships.engagements.from')}</label>
          <input
            id={`${idPrefix}-from`}
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </div>
        <div className="field-like">
          <label htmlFor={`${idPrefix}-to`}>{t('partnerships.engagements.to')}</label>
          <input id={`${idPrefix}-to`} type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </div>
      </SearchFilters>

      <ListResults
        query={list}
        total={total}
        empty={t('partnerships.engagements.empty')}
        results={t('partnerships.engagements.results', { count: total, formatted: f.number(total) })}
        problem={(error, retry) => <EngagementProblem error={error} onRetry={retry} />}
      >
        <DataTable
          caption={t('partnerships.engagements.title')}
          head={
            <>
              <th scope="col">{t('partnerships.engagements.columns.date')}</th>
              <th scope="col">{t('partnerships.engagements.fields.kind')}</th>
              <th scope="col">{t('partnerships.engagements.fields.title')}</th>
              <th scope="col">{t('partnerships.engagements.columns.partner')}</th>
              <th scope="col">{t('partnerships.engagements.columns.place')}</th>
              <th scope="col" className="num">
                {t('partnerships.engagements.columns.offers')}
              </th>
              <th scope="col" className="num">
                {t('partnerships.engagements.columns.requests')}
              </th>
              <th scope="col">{t('partnerships.engagements.columns.programs')}</th>
              <th scope="col">{t('partnerships.engagements.columns.followUps')}</th>
            </>
          }
        >
          {list.data?.items.map((e) => (
            <EngagementRow key={e.id} e={e} />
          ))}
        </DataTable>
        <PageNav
          page={page}
          pages={pageCount(total, ENGAGEMENT_PAGE_SIZE)}
          onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? String(p) : undefined }) })}
        />
      </ListResults>
    </>
  );
}

function EngagementRow({ e }: { e: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = e.followUps.filter((x) => x.status === 'open').length;
  const overdue = e.followUps.filter((x) => x.overdue).length;
  const programs = e.items.flatMap((i) => (i.program ? [i.program] : []));
  return (
    <tr>
      <td className="nowrap">
        {f.date(e.startsOn)}
        {e.endsOn && e.endsOn !== e.startsOn && <> – {f.date(e.endsOn)}</>}
      </td>
      <td>{f.code(engagementKinds, e.kind)}</td>
      <td className="title-cell">
        <Link to="/engagements/$id" params={{ id: String(e.id) }}>
          {f.text(e.title, e.titleId)}
        </Link>
        <br />
        <span className="muted small">{e.reference}</span>
        {e.illustrative && (
          <>
            {' '}
            <IllustrativeTag />
          </>
        )}
      </td>
      <td>
        {e.partnerOrg ? (
          <Link to="/partners/$code" params={{ code: e.partnerOrg }}>
            {e.partnerName ?? e.partnerOrg}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td>{[e.place, e.country ? f.country(e.country) : null].filter(Boolean).join(', ') || '—'}</td>
      <td className="num">{f.number(e.items.filter((i) => i.kind === 'offer').length)}</td>
      <td className="num">{f.number(e.items.filter((i) => i.kind === 'request').length)}</td>
      <td>
        {programs.length === 0
          ? '—'
          : programs.map((p, n) => (
              <span key={p.id}>
                {n > 0 && ', '}
                <Link to="/programs/$id" params={{ id: String(p.id) }}>
                  {p.identifier}
                </Link>
              </span>
            ))}
      </td>
      <td className="nowrap">
        {t('partnerships.engagements.openFollowUps', { count: open, formatted: f.number(open) })}
        {overdue > 0 && (
          <>
            {' '}
            <span className="badge bad">
              {t('partnerships.engagements.overdueFollowUps', { count: overdue, formatted: f.number(overdue) })}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}
