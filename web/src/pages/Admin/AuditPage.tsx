/** The audit log (administrators): who changed what and when, searchable, with fields before and after. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import type { Schemas } from '../../api/client.js';
import { useAudit } from '../../api/queries.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can } from '../../auth/session.js';
import { ChangeList, useInstant, type FieldChanges } from '../../components/ChangeList.js';
import { EmptyState, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, nextDay, type AuditSearch } from './audit-search.js';
import { PageNav } from '../../components/PageNav.js';

const PAGE_SIZE = 50;

type AuditEntry = Schemas['AuditEntry'];

/** Labels of an account's fields in the audit log (program fields are labelled by ChangeList). */
const USER_FIELDS: Readonly<Record<string, string>> = {
  email: 'auth.email',
  name: 'admin.name',
  role: 'admin.role',
  orgCode: 'admin.organisation',
  disabled: 'admin.status',
  password: 'auth.password',
};

/** An account's changes with translated field names, role labels and status words. */
function useAccountChanges() {
  const { t } = useTranslation();
  const f = useFormat();
  const value = (field: string, v: unknown): unknown => {
    if (field === 'role' && typeof v === 'string') return f.code(roles, v);
    if (field === 'disabled' && typeof v === 'boolean') return t(v ? 'admin.disabled' : 'admin.active');
    return v;
  };
  return (changes: FieldChanges): FieldChanges =>
    Object.fromEntries(
      Object.entries(changes).map(([field, c]) => [
        USER_FIELDS[field] ? t(USER_FIELDS[field]) : field,
        { before: value(field, c.before), after: value(field, c.after) },
      ]),
    );
}

/** Changes the URL's filters (any change but paging starts again at page 1). */
function useSetFilters() {
  const navigate = useNavigate({ from: '/admin/audit' });
  return (change: Partial<AuditSearch>) =>
    void navigate({ search: (s: AuditSearch) => ({ ...s, page: undefined, ...change }), replace: !('page' in change) });
}

function AuditFilters({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const setFilters = useSetFilters();
  const [q, setQ] = useState(search.q ?? '');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: q.trim() || undefined });
  };
  const optional = (v: string) => v || undefined;
  return (
    <form className="filters" role="search" onSubmit={handleSubmit}>
      <label>
        {t('admin.searchText')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <button type="submit">{t('common.search')}</button>
      <label>
        {t('admin.entity')}{' '}
        <select
          value={search.entity ?? ''}
          onChange={(e) => setFilters({ entity: AUDIT_ENTITIES.find((x) => x === e.target.value), entityId: undefined })}
        >
          <option value="">{t('common.all')}</option>
          {AUDIT_ENTITIES.map((x) => (
            <option key={x} value={x}>
              {t(`admin.entities.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.action')}{' '}
        <select value={search.action ?? ''} onChange={(e) => setFilters({ action: AUDIT_ACTIONS.find((x) => x === e.target.value) })}>
          <option value="">{t('common.all')}</option>
          {AUDIT_ACTIONS.map((x) => (
            <option key={x} value={x}>
              {t(`admin.actions.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.from')}{' '}
        <input type="date" value={search.from ?? ''} max={search.to} onChange={(e) => setFilters({ from: optional(e.target.value) })} />
      </label>
      <label>
        {t('admin.to')}{' '}
        <input type="date" value={search.to ?? ''} min={search.from} onChange={(e) => setFilters({ to: optional(e.target.value) })} />
      </label>
      {(search.entityId !== undefined || search.actorUserId !== undefined) && (
        <p className="wide">
          {search.actorUserId !== undefined && t('admin.byAccount', { id: search.actorUserId })}{' '}
          {search.entityId !== undefined && t('admin.ofRecord', { id: search.entityId })}{' '}
          <button type="button" className="link" onClick={() => setFilters({ actorUserId: undefined, entityId: undefined })}>
            {t('admin.clearRecord')}
          </button>
        </p>
      )}
    </form>
  );
}

/** The record an entry is about: a link to the program for programs that still exist. */
function Record({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const label = entry.entityLabel ?? entry.entityId ?? '—';
  return (
    <>
      {t(`admin.entities.${entry.entity}`)}:{' '}
      {entry.entity === 'activity' && entry.entityId && entry.action !== 'delete' ? (
        <Link to="/programs/$id" params={{ id: entry.entityId }}>
          {label}
        </Link>
      ) : (
        label
      )}
      {entry.entityVersion !== null && <span className="muted small"> v{entry.entityVersion}</span>}
    </>
  );
}

function AuditTable({ items }: { items: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const instant = useInstant();
  const accountChanges = useAccountChanges();
  return (
    <div className="table-wrap">
      <table className="data audit">
        <thead>
          <tr>
            <th scope="col">{t('admin.when')}</th>
            <th scope="col">{t('admin.who')}</th>
            <th scope="col">{t('admin.action')}</th>
            <th scope="col">{t('admin.record')}</th>
            <th scope="col">{t('admin.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{instant(e.at)}</time>
              </td>
              <td>{e.actorLabel}</td>
              <td>{t(`admin.actions.${e.action}`)}</td>
              <td>
                <Record entry={e} />
              </td>
              <td>
                <ChangeList changes={e.entity === 'user' ? accountChanges(e.changes) : e.changes} programFields={e.entity === 'activity'} />
                {e.comment && <p className="small">{e.comment}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/admin/audit' });
  const setFilters = useSetFilters();
  const page = search.page ?? 1;
  const audit = useAudit({ ...search, to: search.to ? nextDay(search.to) : undefined, page, pageSize: PAGE_SIZE });
  return (
    <RequireRole allow={can.readAudit}>
      {() => (
        <section>
          <h1>{t('admin.audit')}</h1>
          {/* Keyed by the URL's text, so that going back in history shows that search's text. */}
          <AuditFilters key={search.q ?? ''} search={search} />
          <QueryState query={audit}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState>{t('admin.noEntries')}</EmptyState>
              ) : (
                <>
                  <p className="muted" role="status">
                    {t('admin.entries', { count: data.total })}
                  </p>
                  <AuditTable items={data.items} />
                  <PageNav
                    page={page}
                    pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
                    label={t('admin.pages')}
                    onPage={(p) => setFilters({ page: p })}
                  />
                </>
              )
            }
          </QueryState>
        </section>
      )}
    </RequireRole>
  );
}
