/** Creating an API token: name, organisation, role, scopes and expiry; then the token, shown once, with a copy button. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import { apiScopes, TOKEN_MAX_DAYS, TOKEN_ROLES, type ApiScope, type TokenRole } from '../../../../src/domain/account/api-token.js';
import { ApiError } from '../../api/client.js';
import { useCreateApiToken, type CreatedApiToken } from '../../api/api-token-queries.js';
import { Field, type FieldError } from '../../components/Field.js';
import { FormActions } from '../../components/FormParts.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { OrganisationOptions } from './UserForm.js';

interface Draft {
  name: string;
  orgCode: string;
  role: TokenRole;
  scopes: ApiScope[];
  expiresAt: string;
}

const FIELDS = ['name', 'orgCode', 'role', 'scopes', 'expiresAt'];

/** A calendar day `days` from today (UTC), as the expiry input shows it. */
const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The form's first suggestion (a quarter ahead); the administrator picks any day up to TOKEN_MAX_DAYS. */
const DEFAULT_DAYS = 90;

function serverErrors(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', { message: i.message, code: i.code }]));
}

export function ApiTokenForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiToken) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const create = useCreateApiToken();
  const [draft, setDraft] = useState<Draft>({ name: '', orgCode: '', role: 'agency', scopes: ['read'], expiresAt: dayAfter(DEFAULT_DAYS) });
  const [local, setLocal] = useState<Record<string, FieldError>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggleScope = (scope: ApiScope, on: boolean) =>
    set('scopes', on ? [...draft.scopes, scope] : draft.scopes.filter((s) => s !== scope));

  const server = serverErrors(create.error);
  const errorOf = (field: string): FieldError | undefined => local[field] ?? server[field];
  const general = create.error && !Object.keys(server).some((k) => FIELDS.includes(k)) ? create.error : null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, FieldError> = {};
    if (draft.name.trim() === '') problems.name = { message: t('apiTokens.required') };
    if (draft.orgCode === '') problems.orgCode = { message: t('apiTokens.required') };
    if (draft.scopes.length === 0) problems.scopes = { message: t('apiTokens.chooseScope') };
    if (draft.expiresAt === '') problems.expiresAt = { message: t('apiTokens.required') };
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: onCreated });
  };

  return (
    <form className="panel" onSubmit={handleSubmit} noValidate aria-label={t('apiTokens.newToken')}>
      <h2>{t('apiTokens.newToken')}</h2>
      <Field label={t('apiTokens.name')} required hint={t('apiTokens.nameHint')} error={errorOf('name')}>
        {(p) => <input {...p} autoComplete="off" value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label={t('apiTokens.organisation')} required error={errorOf('orgCode')}>
        {(p) => (
          <select {...p} value={draft.orgCode} onChange={(e) => set('orgCode', e.target.value)}>
            <option value="">{t('admin.chooseOrganisation')}</option>
            <OrganisationOptions />
          </select>
        )}
      </Field>
      <Field label={t('apiTokens.role')} required hint={t('apiTokens.roleHint')} error={errorOf('role')}>
        {(p) => (
          <select {...p} value={draft.role} onChange={(e) => set('role', TOKEN_ROLES.find((r) => r === e.target.value) ?? draft.role)}>
            {TOKEN_ROLES.map((r) => (
              <option key={r} value={r}>
                {f.code(roles, r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby="api-token-scopes-hint">
        <legend>{t('apiTokens.scopes')}</legend>
        <small id="api-token-scopes-hint" className="muted">
          {t('apiTokens.scopesHint')}
        </small>
        {apiScopes.codes.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" checked={draft.scopes.includes(scope)} onChange={(e) => toggleScope(scope, e.target.checked)} />{' '}
            <code>{scope}</code> — {f.code(apiScopes, scope)}
          </label>
        ))}
        {errorOf('scopes') && (
          <p className="error" role="alert">
            {errorOf('scopes')?.message}
          </p>
        )}
      </fieldset>
      <Field
        label={t('apiTokens.expires')}
        required
        hint={t('apiTokens.expiresHint', { days: TOKEN_MAX_DAYS })}
        error={errorOf('expiresAt')}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            min={dayAfter(1)}
            max={dayAfter(TOKEN_MAX_DAYS)}
            value={draft.expiresAt}
            onChange={(e) => set('expiresAt', e.target.value)}
          />
        )}
      </Field>
      {general !== null && <ProblemMessage error={general} />}
      <FormActions submit={t('apiTokens.create')} busy={create.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The new token, shown this once, with a button that copies it. */
export function CreatedToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'copied' | 'copyFailed' | null>(null);
  const handleCopy = () => {
    navigator.clipboard.writeText(created.token).then(
      () => setCopy('copied'),
      () => setCopy('copyFailed'),
    );
  };
  return (
    <section className="panel" aria-labelledby="created-token-title">
      <h2 id="created-token-title">{t('apiTokens.createdTitle', { name: created.apiToken.name })}</h2>
      <p className="notice">{t('apiTokens.copyNow')}</p>
      <label>
        {t('apiTokens.token')}{' '}
        <input readOnly value={created.token} spellCheck={false} onFocus={(e) => e.target.select()} className="token-value" />
      </label>{' '}
      <button type="button" onClick={handleCopy}>
        {t('apiTokens.copy')}
      </button>
      {copy && (
        <p role="status" className={copy === 'copied' ? 'muted' : 'error'}>
          {t(`apiTokens.${copy}`)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>
          {t('apiTokens.done')}
        </button>
      </div>
    </section>
  );
}
