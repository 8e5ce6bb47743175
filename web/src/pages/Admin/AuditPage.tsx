/** The audit log (administrators): who changed what and when, searchable, with fields before and after. */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, type AuditParams } from '../../api/queries.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can } from '../../auth/session.js';
import { ChangeList, useInstant } from '../../components/ChangeList.js';
import { QueryState } from '../../components/Status.js';

const ENTITIES = ['activity', 'participant', 'organisation', 'exchange_rate', 'import', 'user', 'session'] as const;
const ACTIONS = ['create', 'update', 'delete', 'import', 'transition', 'login', 'login_failed', 'logout', 'password_change'] as const;
const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const instant = useInstant();
  const [q, setQ] = useState('');
  const [entity, setEntity] = useState<AuditParams['entity'] | ''>('');
  const [action, setAction] = useState<AuditParams['action'] | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  // "to" is a whole day: entries before the next day.
  const toExclusive = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined;
  const audit = useAudit({ q: q || undefined, entity: entity || undefined, action: action || undefined, from: from || undefined, to: toExclusive, page, pageSize: PAGE_SIZE });
  const reset = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setPage(1);
  };
  return (
    <RequireRole allow={can.readAudit}>
      {() => (
        <section>
          <h1>{t('admin.audit')}</h1>
          <div className="filters" role="search">
            <label>
              {t('common.search')} <input type="search" value={q} onChange={(e) => reset(setQ)(e.target.value)} />
            </label>
            <label>
              {t('admin.entity')}{' '}
              <select value={entity} onChange={(e) => reset(setEntity)(e.target.value as AuditParams['entity'] | '')}>
                <option value="">{t('common.all')}</option>
                {ENTITIES.map((x) => (
                  <option key={x} value={x}>
                    {t(`admin.entities.${x}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('admin.action')}{' '}
              <select value={action} onChange={(e) => reset(setAction)(e.target.value as AuditParams['action'] | '')}>
                <option value="">{t('common.all')}</option>
                {ACTIONS.map((x) => (
                  <option key={x} value={x}>
                    {t(`admin.actions.${x}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('admin.from')} <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
            </label>
            <label>
              {t('admin.to')} <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
            </label>
          </div>
          <QueryState query={audit}>
            {(data) => (
              <>
                <p className="muted">{t('admin.entries', { count: data.total })}</p>
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
                    {data.items.map((e) => (
                      <tr key={e.id}>
                        <td>{instant(e.at)}</td>
                        <td>{e.actorLabel}</td>
                        <td>{t(`admin.actions.${e.action}`)}</td>
                        <td>
                          {t(`admin.entities.${e.entity}`)}:{' '}
                          {e.entity === 'activity' && e.entityId && e.action !== 'delete' ? (
                            <Link to="/programs/$id" params={{ id: e.entityId }}>
                              {e.entityLabel ?? e.entityId}
                            </Link>
                          ) : (
                            (e.entityLabel ?? e.entityId ?? '—')
                          )}
                          {e.entityVersion !== null && <span className="muted small"> v{e.entityVersion}</span>}
                        </td>
                        <td>
                          <ChangeList changes={e.changes} programFields={e.entity === 'activity'} />
                          {e.comment && <p className="small">{e.comment}</p>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <nav className="pager" aria-label={t('admin.audit')}>
                  <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t('common.previous')}
                  </button>
                  <span>{t('common.pageOf', { page, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)) })}</span>
                  <button type="button" disabled={page * PAGE_SIZE >= data.total} onClick={() => setPage(page + 1)}>
                    {t('common.next')}
                  </button>
                </nav>
              </>
            )}
          </QueryState>
        </section>
      )}
    </RequireRole>
  );
}
