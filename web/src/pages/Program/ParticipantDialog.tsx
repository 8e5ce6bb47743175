/**
 * Adding or changing one participant of a program, in a modal <dialog> (the browser keeps focus
 * inside and Escape closes it; focus goes back to what opened it). The country is one of the
 * program's recipient countries; consent is asked as in a nomination. Problems are shown at their
 * fields, from the schema the server parses with and then from the server's answer (a duplicate).
 */
import { Modal } from '../../components/Modal.js';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses, sexes } from '../../../../src/domain/codes.js';
import { ApiError } from '../../api/client.js';
import { useAddParticipant, usePatchParticipant, type ParticipantItem } from '../../api/participant-queries.js';
import { CodeSelect } from '../../components/CodeSelect.js';
import { Field, type FieldError } from '../../components/Field.js';
import { errorsFromIssues, type FieldErrors } from '../../components/field-errors.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import {
  emptyParticipant,
  participantFormOf,
  toParticipantBody,
  toParticipantPatch,
  validateParticipant,
  type ParticipantFormState,
} from './participant-form.js';

const FIELDS = ['fullName', 'sex', 'country', 'organisation', 'position', 'email', 'status', 'consent'] as const;
const FORM_PATHS: ReadonlySet<string> = new Set(FIELDS);

export function ParticipantDialog({
  programId,
  recipients,
  participant,
  onClose,
}: {
  programId: number;
  recipients: readonly string[];
  /** The participant to change; absent to add one. */
  participant?: ParticipantItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<ParticipantFormState>(() =>
    participant ? participantFormOf(participant) : emptyParticipant(recipients),
  );
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const add = useAddParticipant(programId);
  const patch = usePatchParticipant(programId);
  const saving = participant ? patch : add;
  const consentRecorded = (participant?.consentAt ?? null) !== null;

  const server = saving.error instanceof ApiError ? saving.error : null;
  const serverIssues = server?.issues.length ?? 0;

  // After a refused submit, the first field in error takes the focus.
  useEffect(() => {
    if (checked.size || serverIssues) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checked, serverIssues]);

  const serverErrors: FieldErrors = server ? errorsFromIssues(server.issues.filter((i) => FORM_PATHS.has(i.path))) : new Map();
  const errors: FieldErrors = checked.size ? checked : serverErrors;
  // A problem that names no field of the form (the program closed meanwhile, no right to do this, …).
  const general = saving.error && serverErrors.size === 0 && checked.size === 0;
  const set = (change: Partial<ParticipantFormState>) => setState((s) => ({ ...s, ...change }));
  const err = (path: (typeof FIELDS)[number]): FieldError | undefined => {
    const e = errors.get(path);
    if (!e) return undefined;
    // The domain's words in both languages where the shared catalogue has none for the code.
    if (e.code === 'duplicate') return { message: t('participants.form.duplicate') };
    if (path === 'consent') return { message: t('participants.form.consentRequired') };
    if (path === 'email') return { message: t('participants.form.emailInvalid') };
    return e;
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateParticipant(state, participant ? 'edit' : 'add', consentRecorded);
    setChecked(found);
    if (found.size) return;
    if (participant) {
      patch.mutate(
        { participantId: participant.id, version: participant.version, body: toParticipantPatch(state, consentRecorded) },
        { onSuccess: onClose },
      );
      return;
    }
    const body = toParticipantBody(state);
    if (body) add.mutate(body, { onSuccess: onClose });
  };

  const title = participant ? t('participants.form.editTitle', { name: participant.fullName ?? '' }) : t('participants.form.addTitle');
  return (
    <Modal labelledBy={`${id}-title`} busy={saving.isPending} onClose={onClose} className="dialog participant-dialog" dialogRef={ref}>
      <form noValidate onSubmit={handleSubmit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <ErrorsBelow errors={errors} />
        {general && <ProblemMessage error={saving.error} />}
        <Field label={t('participants.form.fullName')} required error={err('fullName')}>
          {(p) => (
            <input {...p} type="text" autoComplete="off" value={state.fullName} onChange={(e) => set({ fullName: e.target.value })} />
          )}
        </Field>
        <div className="grid2">
          <Field label={t('participants.form.sex')} error={err('sex')}>
            {(p) => <CodeSelect {...p} codes={sexes} value={state.sex} onChange={(sex) => set({ sex })} />}
          </Field>
          <Field label={t('participants.form.country')} required error={err('country')} hint={t('participants.form.countryHint')}>
            {(p) => (
              <select {...p} value={state.country} onChange={(e) => set({ country: e.target.value })}>
                {recipients.length !== 1 && <option value="">{t('participants.form.chooseCountry')}</option>}
                {recipients.map((c) => (
                  <option key={c} value={c}>
                    {f.country(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="grid2">
          <Field label={t('participants.form.organisation')} error={err('organisation')}>
            {(p) => <input {...p} type="text" value={state.organisation} onChange={(e) => set({ organisation: e.target.value })} />}
          </Field>
          <Field label={t('participants.form.position')} error={err('position')}>
            {(p) => <input {...p} type="text" value={state.position} onChange={(e) => set({ position: e.target.value })} />}
          </Field>
        </div>
        <div className="grid2">
          <Field label={t('participants.form.email')} error={err('email')}>
            {(p) => <input {...p} type="email" autoComplete="off" value={state.email} onChange={(e) => set({ email: e.target.value })} />}
          </Field>
          <Field label={t('participants.form.status')} error={err('status')}>
            {(p) => <CodeSelect {...p} codes={participantStatuses} value={state.status} onChange={(status) => set({ status })} />}
          </Field>
        </div>
        <fieldset>
          <legend>{t('participants.form.consentTitle')}</legend>
          {consentRecorded && participant?.consentAt ? (
            <p className="small">{t('participants.form.consentRecorded', { date: f.date(participant.consentAt.slice(0, 10)) })}</p>
          ) : (
            <>
              <p id={`${id}-consent-text`} className="small">
                {t(participant ? 'participants.form.consentLater' : 'participants.form.consentText')}
              </p>
              <label className="check">
                <input
                  id={`${id}-consent`}
                  type="checkbox"
                  checked={state.consent}
                  aria-describedby={`${id}-consent-text${err('consent') ? ` ${id}-consent-error` : ''}`}
                  aria-invalid={Boolean(err('consent'))}
                  onChange={(e) => set({ consent: e.target.checked })}
                />{' '}
                {t('participants.form.consent')}
              </label>
              {err('consent') && (
                <small id={`${id}-consent-error`} className="error" role="alert">
                  {err('consent')?.message}
                </small>
              )}
            </>
          )}
        </fieldset>
        <FormActions
          submit={saving.isPending ? t('participants.form.saving') : t(participant ? 'participants.form.save' : 'participants.form.add')}
          busy={saving.isPending}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
