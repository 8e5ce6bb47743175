/** Follow-up actions of all engagements, earliest due first: filters in the URL, overdue ones marked, marked done from here, downloads. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpStatuses } from '../../../../src/domain/partnership/engagement.js';
import { followUpsExportUrl, useFollowUps, usePatchFollowUp } from '../../api/partnership-queries.js';
import { useSession } from '../../auth/session.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { DataTable } from '../../components/DataTable.js';
import { OrgName } from '../../components/OrgName.js';
import { PageNav } from '../../components/PageNav.js';
import { useFormat } from '../../format.js';
import { FOLLOW_UP_PAGE_SIZE, followUpFilter, followUpListParams, pageCount, pageOf, type FollowUpSearch } from './engagement-search.js';
import { FollowUpActions } from './EngagementFollowUps.js';
import { EngagementProblem, FollowUpStatus } from './EngagementParts.js';
import { canActOnFollowUp } from './follow-ups.js';
import { FollowUpSource, followUpEditors } from './FollowUpSource.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { DownloadLinks, ListResults } from '../../components/ListResults.js';

export function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search: FollowUpSearch = useSearch({ from: '/follow-ups' });
  const navigate = useNavigate({ from: '/follow-ups' });
  const { user } = useSession();
  const idPrefix = useId();
  const list = useFollowUps(followUpListParams(search));
  const patch = usePatchFollowUp();
  const set = (patchSearch: Partial<FollowUpSearch>) => void navigate({ search: (s) => ({ ...s, ...patchSearch, page: undefined }) });
  const [owner, setOwner] = useState(search.owner ?? '');
  useEffect(() => setOwner(search.owner ?? ''), [search.owner]);
  const filter = followUpFilter(search);
  const total = list.data?.total ?? 0;

  return (
    <>
      <PartnershipTabs />
      <div className="page-head">
        <h1>{t('partnerships.followUps.title')}</h1>
        <div className="actions">
          <DownloadLinks href={(format) => followUpsExportUrl(filter, format, i18n.language)} />
        </div>
      </div>
      <p className="muted">{t('partnerships.followUps.listIntro')}</p>
      <form
        className="filters"
        role="search"
        aria-label={t('partnerships.followUps.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set({ owner: owner.trim() || undefined });
        }}
      >
        <CodeFilter
          id={`${idPrefix}-status`}
          label={t('partnerships.followUps.columns.status')}
          codes={followUpStatuses}
          value={filter.status}
          onChange={(status) => set({ status })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-owner`}>{t('partnerships.followUps.fields.owner')}</label>
          <input
            id={`${idPrefix}-owner`}
            type="search"
            value={owner}
            placeholder={t('partnerships.followUps.ownerSearch')}
            onChange={(e) => setOwner(e.target.value)}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.overdue === 'true'}
            onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
          />{' '}
          {t('partnerships.followUps.onlyOverdue')}
        </label>
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
          <Link to="/follow-ups" search={{}} className="button secondary">
            {t('partnerships.followUps.clear')}
          </Link>
        </div>
      </form>
      {patch.error && <EngagementProblem error={patch.error} />}

      <ListResults
        query={list}
        total={total}
        empty={t('partnerships.followUps.empty')}
        results={t('partnerships.followUps.results', { count: total, formatted: f.number(total) })}
        problem={(error, retry) => <EngagementProblem error={error} onRetry={retry} />}
      >
        <DataTable
          caption={t('partnerships.followUps.title')}
          head={
            <>
              <th scope="col">{t('partnerships.followUps.fields.dueOn')}</th>
              <th scope="col">{t('partnerships.followUps.fields.action')}</th>
              <th scope="col">{t('partnerships.followUps.fields.owner')}</th>
              <th scope="col">{t('partnerships.followUps.columns.engagement')}</th>
              <th scope="col">{t('partnerships.followUps.columns.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('partnerships.followUps.columns.actions')}</span>
              </th>
            </>
          }
        >
          {list.data?.items.map((x) => (
            <tr key={x.id}>
              <td className="nowrap">{f.date(x.dueOn)}</td>
              <td className="title-cell">{f.text(x.action, x.actionId)}</td>
              <td>
                <OrgName code={x.owner} />
              </td>
              <td>
                <FollowUpSource followUp={x} />
              </td>
              <td className="nowrap">
                <FollowUpStatus status={x.status} overdue={x.overdue} doneOn={x.doneOn} />
              </td>
              <td>
                {canActOnFollowUp(user, x, followUpEditors(user, x)) && (
                  <FollowUpActions
                    followUp={x}
                    busy={patch.isPending}
                    onStatus={(status) => patch.mutate({ followUpId: x.id, body: { status } })}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <PageNav
          page={pageOf(search.page)}
          pages={pageCount(total, FOLLOW_UP_PAGE_SIZE)}
          onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? String(p) : undefined }) })}
        />
      </ListResults>
    </>
  );
}
