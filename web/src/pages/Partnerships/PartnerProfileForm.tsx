/** The coordination team's form for a partner's website, notes and contacts (the whole list is saved at once). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_LIMITS } from '../../../../src/domain/partnership/partnership.schema.js';
import { ApiError } from '../../api/client.js';
import { useSavePartnerProfile, type PartnerDetail } from '../../api/partnership-queries.js';
import { Field, type FieldError } from '../../components/Field.js';
import { PartnershipProblem, usePartnershipIssue } from './agreement-parts.js';
import {
  emptyContact,
  formPathOf,
  partnerProfileOf,
  toPartnerProfileBody,
  validatePartnerProfile,
  type ContactState,
  type PartnerProfileState,
} from './partner-profile-form.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';

export function PartnerProfileForm({ detail, onDone }: { detail: PartnerDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const issue = usePartnershipIssue();
  const save = useSavePartnerProfile(detail.organisation.code);
  const [state, setState] = useState<PartnerProfileState>(() => partnerProfileOf(detail));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const err = (path: string) => {
    const e = errors.get(path);
    return e ? issue(e) : undefined;
  };
  const setContact = (i: number, patch: Partial<ContactState>) =>
    setState((s) => ({ ...s, contacts: s.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validatePartnerProfile(state);
    setErrors(found);
    if (found.size > 0) return;
    save.mutate(toPartnerProfileBody(state), {
      onSuccess: onDone,
      onError: (error) => {
        const map = new Map<string, FieldError>();
        if (error instanceof ApiError)
          for (const i of error.issues) map.set(formPathOf(state, i.path), { ...(i.code ? { code: i.code } : {}), message: i.message });
        setErrors(map);
      },
    });
  };

  const general = save.error && !(save.error instanceof ApiError && save.error.issues.length > 0);
  return (
    <form className="form program-form" noValidate onSubmit={handleSubmit} aria-label={t('partnerships.partners.editProfile')}>
      <ErrorsBelow errors={errors} />
      <Field label={t('partnerships.partners.website')} error={err('website')} hint={t('partnerships.partners.websiteHint')}>
        {(props) => (
          <input
            {...props}
            type="url"
            maxLength={500}
            value={state.website}
            onChange={(e) => setState((s) => ({ ...s, website: e.target.value }))}
          />
        )}
      </Field>
      <Field label={t('partnerships.partners.notes')} error={err('notes')}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={PARTNERSHIP_LIMITS.text}
            value={state.notes}
            onChange={(e) => setState((s) => ({ ...s, notes: e.target.value }))}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('partnerships.partners.contacts')}</legend>
        {state.contacts.length === 0 && <p className="muted">{t('partnerships.partners.noContacts')}</p>}
        {state.contacts.map((c, i) => (
          <div key={i} className="row sub">
            <Field label={t('partnerships.partners.contact.name')} required error={err(`contacts.${i}.name`)}>
              {(props) => <input {...props} type="text" value={c.name} onChange={(e) => setContact(i, { name: e.target.value })} />}
            </Field>
            <Field label={t('partnerships.partners.contact.position')} error={err(`contacts.${i}.position`)}>
              {(props) => <input {...props} type="text" value={c.position} onChange={(e) => setContact(i, { position: e.target.value })} />}
            </Field>
            <Field label={t('partnerships.partners.contact.email')} error={err(`contacts.${i}.email`)}>
              {(props) => <input {...props} type="email" value={c.email} onChange={(e) => setContact(i, { email: e.target.value })} />}
            </Field>
            <Field label={t('partnerships.partners.contact.phone')} error={err(`contacts.${i}.phone`)}>
              {(props) => <input {...props} type="tel" value={c.phone} onChange={(e) => setContact(i, { phone: e.target.value })} />}
            </Field>
            <button
              type="button"
              className="secondary"
              onClick={() => setState((s) => ({ ...s, contacts: s.contacts.filter((_, j) => j !== i) }))}
            >
              {t('partnerships.partners.contact.remove', { n: i + 1 })}
            </button>
          </div>
        ))}
        {err('contacts') && (
          <p className="error" role="alert">
            {err('contacts')?.message}
          </p>
        )}
        {state.contacts.length < PARTNERSHIP_LIMITS.contacts && (
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setState((s) => ({ ...s, contacts: [...s.contacts, emptyContact()] }))}
            >
              {t('partnerships.partners.contact.add')}
            </button>
          </div>
        )}
      </fieldset>
      {general && <PartnershipProblem error={save.error} />}
      <FormActions submit={t('common.save')} busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
