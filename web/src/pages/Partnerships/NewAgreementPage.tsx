/**
 * Recording an agreement: the coordination team chooses the owning agency; an agency records its
 * own. Checked here with the API's schema and date rules, and the server's refusals are shown at
 * their fields.
 */
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useCreateAgreement } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import type { FieldError } from '../../components/Field.js';
import { PartnershipProblem } from './agreement-parts.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { emptyAgreementForm, toAgreementBody, validateAgreementForm, type AgreementFormState } from './agreement-form.js';
import { AgreementFields } from './AgreementFields.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { ErrorsBelow } from '../../components/FormParts.js';

export function NewAgreementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const create = useCreateAgreement();
  const withOwner = canPartnerships.coordinate(user);
  const [state, setState] = useState<AgreementFormState>(emptyAgreementForm);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const set = (patch: Partial<AgreementFormState>) => setState((s) => ({ ...s, ...patch }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateAgreementForm(state, withOwner);
    setErrors(found);
    if (found.size > 0) return;
    create.mutate(toAgreementBody(state, withOwner), {
      onSuccess: (created) => void navigate({ to: '/agreements/$id', params: { id: String(created.id) } }),
      onError: (error) => setErrors(error instanceof ApiError ? errorsFromIssues(error.issues) : new Map()),
    });
  };

  if (!canPartnerships.create(user)) return null; // the route is guarded; this keeps the form from flashing
  // A refusal whose issues all sit at fields is shown there; any other is shown whole.
  const general =
    create.error &&
    !(create.error instanceof ApiError && create.error.issues.length > 0 && create.error.issues.every((i) => i.path !== ''));
  return (
    <>
      <PartnershipTabs />
      <article>
        <h1>{t('partnerships.agreements.newTitle')}</h1>
        <p className="muted">
          {t(withOwner ? 'partnerships.agreements.newIntro' : 'partnerships.agreements.newIntroAgency', { org: user?.orgCode ?? '' })}
        </p>
        <form className="form program-form" noValidate onSubmit={handleSubmit} aria-label={t('partnerships.agreements.newTitle')}>
          <ErrorsBelow errors={errors} />
          <AgreementFields state={state} set={set} errors={errors} withOwner={withOwner} withStatus />
          {general && <PartnershipProblem error={create.error} />}
          <div className="actions">
            <button type="submit" disabled={create.isPending}>
              {t('partnerships.agreements.create')}
            </button>
          </div>
        </form>
      </article>
    </>
  );
}
