/**
 * Registering a partner organisation (a bilateral agency, a multilateral, a Southern peer): the
 * coordination team. Its contacts, website and notes are then kept on its page.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationKinds } from '../../../../src/domain/codes.js';
import { listCodelist } from '../../../../src/domain/reference/codelists.js';
import { api, ApiError, call } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import { CountryChoice } from '../../components/CountryChoice.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { ErrorsBelow } from '../../components/FormParts.js';
import { oneOf } from '../../search-params.js';

type OrganisationBody = paths['/api/v1/organisations']['post']['requestBody']['content']['application/json'];

const ORG_TYPES = listCodelist('OrganisationType').filter((c) => c.active);
/** The kinds a partner is registered as; ministries and recipient institutions are registered elsewhere. */
const PARTNER_KINDS = ['partner', 'multilateral'] as const;

interface PartnerForm {
  code: string;
  nameEn: string;
  nameId: string;
  acronym: string;
  type: string;
  countryCode: string;
  kind: (typeof PARTNER_KINDS)[number];
}

const EMPTY: PartnerForm = { code: '', nameEn: '', nameId: '', acronym: '', type: '10', countryCode: '', kind: 'partner' };

/** The body the API takes; empty optional fields are left out. */
export function toOrganisationBody(form: PartnerForm): OrganisationBody {
  return {
    code: form.code.trim(),
    nameEn: form.nameEn.trim(),
    type: form.type,
    kind: form.kind,
    ...(form.nameId.trim() ? { nameId: form.nameId.trim() } : {}),
    ...(form.acronym.trim() ? { acronym: form.acronym.trim() } : {}),
    ...(form.countryCode ? { countryCode: form.countryCode } : {}),
  };
}

export function NewPartnerPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { user } = useSession();
  const [form, setForm] = useState<PartnerForm>(EMPTY);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const create = useMutation({
    mutationFn: (body: OrganisationBody) => call(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organisations'] }),
  });
  const set = (patch: Partial<PartnerForm>) => setForm((s) => ({ ...s, ...patch }));
  const err = (path: string) => errors.get(path);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = new Map<string, FieldError>();
    if (!form.code.trim()) missing.set('code', { code: 'required', message: 'required' });
    if (!form.nameEn.trim()) missing.set('nameEn', { code: 'required', message: 'required' });
    setErrors(missing);
    if (missing.size) return;
    create.mutate(toOrganisationBody(form), {
      onSuccess: (org) => void navigate({ to: '/partners/$code', params: { code: org.code } }),
      onError: (error) => {
        if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
      },
    });
  };

  if (!canPartnerships.coordinate(user)) return null; // the route is guarded; this keeps the form from flashing
  return (
    <article>
      <PartnershipTabs />
      <h1>{t('partnerships.newPartner.title')}</h1>
      <p className="muted">{t('partnerships.newPartner.intro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorsBelow errors={errors} />
        {create.error && !(create.error instanceof ApiError && create.error.issues.length) && (
          <p className="problem" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="grid2">
          <Field label={t('partnerships.newPartner.code')} required error={err('code')} hint={t('partnerships.newPartner.codeHint')}>
            {(props) => <input {...props} type="text" maxLength={100} value={form.code} onChange={(e) => set({ code: e.target.value })} />}
          </Field>
          <Field label={t('partnerships.newPartner.acronym')} error={err('acronym')}>
            {(props) => (
              <input {...props} type="text" maxLength={40} value={form.acronym} onChange={(e) => set({ acronym: e.target.value })} />
            )}
          </Field>
        </div>
        <Field label={t('partnerships.newPartner.nameEn')} required error={err('nameEn')}>
          {(props) => (
            <input {...props} type="text" maxLength={200} value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
          )}
        </Field>
        <Field label={t('partnerships.newPartner.nameId')} error={err('nameId')}>
          {(props) => (
            <input {...props} type="text" maxLength={200} value={form.nameId} onChange={(e) => set({ nameId: e.target.value })} />
          )}
        </Field>
        <div className="grid2">
          <Field label={t('partnerships.newPartner.kind')} required error={err('kind')}>
            {(props) => (
              <select
                {...props}
                value={form.kind}
                onChange={(e) => {
                  const kind = oneOf(PARTNER_KINDS, e.target.value);
                  if (kind) set({ kind });
                }}
              >
                {PARTNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {f.code(organisationKinds, k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('partnerships.newPartner.type')} required error={err('type')}>
            {(props) => (
              <select {...props} value={form.type} onChange={(e) => set({ type: e.target.value })}>
                {ORG_TYPES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} · {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('partnerships.newPartner.country')} error={err('countryCode')} hint={t('partnerships.newPartner.countryHint')}>
          {(props) => (
            <CountryChoice
              id={props.id}
              label={t('partnerships.newPartner.country')}
              value={form.countryCode}
              onChange={(countryCode) => set({ countryCode })}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('partnerships.newPartner.submit')}
          </button>
        </div>
      </form>
    </article>
  );
}
