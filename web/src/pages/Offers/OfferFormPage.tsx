/**
 * Opening a program for nominations (`/programs/$id/offer`) and changing its offer
 * (`/offers/$id/manage`): the public texts in both languages, the deadline in local time, the
 * places per country and in all, and the completion percentage. The coordination team and the
 * program's implementing agency only (the server checks again).
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useOffer, useOfferStatus, useProgramOffer, useSaveOffer, type CourseOffer, type OfferBody } from '../../api/offer-queries.js';
import { useProgram } from '../../api/queries.js';
import { stageAllows } from '../../../../src/domain/program/stage-status.js';
import { canOffers } from '../../auth/offer-rules.js';
import { useSession } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { emptyOfferForm, offerFormOf, offsetText, toOfferBody, type OfferFormState } from './offer-form.js';
import { issuesByPath, OfferProblem, OfferStatusBadge, useInstant, useOfferIssue } from './parts.js';

interface ProgramInfo {
  id: number;
  identifier: string;
  titleEn: string | null;
  titleId: string | null;
  recipients: readonly string[];
}

export function NewOfferPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/programs/$id/offer' });
  const { user } = useSession();
  const activity = useProgram(Number(id));
  const existing = useProgramOffer(Number(id), !!activity.data);
  if (activity.isPending || (activity.data && existing.isPending)) return <Loading />;
  if (activity.error || !activity.data) return <OfferProblem error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  if (!canOffers.manage(user, a.implementingOrg)) return <EmptyState>{t('offers.manage.forbidden')}</EmptyState>;
  // The server refuses an offer outside these stages too (activity.wrong_stage).
  if (!existing.data && !stageAllows('nominations', a.lifecycleStage))
    return <EmptyState>{t('offers.errors.activity_wrong_stage')}</EmptyState>;
  if (existing.data) {
    return (
      <EmptyState
        action={
          <Link className="button" to="/offers/$id/manage" params={{ id: String(existing.data.offer.id) }}>
            {t('offers.manage.edit')}
          </Link>
        }
      >
        {t('offers.manage.exists')}
      </EmptyState>
    );
  }
  return (
    <OfferForm
      program={{
        id: a.id,
        identifier: a.identifier,
        titleEn: a.titleEn,
        titleId: a.titleId,
        recipients: a.recipients.map((r) => r.country),
      }}
      offer={null}
    />
  );
}

export function ManageOfferPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/offers/$id/manage' });
  const offer = useOffer(Number(id));
  if (offer.isPending) return <Loading />;
  if (offer.error || !offer.data) return <OfferProblem error={offer.error} onRetry={() => void offer.refetch()} />;
  if (!offer.data.canManage) return <EmptyState>{t('offers.manage.forbidden')}</EmptyState>;
  return <OfferForm key={offer.data.offer.version} program={offer.data.program} offer={offer.data.offer} />;
}

/** The per-country places: one input per recipient country; an empty one takes the default. */
function quotaRows(program: ProgramInfo, offer: CourseOffer | null): Record<string, string> {
  return Object.fromEntries(program.recipients.map((c) => [c, String(offer?.quotas.find((q) => q.country === c)?.quota ?? '')]));
}

function OfferForm({ program, offer }: { program: ProgramInfo; offer: CourseOffer | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const instant = useInstant();
  const save = useSaveOffer(program.id);
  const status = useOfferStatus();
  const issue = useOfferIssue();
  const [state, setState] = useState<OfferFormState>(() => (offer ? offerFormOf(offer) : emptyOfferForm()));
  const [places, setPlaces] = useState<Record<string, string>>(() => quotaRows(program, offer));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const set = (patch: Partial<OfferFormState>) => setState((s) => ({ ...s, ...patch }));
  const withPlaces = program.recipients.filter((c) => (places[c] ?? '').trim() !== '');
  // Issues on quotas.<i>.… belong to the i-th country with places of its own.
  const err = (path: string) => errors.get(path);
  const countryErr = (country: string) => {
    const i = withPlaces.indexOf(country);
    return i < 0 ? undefined : (err(`quotas.${i}.quota`) ?? err(`quotas.${i}.country`));
  };
  const offset = offsetText(new Date().getTimezoneOffset());

  const submit = (to?: 'draft' | 'open') => {
    const result = toOfferBody({ ...state, quotas: withPlaces.map((c) => ({ country: c, quota: places[c] ?? '' })) }, to);
    if (!result.ok) {
      setErrors(
        new Map([...result.errors].map(([path, e]) => [path, issue({ path, message: e.message, ...(e.code ? { code: e.code } : {}) })])),
      );
      return;
    }
    setErrors(new Map());
    save.mutate(result.body satisfies OfferBody, {
      onSuccess: (saved) => void navigate({ to: '/offers/$id', params: { id: String(saved.id) } }),
      onError: (error) => setErrors(issuesByPath(error, issue)),
    });
  };
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(offer ? undefined : 'draft');
  };
  const general =
    save.error &&
    !(
      save.error instanceof ApiError &&
      save.error.issues.length > 0 &&
      save.error.issues.every((i) => i.path !== '' && i.path !== 'status' && i.path !== 'changes')
    );

  return (
    <article>
      <p className="muted">
        <Link to="/programs/$id" params={{ id: String(program.id) }}>
          {program.identifier}
        </Link>
        {offer && (
          <>
            {' · '}
            <Link to="/offers/$id" params={{ id: String(offer.id) }}>
              {t('offers.manage.publicPage')}
            </Link>
          </>
        )}
      </p>
      <h1>{offer ? t('offers.manage.editTitle') : t('offers.manage.newTitle')}</h1>
      <p className="subtitle">{f.title(program)}</p>
      {offer && (
        <p>
          {t('offers.columns.status')}: <OfferStatusBadge status={offer.status} />
        </p>
      )}
      <p className="muted">{offer ? t('offers.manage.editIntro') : t('offers.manage.newIntro')}</p>
      <form className="program-form" noValidate onSubmit={handleSubmit}>
        {general && <OfferProblem error={save.error} />}
        {errors.size > 0 && !general && (
          <p className="error" role="alert">
            {t('offers.nominate.fix')}
          </p>
        )}
        <fieldset>
          <legend>{t('offers.manage.texts')}</legend>
          <div className="row">
            <Field label={t('offers.manage.summaryEn')} error={err('summaryEn')}>
              {(p) => <textarea {...p} lang="en" rows={4} value={state.summaryEn} onChange={(e) => set({ summaryEn: e.target.value })} />}
            </Field>
            <Field label={t('offers.manage.summaryId')} error={err('summaryId')}>
              {(p) => <textarea {...p} lang="id" rows={4} value={state.summaryId} onChange={(e) => set({ summaryId: e.target.value })} />}
            </Field>
          </div>
          <div className="row">
            <Field label={t('offers.manage.eligibilityEn')} error={err('eligibilityEn')}>
              {(p) => (
                <textarea {...p} lang="en" rows={3} value={state.eligibilityEn} onChange={(e) => set({ eligibilityEn: e.target.value })} />
              )}
            </Field>
            <Field label={t('offers.manage.eligibilityId')} error={err('eligibilityId')}>
              {(p) => (
                <textarea {...p} lang="id" rows={3} value={state.eligibilityId} onChange={(e) => set({ eligibilityId: e.target.value })} />
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('offers.manage.deadlineAndCompletion')}</legend>
          <div className="row">
            <Field
              label={t('offers.deadline')}
              required
              error={err('deadline')}
              hint={t('offers.manage.deadlineHint', { zone: instant.zone, offset })}
            >
              {(p) => (
                <input {...p} type="datetime-local" value={state.deadlineLocal} onChange={(e) => set({ deadlineLocal: e.target.value })} />
              )}
            </Field>
            <WholeNumberField
              label={t('offers.manage.completionPercent')}
              error={err('completionPercent')}
              hint={t('offers.manage.completionHint')}
              min={1}
              max={100}
              value={state.completionPercent}
              onChange={(value) => set({ completionPercent: value })}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('offers.manage.places')}</legend>
          <div className="row">
            <WholeNumberField
              label={t('offers.manage.quotaDefault')}
              error={err('quotaDefault')}
              hint={t('offers.manage.quotaDefaultHint')}
              min={0}
              value={state.quotaDefault}
              onChange={(value) => set({ quotaDefault: value })}
            />
            <WholeNumberField
              label={t('offers.manage.quotaTotal')}
              error={err('quotaTotal')}
              hint={t('offers.manage.quotaTotalHint')}
              min={0}
              value={state.quotaTotal}
              onChange={(value) => set({ quotaTotal: value })}
            />
          </div>
          <p className="muted small">{t('offers.manage.perCountryHint')}</p>
          <div className="row">
            {program.recipients.map((c) => (
              <WholeNumberField
                key={c}
                label={t('offers.manage.placesFor', { country: f.country(c) })}
                error={countryErr(c)}
                min={0}
                value={places[c] ?? ''}
                onChange={(value) => setPlaces((s) => ({ ...s, [c]: value }))}
              />
            ))}
          </div>
          {program.recipients.length === 0 && <p className="muted">{t('offers.manage.noRecipients')}</p>}
        </fieldset>
        <div className="actions">
          {(!offer || offer.status === 'draft') && (
            <button type="button" disabled={save.isPending} onClick={() => submit('open')}>
              {t('offers.manage.openNow')}
            </button>
          )}
          <button type="submit" className={!offer || offer.status === 'draft' ? 'secondary' : undefined} disabled={save.isPending}>
            {offer ? t('common.save') : t('offers.manage.saveDraft')}
          </button>
          {offer?.status === 'open' && (
            <button
              type="button"
              className="secondary"
              disabled={status.isPending}
              onClick={() => window.confirm(t('offers.manage.closeConfirm')) && status.mutate({ id: offer.id, action: 'close' })}
            >
              {t('offers.manage.close')}
            </button>
          )}
          {offer?.status === 'closed' && (
            <button
              type="button"
              className="secondary"
              disabled={status.isPending}
              onClick={() => status.mutate({ id: offer.id, action: 'reopen' })}
            >
              {t('offers.manage.reopen')}
            </button>
          )}
          {offer && (
            <Link className="button secondary" to="/offers/$id/nominations" params={{ id: String(offer.id) }}>
              {t('offers.review.link')}
            </Link>
          )}
        </div>
        {status.error && <OfferProblem error={status.error} />}
      </form>
    </article>
  );
}

/** A whole-number input (step 1, numeric keyboard) in its labelled field. */
function WholeNumberField({
  label,
  error,
  hint,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  error?: FieldError;
  hint?: string;
  min: number;
  max?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={min}
          max={max}
          step={1}
          inputMode="numeric"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
