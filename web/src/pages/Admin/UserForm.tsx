/** Creating or changing one account: name, role, organisation, disabled, and a new password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import { organisationKinds } from '../../../../src/domain/codes.js';
import { ApiError, type User } from '../../api/client.js';
import { useOrganisations, useSaveUser } from '../../api/queries.js';
import { PASSWORD_MIN, passwordProblem, usePasswordError } from '../../auth/password.js';
import type { Role } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { FormActions } from '../../components/FormParts.js';
import { CodeSelect } from '../../components/CodeSelect.js';
import { ResetSecondFactor } from './ResetSecondFactor.js';
import { UnlockAccount } from './UnlockAccount.js';

/** Roles that act for one organisation (src/domain/account/user.ts). */
export const needsOrg = (role: Role) => role === 'agency' || role === 'embassy' || role === 'focal_point';

interface Draft {
  email: string;
  name: string;
  role: Role;
  orgCode: string;
  password: string;
  disabled: boolean;
}

const EMPTY: Draft = { email: '', name: '', role: 'viewer', orgCode: '', password: '', disabled: false };
const FIELDS = ['email', 'name', 'role', 'orgCode', 'password', 'disabled'];

/** The server's field issues by field (the first segment of the issue's path). */
function serverErrors(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', { message: i.message, code: i.code }]));
}

/** Checks what the browser can (required fields, email shape, password rules), in the active language. */
function useLocalCheck() {
  const { t } = useTranslation();
  const passwordError = usePasswordError();
  return (draft: Draft, isNew: boolean): Record<string, FieldError> => {
    const problems: Record<string, FieldError> = {};
    if (isNew && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) problems.email = { message: t('auth.emailInvalid') };
    if (draft.name.trim() === '') problems.name = { message: t('auth.required') };
    if (needsOrg(draft.role) && draft.orgCode === '') problems.orgCode = { message: t('admin.organisationNeeded') };
    if (isNew || draft.password !== '') {
      const weak = passwordError(passwordProblem(draft.password, isNew ? draft.email : undefined));
      if (weak) problems.password = weak;
    }
    return problems;
  };
}

/** The organisations, grouped by kind (ministries and agencies first). */
export function OrganisationOptions() {
  const f = useFormat();
  const orgs = useOrganisations().data?.items ?? [];
  return (
    <>
      {organisationKinds.codes.map((kind) => {
        const ofKind = orgs.filter((o) => o.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <optgroup key={kind} label={f.code(organisationKinds, kind)}>
            {ofKind.map((o) => (
              <option key={o.code} value={o.code}>
                {o.acronym ? `${o.acronym} — ` : ''}
                {f.orgName(o)} ({o.code})
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

/** `self`: the signed-in administrator's own account, whose role and disabled flag stay as they are. */
export function UserForm({ user, self, onDone }: { user: User | null; self: boolean; onDone: (saved: User | null) => void }) {
  const { t } = useTranslation();
  const save = useSaveUser();
  const check = useLocalCheck();
  const [draft, setDraft] = useState<Draft>(user ? { ...user, orgCode: user.orgCode ?? '', password: '' } : EMPTY);
  const [local, setLocal] = useState<Record<string, FieldError>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const server = serverErrors(save.error);
  if (save.error instanceof ApiError && save.error.code === 'user.email_taken') server.email = { message: t('errors.user.email_taken') };
  if (save.error instanceof ApiError && save.error.code === 'auth.common_password') server.password = { message: t('auth.commonPassword') };
  const errorOf = (field: string): FieldError | undefined => local[field] ?? server[field];
  const general = save.error && !Object.keys(server).some((k) => FIELDS.includes(k)) ? save.error : null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(draft, user === null);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    // Only agencies and embassies act for an organisation; other roles carry none.
    const orgCode = needsOrg(draft.role) ? draft.orgCode : null;
    const password = draft.password ? { password: draft.password } : {};
    const change = user
      ? {
          id: user.id,
          version: user.version,
          body: { name: draft.name.trim(), orgCode, ...(self ? {} : { role: draft.role, disabled: draft.disabled }), ...password },
        }
      : { body: { email: draft.email.trim(), name: draft.name.trim(), role: draft.role, orgCode, password: draft.password } };
    save.mutate(change, { onSuccess: (saved) => onDone(saved) });
  };

  const title = user ? t('admin.editUser', { email: user.email }) : t('admin.newUser');
  return (
    <form className="panel" onSubmit={handleSubmit} noValidate aria-label={title}>
      <h2>{title}</h2>
      {!user && (
        <Field label={t('auth.email')} required error={errorOf('email')}>
          {(p) => <input {...p} type="email" autoComplete="off" value={draft.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
      )}
      <Field label={t('admin.name')} required error={errorOf('name')}>
        {(p) => <input {...p} autoComplete="off" value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label={t('admin.role')} required error={errorOf('role')} hint={self ? t('admin.selfHint') : undefined}>
        {(p) => <CodeSelect {...p} codes={roles} value={draft.role} disabled={self} onChange={(role) => set('role', role)} />}
      </Field>
      {needsOrg(draft.role) && (
        <Field label={t('admin.organisation')} required error={errorOf('orgCode')} hint={t('admin.organisationHint')}>
          {(p) => (
            <select {...p} value={draft.orgCode} onChange={(e) => set('orgCode', e.target.value)}>
              <option value="">{t('admin.chooseOrganisation')}</option>
              <OrganisationOptions />
            </select>
          )}
        </Field>
      )}
      <Field
        label={user ? t('admin.newPassword') : t('admin.initialPassword')}
        required={!user}
        hint={t('auth.passwordHint', { min: PASSWORD_MIN })}
        error={errorOf('password')}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set('password', e.target.value)}
          />
        )}
      </Field>
      {user && !self && (
        <label className="check">
          <input type="checkbox" checked={draft.disabled} onChange={(e) => set('disabled', e.target.checked)} /> {t('admin.disableAccount')}
        </label>
      )}
      {user && !self && <ResetSecondFactor user={user} />}
      {user && <UnlockAccount user={user} />}
      {general !== null && <ProblemMessage error={general} />}
      <FormActions submit={user ? t('common.save') : t('admin.create')} busy={save.isPending} onCancel={() => onDone(null)} />
    </form>
  );
}
