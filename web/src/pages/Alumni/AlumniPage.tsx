/** The alumni directory: persons across programs, filtered by country and text, with the personal-data export. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantExportUrl, useAlumni } from '../../api/alumni-queries.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ALUMNI_PAGE_SIZE, type AlumniSearch } from './alumni-search.js';
import { SEARCH_MIN_LENGTH } from '../../../../src/domain/program/list-limits.js';
import { FilterPanel } from '../../components/FilterPanel.js';

export function AlumniPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/alumni' });
  const navigate = useNavigate({ from: '/alumni' });
  const page = search.page ?? 1;
  const list = useAlumni({
    ...(search.country ? { country: search.country } : {}),
    ...(search.q ? { q: search.q } : {}),
    page,
    pageSize: ALUMNI_PAGE_SIZE,
  });
  const set = (patch: Partial<AlumniSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ALUMNI_PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <h1>{t('alumni.title')}</h1>
        <div className="actions">
          <a className="button secondary" href={participantExportUrl('csv', { country: search.country })} download>
            {t('alumni.exportCsv')}
          </a>
          <a className="button secondary" href={participantExportUrl('xlsx', { country: search.country })} download>
            {t('alumni.exportXlsx')}
          </a>
        </div>
      </div>
      <p className="muted">{t('alumni.privacyNote')}</p>
      <FilterPanel
        active={[
          ...(search.q ? [{ key: 'q', label: `${t('alumni.search')}: “${search.q}”`, onRemove: () => set({ q: undefined }) }] : []),
          ...(search.country
            ? [
                {
                  key: 'country',
                  label: `${t('alumni.country')}: ${f.country(search.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
        ]}
      >
        <form
          className="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: q.trim() || undefined });
          }}
        >
          <label>
            {t('alumni.search')}
            {/* Served by a trigram index: three characters or more (SEARCH_MIN_LENGTH). */}
            <input
              type="search"
              value={q}
              minLength={SEARCH_MIN_LENGTH}
              title={t('programs.searchHint')}
              onChange={(e) => setQ(e.target.value)}
            />
          </label>
          {search.country ? (
            <p>
              {t('alumni.country')}: <strong>{f.country(search.country)}</strong>{' '}
              <button type="button" className="link" onClick={() => set({ country: undefined })}>
                {t('alumni.clearCountry')}
              </button>
            </p>
          ) : (
            <CountryPicker label={t('alumni.country')} onPick={(country) => set({ country })} />
          )}
          <button type="submit">{t('alumni.apply')}</button>
        </form>
      </FilterPanel>
      {list.isPending ? (
        <Loading />
      ) : list.error || !list.data ? (
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('alumni.empty')}</EmptyState>
      ) : (
        <>
          <p>{t('alumni.count', { count: total })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('alumni.columns.name')}</th>
                  <th scope="col">{t('alumni.columns.country')}</th>
                  <th scope="col">{t('alumni.columns.organisation')}</th>
                  <th scope="col">{t('alumni.columns.programs')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to="/alumni/$id" params={{ id: String(a.id) }}>
                        {a.fullName}
                      </Link>
                    </td>
                    <td>{f.country(a.country)}</td>
                    <td>{a.organisation ?? '—'}</td>
                    <td>{a.programs.map((p) => `${f.title(p)} (${p.year ?? '—'})`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('alumni.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => void navigate({ search: (s) => ({ ...s, page: page - 1 }) })}>
                {t('alumni.previous')}
              </button>
              <span>{t('alumni.pageOf', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => void navigate({ search: (s) => ({ ...s, page: page + 1 }) })}>
                {t('alumni.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
