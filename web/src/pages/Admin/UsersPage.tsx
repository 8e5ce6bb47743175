/** Accounts (administrators): search, create, change role or organisation, disable, reset passwords. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import { ApiError, type User } from '../../api/client.js';
import { useOrganisations, useSaveUser, useUsers } from '../../api/queries.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can, type Role } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';
import { ProblemMessage, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { useInstant } from '../../components/ChangeList.js';

const needsOrg = (role: Role) => role === 'agency' || role === 'embassy';

interface Draft {
  email: string;
  name: string;
  role: Role;
  orgCode: string;
  password: string;
  disabled: boolean;
}

const EMPTY: Draft = { email: '', name: '', role: 'viewer', orgCode: '', password: '', disabled: false };

function errorsOf(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', { message: i.message, code: i.code }]));
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveUser();
  const orgs = useOrganisations();
  const [draft, setDraft] = useState<Draft>(user ? { ...user, orgCode: user.orgCode ?? '', password: '' } : EMPTY);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = errorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const orgCode = needsOrg(draft.role) || draft.orgCode ? draft.orgCode || null : null;
    const body = user
      ? { name: draft.name, role: draft.role, orgCode, disabled: draft.disabled, ...(draft.password ? { password: draft.password } : {}) }
      : { email: draft.email, name: draft.name, role: draft.role, orgCode, password: draft.password };
    save.mutate({ id: user?.id, version: user?.version, body }, { onSuccess: onDone });
  };
  const generalError = save.error && Object.keys(errors).length === 0 ? save.error : null;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={user ? t('admin.editUser', { email: user.email }) : t('admin.newUser')}>
      <h2>{user ? t('admin.editUser', { email: user.email }) : t('admin.newUser')}</h2>
      {!user && (
        <Field label={t('auth.email')} required error={errors.email}>
          {(p) => <input {...p} type="email" autoComplete="off" value={draft.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
      )}
      <Field label={t('admin.name')} required error={errors.name}>
        {(p) => <input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label={t('admin.role')} required error={errors.role}>
        {(p) => (
          <select {...p} value={draft.role} onChange={(e) => set('role', e.target.value as Role)}>
            {roles.codes.map((r) => (
              <option key={r} value={r}>
                {f.code(roles, r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('admin.organisation')} required={needsOrg(draft.role)} error={errors.orgCode} hint={t('admin.organisationHint')}>
        {(p) => (
          <select {...p} value={draft.orgCode} onChange={(e) => set('orgCode', e.target.value)}>
            <option value="">{t('common.none')}</option>
            {(orgs.data?.items ?? []).map((o) => (
              <option key={o.code} value={o.code}>
                {o.acronym ? `${o.acronym} — ` : ''}
                {o.nameEn} ({o.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={user ? t('admin.newPassword') : t('auth.password')} required={!user} hint={t('auth.passwordHint', { min: 12 })} error={errors.password}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={draft.password} onChange={(e) => set('password', e.target.value)} />}
      </Field>
      {user && (
        <label className="check">
          <input type="checkbox" checked={draft.disabled} onChange={(e) => set('disabled', e.target.checked)} /> {t('admin.disabled')}
        </label>
      )}
      {generalError !== null && <ProblemMessage error={generalError} />}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const users = useUsers({ q: q || undefined, role: role || undefined, includeDisabled: includeDisabled ? 'true' : undefined });
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
              {t('admin.role')}{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
                <option value="">{t('common.all')}</option>
                {roles.codes.map((r) => (
                  <option key={r} value={r}>
                    {f.code(roles, r)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={includeDisabled} onChange={(e) => setIncludeDisabled(e.target.checked)} /> {t('admin.includeDisabled')}
            </label>
            <button type="button" onClick={() => setEditing('new')}>
              {t('admin.newUser')}
            </button>
          </div>
          {editing && <UserForm key={editing === 'new' ? 'new' : editing.id} user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
          <QueryState query={users}>
            {(data) => (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('auth.email')}</th>
                    <th scope="col">{t('admin.name')}</th>
                    <th scope="col">{t('admin.role')}</th>
                    <th scope="col">{t('admin.organisation')}</th>
                    <th scope="col">{t('admin.status')}</th>
                    <th scope="col">{t('admin.lastLogin')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('common.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((u) => (
                    <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                      <td>{u.email}</td>
                      <td>{u.name}</td>
                      <td>{f.code(roles, u.role)}</td>
                      <td>{u.orgCode ?? '—'}</td>
                      <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                      <td>{u.lastLoginAt ? instant(u.lastLoginAt) : '—'}</td>
                      <td>
                        <button type="button" className="link" onClick={() => setEditing(u)} aria-label={t('admin.editUser', { email: u.email })}>
                          {t('common.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryState>
        </section>
      )}
    </RequireRole>
  );
}
