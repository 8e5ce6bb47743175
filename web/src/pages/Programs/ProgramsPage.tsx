import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityStatuses, cooperationTypes, flagshipAreas, lifecycleStages, modalities } from '../../../../src/domain/codes.js';
import { REPORT_REGIONS } from '../../../../src/domain/reference/types.js';
import { MAX_LIST_DEPTH, SEARCH_MIN_LENGTH } from '../../../../src/domain/program/list-limits.js';
import { queryString } from '../../api/client.js';
import { usePrograms } from '../../api/queries.js';
import { can, useSession } from '../../auth/session.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { DataTable } from '../../components/DataTable.js';
import { FilterPanel } from '../../components/FilterPanel.js';
import { ListResults } from '../../components/ListResults.js';
import { PageNav } from '../../components/PageNav.js';
import { ProblemMessage } from '../../components/Status.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { useFormat } from '../../format.js';
import { listParams, PAGE_SIZE, type ProgramSearch } from './program-search.js';
import { useProgramChips } from './program-chips.js';

const SORTS = ['-start', 'start', 'title', 'identifier', '-updated'] as const;

export function ProgramsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/programs' });
  const navigate = useNavigate({ from: '/programs' });
  const list = usePrograms(listParams(search));
  const { user } = useSession();
  const set = (patch: Partial<ProgramSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const idPrefix = useId();
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const { page: _p, ...filters } = search;
  const chips = useProgramChips(search, set);
  const exportQuery = queryString({ ...filters, sort: search.sort ?? '-start' });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Pages reach the first MAX_LIST_DEPTH programs (the API refuses deeper ones).
  const reachable = Math.min(pages, Math.floor(MAX_LIST_DEPTH / PAGE_SIZE));
  const select = (key: keyof ProgramSearch, label: string, options: readonly { value: string; label: string }[]) => (
    <div className="field-like">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      <select id={`${idPrefix}-${key}`} value={String(search[key] ?? '')} onChange={(e) => set({ [key]: e.target.value || undefined })}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const codeOptions = <C extends string>(set: { codes: readonly C[] }, label: (c: C) => string) =>
    set.codes.map((c) => ({ value: c, label: label(c) }));

  return (
    <>
      <div className="page-head">
        <h1>{t('programs.title')}</h1>
        <div className="actions">
          <a className="button secondary" href={`/api/v1/activities/export.csv${exportQuery}`} download>
            {t('programs.exportCsv')}
          </a>
          <a className="button secondary" href={`/api/v1/activities/export.xlsx${exportQuery}`} download>
            {t('programs.exportXlsx')}
          </a>
          <a className="button secondary" href={`/api/v1/export/iati.xml${exportQuery}`} download>
            {t('programs.exportIati')}
          </a>
          {can.createProgram(user) && (
            <Link className="button" to="/programs/new">
              {t('app.nav.newProgram')}
            </Link>
          )}
        </div>
      </div>
      <FilterPanel active={chips}>
        <form
          className="filters"
          role="search"
          aria-label={t('programs.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: q.trim() || undefined });
          }}
        >
          <div className="field-like wide">
            <label htmlFor={`${idPrefix}-q`}>{t('common.search')}</label>
            {/* The search is served by a trigram index: three characters or more (SEARCH_MIN_LENGTH). */}
            <input
              id={`${idPrefix}-q`}
              type="search"
              value={q}
              minLength={SEARCH_MIN_LENGTH}
              placeholder={t('programs.search')}
              title={t('programs.searchHint')}
              aria-describedby={`${idPrefix}-q-hint`}
              onChange={(e) => setQ(e.target.value)}
            />
            <small id={`${idPrefix}-q-hint`} className="muted">
              {t('programs.searchHint')}
            </small>
          </div>
          <div className="field-like">
            <label htmlFor={`${idPrefix}-year`}>{t('common.year')}</label>
            <input
              id={`${idPrefix}-year`}
              type="number"
              min={1900}
              max={2200}
              value={search.year ?? ''}
              onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
            />
          </div>
          {select(
            'region',
            t('programs.region'),
            REPORT_REGIONS.map((r) => ({ value: r, label: t(`codes.regions.${r}`) })),
          )}
          {select(
            'modality',
            t('programs.modality'),
            codeOptions(modalities, (c) => f.code(modalities, c)),
          )}
          {select(
            'flagshipArea',
            t('programs.area'),
            codeOptions(flagshipAreas, (c) => f.code(flagshipAreas, c)),
          )}
          {select(
            'cooperationType',
            t('programs.type'),
            codeOptions(cooperationTypes, (c) => f.code(cooperationTypes, c)),
          )}
          {select(
            'status',
            t('programs.status'),
            codeOptions(activityStatuses, (c) => f.code(activityStatuses, c)),
          )}
          {select('stage', t('lifecycle.stageFilter'), [
            ...codeOptions(lifecycleStages, (c) => f.code(lifecycleStages, c)),
            // The annual plan's programs, and any other combination a link may carry.
            ...(search.stage && !lifecycleStages.is(search.stage)
              ? [
                  {
                    value: search.stage,
                    label: search.stage
                      .split(',')
                      .map((c) => f.code(lifecycleStages, c))
                      .join(', '),
                  },
                ]
              : []),
          ])}
          <div className="field-like">
            <label htmlFor={`${idPrefix}-partner`}>{t('programs.partner')}</label>
            <input
              id={`${idPrefix}-partner`}
              type="text"
              key={search.partner ?? '-'}
              defaultValue={search.partner ?? ''}
              onBlur={(e) => set({ partner: e.target.value.trim() || undefined })}
            />
          </div>
          <CountryFilter label={t('programs.country')} value={search.country} onChange={(country) => set({ country })} />
          {select(
            'sort',
            t('programs.sort'),
            SORTS.map((s) => ({ value: s, label: t(`programs.sortKeys.${s}`) })),
          )}
          <div className="filter-actions">
            <button type="submit">{t('common.search')}</button>
            <Link to="/programs" search={{}} className="button secondary">
              {t('programs.clear')}
            </Link>
          </div>
        </form>
      </FilterPanel>

      <ListResults
        query={list}
        total={total}
        empty={t('programs.empty')}
        results={t('programs.results', { count: total, formatted: f.number(total) })}
        problem={(error, retry) => <ProblemMessage error={error} onRetry={retry} />}
      >
        <DataTable
          head={
            <>
              <th scope="col">{t('programs.columns.identifier')}</th>
              <th scope="col">{t('programs.columns.title')}</th>
              <th scope="col">{t('programs.columns.year')}</th>
              <th scope="col">{t('programs.columns.modality')}</th>
              <th scope="col">{t('programs.columns.area')}</th>
              <th scope="col">{t('lifecycle.stageColumn')}</th>
              <th scope="col">{t('programs.columns.recipients')}</th>
              <th scope="col" className="num">
                {t('programs.columns.participants')}
              </th>
            </>
          }
        >
          {list.data?.items.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">
                <Link to="/programs/$id" params={{ id: String(a.id) }}>
                  {a.identifier}
                </Link>
              </td>
              <td className="title-cell">
                {f.title(a)} {a.illustrative && <IllustrativeTag />}
              </td>
              <td>{a.year ?? '—'}</td>
              <td>{f.code(modalities, a.modality)}</td>
              <td>{f.code(flagshipAreas, a.flagshipArea)}</td>
              <td>
                <span className={`stage-badge stage-${a.lifecycleStage}`}>{f.code(lifecycleStages, a.lifecycleStage)}</span>
              </td>
              <td>
                {a.recipients.length > 3 ? t('common.country', { count: a.recipients.length }) : a.recipients.map(f.country).join(', ')}
              </td>
              <td className="num">{a.participantsPlanned === null ? '—' : f.number(a.participantsPlanned)}</td>
            </tr>
          ))}
        </DataTable>
        <PageNav
          page={search.page ?? 1}
          pages={pages}
          last={reachable}
          onPage={(page) => void navigate({ search: (s) => ({ ...s, page }) })}
        />
        {reachable < pages && <p className="muted">{t('programs.depthNote', { formatted: f.number(MAX_LIST_DEPTH) })}</p>}
      </ListResults>
    </>
  );
}
