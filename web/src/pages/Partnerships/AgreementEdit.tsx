/**
 * Changing an agreement: its fields (PATCH), and its status one step at a time with the dates the
 * step needs. Both send the version the user saw (If-Match), so a change made meanwhile is
 * refused rather than overwritten.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERSHIP_LIMITS } from '../../../../src/domain/partnership/partnership.schema.js';
import { agreementStatuses, type AgreementStatus } from '../../../../src/domain/partnership/agreement.js';
import { ApiError } from '../../api/client.js';
import { useAgreementStep, usePatchAgreement, type AgreementDetail } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { PartnershipProblem, usePartnershipIssue } from './agreement-parts.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import {
  agreementFormOf,
  stepDates,
  stepFormOf,
  toAgreementPatch,
  toStepBody,
  validateAgreementPatch,
  validateStep,
  type AgreementFormState,
  type StepFormState,
} from './agreement-form.js';
import { AgreementFields } from './AgreementFields.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';

/** A refusal whose issues all sit at the form's fields is shown there; any other is shown whole. */
const isGeneral = (error: unknown, fields: readonly string[]) =>
  !!error &&
  !(
    error instanceof ApiError &&
    error.issues.length > 0 &&
    error.issues.every((i) => fields.some((f) => i.path === f || i.path.startsWith(`${f}.`)))
  );

const EDIT_FIELDS = [
  'kind',
  'titleEn',
  'titleId',
  'subject',
  'subjectId',
  'signedOn',
  'validFrom',
  'validUntil',
  'ownerOrg',
  'parties',
  'areas',
];

/**
 * The edit form. A change made meanwhile (stale version) closes it with that refusal, so that the
 * page shows the current agreement before the user edits again instead of overwriting it.
 */
export function EditAgreement({ detail, onDone }: { detail: AgreementDetail; onDone: (refusal?: unknown) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const a = detail.agreement;
  const patch = usePatchAgreement(a.id);
  // Only the coordination team hands an agreement to another agency.
  const withOwner = canPartnerships.coordinate(user);
  const [state, setState] = useState<AgreementFormState>(() => agreementFormOf(a));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const set = (p: Partial<AgreementFormState>) => setState((s) => ({ ...s, ...p }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateAgreementPatch(state, a.status, withOwner);
    setErrors(found);
    if (found.size > 0) return;
    patch.mutate(
      { version: a.version, body: toAgreementPatch(state, withOwner) },
      {
        onSuccess: () => onDone(),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'agreement.stale') onDone(error);
          else setErrors(error instanceof ApiError ? errorsFromIssues(error.issues) : new Map());
        },
      },
    );
  };

  return (
    <form
      className="form program-form"
      noValidate
      onSubmit={handleSubmit}
      aria-label={t('partnerships.agreements.editTitle', { reference: a.reference })}
    >
      <h2>{t('partnerships.agreements.editTitle', { reference: a.reference })}</h2>
      <ErrorsBelow errors={errors} />
      <AgreementFields state={state} set={set} errors={errors} withOwner={withOwner} withStatus={false} />
      {isGeneral(patch.error, EDIT_FIELDS) && <PartnershipProblem error={patch.error} />}
      <FormActions submit={t('common.save')} busy={patch.isPending} onCancel={() => onDone()} />
    </form>
  );
}

/** The next statuses as buttons; the chosen step opens its small form. */
export function StatusSteps({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [to, setTo] = useState<AgreementStatus | null>(null);
  const [done, setDone] = useState<AgreementStatus | null>(null);
  if (detail.nextStatuses.length === 0) return <p className="muted">{t('partnerships.agreements.steps.none')}</p>;
  return (
    <div className="stack">
      <div className="actions" role="group" aria-label={t('partnerships.agreements.steps.label')}>
        {detail.nextStatuses.map((s) => (
          <button
            key={s}
            type="button"
            className={s === 'terminated' ? 'danger' : to === s ? '' : 'secondary'}
            aria-pressed={to === s}
            onClick={() => {
              setDone(null);
              setTo(to === s ? null : s);
            }}
          >
            {t(`partnerships.agreements.steps.${s}`)}
          </button>
        ))}
      </div>
      {done && (
        <p className="success" role="status">
          {t('partnerships.agreements.steps.done', { status: f.code(agreementStatuses, done) })}
        </p>
      )}
      {to && (
        <StepForm
          key={to}
          detail={detail}
          to={to}
          onCancel={() => setTo(null)}
          onDone={() => {
            setDone(to);
            setTo(null);
          }}
        />
      )}
    </div>
  );
}

function StepForm({
  detail,
  to,
  onCancel,
  onDone,
}: {
  detail: AgreementDetail;
  to: AgreementStatus;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const issue = usePartnershipIssue();
  const a = detail.agreement;
  const step = useAgreementStep(a.id);
  const [state, setState] = useState<StepFormState>(() => stepFormOf(a, to));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const err = (path: string) => {
    const e = errors.get(path);
    return e ? issue(e) : undefined;
  };
  const dates = stepDates(to);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateStep(a, to, state);
    setErrors(found);
    if (found.size > 0) return;
    step.mutate(
      { version: a.version, body: toStepBody(to, state) },
      { onSuccess: onDone, onError: (error) => setErrors(error instanceof ApiError ? errorsFromIssues(error.issues) : new Map()) },
    );
  };

  // Issues at a date this form does not ask (e.g. the signature when entering into force) are shown in the problem box.
  const asked = [...dates, 'note'];
  const unasked = [...errors].filter(([path]) => !asked.includes(path));
  const general = isGeneral(step.error, asked);
  return (
    <form className="panel" noValidate onSubmit={handleSubmit} aria-label={t(`partnerships.agreements.steps.${to}`)}>
      <h3>{t(`partnerships.agreements.steps.${to}`)}</h3>
      <p className="muted small">{t(`partnerships.agreements.steps.hint.${to}`)}</p>
      {dates.includes('signedOn') && (
        <Field label={t('partnerships.agreements.fields.signedOn')} required error={err('signedOn')}>
          {(props) => (
            <input {...props} type="date" value={state.signedOn} onChange={(e) => setState((s) => ({ ...s, signedOn: e.target.value }))} />
          )}
        </Field>
      )}
      {dates.includes('validFrom') && (
        <Field label={t('partnerships.agreements.fields.validFrom')} required={to === 'in_force'} error={err('validFrom')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={state.validFrom}
              onChange={(e) => setState((s) => ({ ...s, validFrom: e.target.value }))}
            />
          )}
        </Field>
      )}
      {dates.includes('validUntil') && (
        <Field label={t('partnerships.agreements.fields.validUntil')} required={to === 'expired'} error={err('validUntil')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={state.validUntil}
              onChange={(e) => setState((s) => ({ ...s, validUntil: e.target.value }))}
            />
          )}
        </Field>
      )}
      <Field label={t('partnerships.agreements.steps.note')} error={err('note')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={PARTNERSHIP_LIMITS.text}
            value={state.note}
            onChange={(e) => setState((s) => ({ ...s, note: e.target.value }))}
          />
        )}
      </Field>
      {unasked.length > 0 && !general && (
        <ul className="error" role="alert">
          {unasked.map(([path, e]) => (
            <li key={path}>{issue(e).message}</li>
          ))}
        </ul>
      )}
      {general && <PartnershipProblem error={step.error} />}
      <FormActions
        submit={t(`partnerships.agreements.steps.${to}`)}
        busy={step.isPending}
        danger={to === 'terminated'}
        onCancel={onCancel}
      />
    </form>
  );
}
