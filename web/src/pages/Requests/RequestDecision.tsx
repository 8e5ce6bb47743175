/** The coordination team's decision on a request: assess it, accept it (creating the program) or decline it, as its status allows. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextRequestStatuses, type RequestStatus } from '../../../../src/domain/request/request.js';
import { useRequestStep, type CooperationRequest } from '../../api/request-queries.js';
import { useFormat } from '../../format.js';
import { RequestProblem } from './parts.js';

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

function NoteField({ id, value, onChange }: { id: string; value: string; onChange: (note: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('requests.actions.note')}</label>
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The step's body: the texts typed, trimmed, empty ones left out (a decline always sends its reason). */
function stepBody(
  to: RequestStatus,
  { note, reason, agency, identifier }: { note: string; reason: string; agency: string; identifier: string },
) {
  const noteGiven = note.trim() ? { note: note.trim() } : {};
  if (to === 'assessment') return { kind: 'assess' as const, ...noteGiven };
  if (to === 'declined') return { kind: 'decline' as const, note: reason.trim() };
  return {
    kind: 'accept' as const,
    ...noteGiven,
    ...(agency.trim() ? { implementingOrg: agency.trim() } : {}),
    ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
  };
}

/** The coordination team's steps that the request's status allows; `agency` is shared with the matches' "choose" buttons. */
export function Decision({ r, agency, onAgency }: { r: CooperationRequest; agency: string; onAgency: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const step = useRequestStep();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [done, setDone] = useState<RequestStatus | null>(null);
  const next = nextRequestStatuses(r.status);
  const run = (to: RequestStatus) =>
    step.mutate(
      { id: r.id, version: r.version, step: stepBody(to, { note, reason, agency, identifier }) },
      { onSuccess: () => setDone(to) },
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
            <NoteField id={`${id}-assess-note`} value={note} onChange={setNote} />
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
                value={identifier}
                onChange={setIdentifier}
              />
            </div>
            <NoteField id={`${id}-accept-note`} value={note} onChange={setNote} />
          </StepForm>
        )}
        {next.includes('declined') && (
          <StepForm
            submit={t('requests.actions.decline')}
            danger
            disabled={step.isPending || !reason.trim()}
            onSubmit={() => run('declined')}
          >
            <div className="field">
              <label htmlFor={`${id}-reason`}>
                {t('requests.actions.declineReason')}
                <span className="req"> ({t('form.required')})</span>
              </label>
              <textarea id={`${id}-reason`} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </StepForm>
        )}
      </div>
      {step.error && <RequestProblem error={step.error} />}
    </section>
  );
}
