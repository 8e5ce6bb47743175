/** The coordination team's decision on a request: assess it, accept it (creating the program) or decline it, as its status allows. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextRequestStatuses, type RequestStatus } from '../../../../src/domain/request/request.js';
import { REQUEST_LIMITS } from '../../../../src/domain/request/request.schema.js';
import { ApiError } from '../../api/client.js';
import { useRequestStep, type CooperationRequest } from '../../api/request-queries.js';
import { Field, type FieldError } from '../../components/Field.js';
import { errorsFromIssues, type FieldErrors } from '../../components/field-errors.js';
import { useFormat } from '../../format.js';
import { RequestProblem } from './parts.js';
import { emptyDecision, toRequestStep, validateDecision, type DecisionFormState } from './request-form.js';

/** One step's form: its hint, its fields, and the button that takes it. */
function StepForm({
  hint,
  submit,
  danger,
  disabled,
  onSubmit,
  children,
}: {
  hint?: string;
  submit: string;
  danger?: boolean;
  disabled: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {hint && <p className="muted">{hint}</p>}
      {children}
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : undefined} disabled={disabled}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/** A text field with its label and a hint under it. */
function TextField({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      <small id={`${id}-hint`} className="muted">
        {hint}
      </small>
    </div>
  );
}

/** A step's note and its Indonesian variant, errors shown at their fields (the server's paths `note`, `noteId`). */
function NoteFields({
  label,
  labelId,
  required,
  note,
  noteId,
  errors,
  onChange,
}: {
  label: string;
  labelId: string;
  required?: boolean;
  note: string;
  noteId: string;
  errors: ReadonlyMap<string, FieldError>;
  onChange: (note: string, noteId: string) => void;
}) {
  return (
    <>
      <Field label={label} required={required} error={errors.get('note')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            required={required}
            maxLength={REQUEST_LIMITS.note}
            value={note}
            onChange={(e) => onChange(e.target.value, noteId)}
          />
        )}
      </Field>
      <Field label={labelId} error={errors.get('noteId')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            lang="id"
            maxLength={REQUEST_LIMITS.note}
            value={noteId}
            onChange={(e) => onChange(note, e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** The paths the step forms show at a field; any other issue of a refusal (of the program an acceptance creates) is listed in the problem. */
const STEP_FIELDS = ['note', 'noteId'];

/** The coordination team's steps that the request's status allows; `agency` is shared with the matches' "choose" buttons. */
export function Decision({ r, agency, onAgency }: { r: CooperationRequest; agency: string; onAgency: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const step = useRequestStep();
  const [texts, setTexts] = useState<DecisionFormState>(emptyDecision);
  const [refused, setRefused] = useState<{ to: RequestStatus; errors: FieldErrors } | null>(null);
  const [done, setDone] = useState<RequestStatus | null>(null);
  const next = nextRequestStatuses(r.status);
  const set = (patch: Partial<DecisionFormState>) => setTexts((s) => ({ ...s, ...patch }));
  const run = (to: RequestStatus) => {
    const state = { ...texts, agency };
    const found = validateDecision(to, state);
    setRefused(found.size > 0 ? { to, errors: found } : null);
    if (found.size > 0) return;
    step.mutate(
      { id: r.id, version: r.version, step: toRequestStep(to, state) },
      {
        onSuccess: () => setDone(to),
        onError: (error) => {
          if (error instanceof ApiError) setRefused({ to, errors: errorsFromIssues(error.issues) });
        },
      },
    );
  };
  // Each step's errors at its own form: every step's note is `note` to the server.
  const errorsOf = (to: RequestStatus): FieldErrors => (refused?.to === to ? refused.errors : new Map());
  const listIssues = !(step.error instanceof ApiError) || step.error.issues.some((i) => !STEP_FIELDS.includes(i.path));
  const notes = (to: RequestStatus) => (
    <NoteFields
      label={t('requests.actions.note')}
      labelId={t('requests.actions.noteId')}
      note={texts.note}
      noteId={texts.noteId}
      errors={errorsOf(to)}
      onChange={(note, noteId) => set({ note, noteId })}
    />
  );
  return (
    <section className="card no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('requests.actions.title')}</h2>
      {done && (
        <p className="ok" role="status">
          {t(`requests.actions.done.${done}`)}
        </p>
      )}
      {next.length === 0 && <p className="muted">{t('requests.actions.closed')}</p>}
      <div className="stack">
        {next.includes('assessment') && (
          <StepForm
            hint={t('requests.actions.assessHint')}
            submit={t('requests.actions.assess')}
            disabled={step.isPending}
            onSubmit={() => run('assessment')}
          >
            {notes('assessment')}
          </StepForm>
        )}
        {next.includes('accepted') && (
          <StepForm
            hint={t('requests.actions.acceptHint', { country: f.country(r.country) })}
            submit={t('requests.actions.accept')}
            disabled={step.isPending}
            onSubmit={() => run('accepted')}
          >
            <div className="grid2">
              <TextField
                id={`${id}-agency`}
                label={t('requests.actions.agency')}
                hint={t('requests.actions.agencyHint')}
                value={agency}
                onChange={onAgency}
              />
              <TextField
                id={`${id}-identifier`}
                label={t('requests.actions.identifier')}
                hint={t('requests.actions.identifierHint', { reference: r.reference })}
                value={texts.identifier}
                onChange={(identifier) => set({ identifier })}
              />
            </div>
            {notes('accepted')}
          </StepForm>
        )}
        {next.includes('declined') && (
          <StepForm
            submit={t('requests.actions.decline')}
            danger
            disabled={step.isPending || !texts.reason.trim()}
            onSubmit={() => run('declined')}
          >
            <NoteFields
              label={t('requests.actions.declineReason')}
              labelId={t('requests.actions.declineReasonId')}
              required
              note={texts.reason}
              noteId={texts.reasonId}
              errors={errorsOf('declined')}
              onChange={(reason, reasonId) => set({ reason, reasonId })}
            />
          </StepForm>
        )}
      </div>
      {step.error && <RequestProblem error={step.error} withIssues={listIssues} />}
    </section>
  );
}
