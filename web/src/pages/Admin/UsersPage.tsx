/** Accounts (administrators): search, create, change role or organisation, disable, reset passwords; and the sign-off rules. */
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import type { User } from '../../api/client.js';
import { useUsers } from '../../api/queries.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can, useSession, type Role } from '../../auth/session.js';
import { useInstant } from '../../components/ChangeList.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { UserForm } from './UserForm.js';
import { SignOffRulesSection } from './SignOffRulesSection.js';
import { OptionalCodeSelect } from '../../components/CodeSelect.js';
import { OrgName } from '../../components/OrgName.js';

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const me = useSession().user;
  const query = useDeferredValue(q.trim());
  const users = useUsers({ q: query || undefined, role: role || undefined, includeDisabled: includeDisabled ? 'true' : undefined });
  const handleEdit = (target: User | 'new') => {
    setSaved(null);
    setEditing(target);
  };
  const handleDone = (result: User | null) => {
    setSaved(result ? t(editing === 'new' ? 'admin.created' : 'admin.saved', { email: result.email }) : null);
    setEditing(null);
  };
  return (
    <RequireRole allow={can.manageUsers}>
      {() => (
        <section>
          <h1>{t('admin.users')}</h1>
          <div className="filters" role="search">
            <label>
              {t('common.search')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            </label>
            <label>
              {t('admin.role')} <OptionalCodeSelect codes={roles} emptyLabel={t('common.all')} value={role} onChange={setRole} />
            </label>
            <label className="check">
              <input type="checkbox" checked={includeDisabled} onChange={(e) => setIncludeDisabled(e.target.checked)} />{' '}
              {t('admin.includeDisabled')}
            </label>
            <button type="button" onClick={() => handleEdit('new')}>
              {t('admin.newUser')}
            </button>
          </div>
          {saved && (
            <p className="notice" role="status">
              {saved}
            </p>
          )}
          {editing && (
            <UserForm
              key={editing === 'new' ? 'new' : editing.id}
              user={editing === 'new' ? null : editing}
              self={editing !== 'new' && editing.id === me?.id}
              onDone={handleDone}
            />
          )}
          <QueryState query={users}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState>{t('admin.noUsers')}</EmptyState>
              ) : (
                <DataTable
                  head={
                    <>
                      <th scope="col">{t('auth.email')}</th>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.role')}</th>
                      <th scope="col">{t('admin.organisation')}</th>
                      <th scope="col">{t('admin.status')}</th>
                      <th scope="col">{t('admin.lastLogin')}</th>
                      <th scope="col">
                        <span className="sr-only">{t('common.edit')}</span>
                      </th>
                    </>
                  }
                >
                  {data.items.map((u) => (
                    <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                      <td>{u.email}</td>
                      <td>{u.name}</td>
                      <td>{f.code(roles, u.role)}</td>
                      <td>
                        <OrgName code={u.orgCode} />
                      </td>
                      <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                      <td>{u.lastLoginAt ? instant(u.lastLoginAt) : '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => handleEdit(u)}
                          aria-label={t('admin.editUser', { email: u.email })}
                        >
                          {t('common.edit')}
                        </button>{' '}
                        <Link to="/admin/audit" search={{ actorUserId: u.id }} aria-label={t('admin.auditBy', { email: u.email })}>
                          {t('admin.auditLink')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )
            }
          </QueryState>
          <SignOffRulesSection />
        </section>
      )}
    </RequireRole>
  );
}
