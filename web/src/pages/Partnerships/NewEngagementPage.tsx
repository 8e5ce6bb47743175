/**
 * Recording an engagement (a visit, meeting, conference or call) with the offers and requests
 * made on each side and the follow-ups agreed, each follow-up with its owner. The coordination
 * team chooses the owning agency; an agency records its own.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_LIMITS } from '../../../../src/domain/partnership/partnership.schema.js';
import { ApiError } from '../../api/client.js';
import { useCreateEngagement } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import type { FieldError } from '../../components/Field.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import {
  emptyEngagementForm,
  emptyFollowUp,
  emptyItem,
  toEngagementBody,
  validateEngagementForm,
  type EngagementFormState,
  type FollowUpFormState,
  type ItemFormState,
} from './engagement-form.js';
import { EngagementFields, FollowUpFields, ItemFields } from './EngagementFields.js';
import { EngagementProblem } from './EngagementParts.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { ErrorsBelow } from '../../components/FormParts.js';

export function NewEngagementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const create = useCreateEngagement();
  const chooseOwner = canPartnerships.coordinate(user);
  const [state, setState] = useState<EngagementFormState>(emptyEngagementForm);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const set = (patch: Partial<EngagementFormState>) => setState((s) => ({ ...s, ...patch }));
  const err = (path: string) => errors.get(path);
  const setItem = (n: number, patch: Partial<ItemFormState>) =>
    set({ items: state.items.map((i, k) => (k === n ? { ...i, ...patch } : i)) });
  const setFollowUp = (n: number, patch: Partial<FollowUpFormState>) =>
    set({ followUps: state.followUps.map((x, k) => (k === n ? { ...x, ...patch } : x)) });

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateEngagementForm(state, chooseOwner);
    setErrors(found);
    if (found.size > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea')?.focus());
      return;
    }
    create.mutate(toEngagementBody(state, chooseOwner), {
      onSuccess: (created) => void navigate({ to: '/engagements/$id', params: { id: String(created.id) } }),
      onError: (error) => {
        if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
      },
    });
  };

  if (!canPartnerships.create(user)) return null; // the route is guarded; this keeps the form from flashing
  return (
    <article>
      <PartnershipTabs />
      <p className="no-print">
        <Link to="/engagements">{t('partnerships.engagements.backToList')}</Link>
      </p>
      <h1>{t('partnerships.engagements.newTitle')}</h1>
      <p className="muted">{t('partnerships.engagements.newIntro')}</p>
      <form className="form program-form" noValidate onSubmit={handleSubmit} aria-label={t('partnerships.engagements.newTitle')}>
        <ErrorsBelow errors={errors} />
        <fieldset>
          <legend>{t('partnerships.engagements.sections.engagement')}</legend>
          <EngagementFields state={state} onChange={set} err={err} chooseOwner={chooseOwner} ownOrg={user?.orgCode ?? null} />
        </fieldset>
        <fieldset>
          <legend>{t('partnerships.engagements.sections.items')}</legend>
          <p className="muted small">{t('partnerships.engagements.items.intro')}</p>
          {state.items.map((item, n) => (
            <div className="entry-group" role="group" aria-label={t('partnerships.engagements.items.group', { n: n + 1 })} key={n}>
              <ItemFields item={item} onChange={(patch) => setItem(n, patch)} err={err} prefix={`items.${n}`} />
              <button type="button" className="link" onClick={() => set({ items: state.items.filter((_, k) => k !== n) })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          {state.items.length < PARTNERSHIP_LIMITS.items && (
            <button type="button" className="secondary" onClick={() => set({ items: [...state.items, emptyItem()] })}>
              {t('partnerships.engagements.items.add')}
            </button>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('partnerships.engagements.sections.followUps')}</legend>
          <p className="muted small">{t('partnerships.followUps.intro')}</p>
          {state.followUps.map((followUp, n) => (
            <div className="entry-group" role="group" aria-label={t('partnerships.followUps.group', { n: n + 1 })} key={n}>
              <FollowUpFields followUp={followUp} onChange={(patch) => setFollowUp(n, patch)} err={err} prefix={`followUps.${n}`} />
              <button type="button" className="link" onClick={() => set({ followUps: state.followUps.filter((_, k) => k !== n) })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          {state.followUps.length < PARTNERSHIP_LIMITS.items && (
            <button type="button" className="secondary" onClick={() => set({ followUps: [...state.followUps, emptyFollowUp()] })}>
              {t('partnerships.followUps.add')}
            </button>
          )}
        </fieldset>
        {/* Field issues are shown at their fields; the problem says what happened. */}
        {create.error && <EngagementProblem error={create.error} withIssues={false} />}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {t('partnerships.engagements.record')}
          </button>
        </div>
      </form>
    </article>
  );
}
