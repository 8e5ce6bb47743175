/**
 * The follow-ups of an engagement: who answers for each and by when, overdue ones marked; marked
 * done, cancelled or given a new due day by those who edit the engagement and by their owners;
 * and the form that adds one (the server refuses a follow-up without an owner, at the field).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useAddFollowUp, usePatchFollowUp, type Engagement, type FollowUp } from '../../api/partnership-queries.js';
import { useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { OrgName } from '../../components/OrgName.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { emptyFollowUp, toFollowUpBody, type FollowUpFormState } from './engagement-form.js';
import { FollowUpFields } from './EngagementFields.js';
import { AddPanel, EngagementProblem, FollowUpStatus } from './EngagementParts.js';
import { canActOnFollowUp, canEditFollowUp } from './follow-ups.js';

export function EngagementFollowUps({ e }: { e: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const { user } = useSession();
  const patch = usePatchFollowUp();
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('partnerships.engagements.sections.followUps')}</h2>
      {e.followUps.length === 0 ? (
        <p className="muted">{t('partnerships.followUps.none')}</p>
      ) : (
        <DataTable
          caption={t('partnerships.engagements.sections.followUps')}
          head={
            <>
              <th scope="col">{t('partnerships.followUps.fields.action')}</th>
              <th scope="col">{t('partnerships.followUps.fields.owner')}</th>
              <th scope="col">{t('partnerships.followUps.fields.dueOn')}</th>
              <th scope="col">{t('partnerships.followUps.columns.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('partnerships.followUps.columns.actions')}</span>
              </th>
            </>
          }
        >
          {e.followUps.map((x) => (
            <tr key={x.id}>
              <td className="title-cell">{f.text(x.action, x.actionId)}</td>
              <td>
                <OrgName code={x.owner} />
              </td>
              <td className="nowrap">{f.date(x.dueOn)}</td>
              <td>
                <FollowUpStatus status={x.status} overdue={x.overdue} doneOn={x.doneOn} />
              </td>
              <td>
                {canActOnFollowUp(user, x, e) &&
                  (moving === x.id ? (
                    <MoveDueDay followUp={x} onDone={() => setMoving(null)} />
                  ) : (
                    <FollowUpActions
                      followUp={x}
                      busy={patch.isPending}
                      onStatus={(status) => patch.mutate({ followUpId: x.id, body: { status } })}
                      onMove={canEditFollowUp(user, e) ? () => setMoving(x.id) : undefined}
                    />
                  ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {patch.error && <EngagementProblem error={patch.error} />}
      {e.canEdit &&
        (adding ? (
          <AddFollowUp engagementId={e.id} onDone={() => setAdding(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setAdding(true)}>
              {t('partnerships.followUps.add')}
            </button>
          </div>
        ))}
    </section>
  );
}

/** Done, cancel or a new due day for an open follow-up; reopen a closed one. */
export function FollowUpActions({
  followUp,
  busy,
  onStatus,
  onMove,
}: {
  followUp: Pick<FollowUp, 'status' | 'action'>;
  busy: boolean;
  onStatus: (status: FollowUp['status']) => void;
  onMove?: () => void;
}) {
  const { t } = useTranslation();
  const what = followUp.action.slice(0, 80);
  if (followUp.status !== 'open') {
    return (
      <button
        type="button"
        className="link small"
        disabled={busy}
        aria-label={t('partnerships.followUps.reopenLabel', { action: what })}
        onClick={() => onStatus('open')}
      >
        {t('partnerships.followUps.reopen')}
      </button>
    );
  }
  return (
    <span className="actions">
      <button
        type="button"
        className="secondary small"
        disabled={busy}
        aria-label={t('partnerships.followUps.doneLabel', { action: what })}
        onClick={() => onStatus('done')}
      >
        {t('partnerships.followUps.markDone')}
      </button>
      {onMove && (
        <button
          type="button"
          className="link small"
          disabled={busy}
          aria-label={t('partnerships.followUps.moveLabel', { action: what })}
          onClick={onMove}
        >
          {t('partnerships.followUps.move')}
        </button>
      )}
      <button
        type="button"
        className="link small"
        disabled={busy}
        aria-label={t('partnerships.followUps.cancelLabel', { action: what })}
        onClick={() => onStatus('cancelled')}
      >
        {t('partnerships.followUps.cancel')}
      </button>
    </span>
  );
}

function MoveDueDay({ followUp, onDone }: { followUp: FollowUp; onDone: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchFollowUp();
  const [dueOn, setDueOn] = useState(followUp.dueOn ?? '');
  const [error, setError] = useState<FieldError | undefined>();
  const handleSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    patch.mutate(
      { followUpId: followUp.id, body: { dueOn: dueOn || null } },
      {
        onSuccess: onDone,
        onError: (err) => setError(err instanceof ApiError ? errorsFromIssues(err.issues).get('dueOn') : undefined),
      },
    );
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={handleSubmit}
      aria-label={t('partnerships.followUps.moveLabel', { action: followUp.action.slice(0, 80) })}
    >
      <Field label={t('partnerships.followUps.newDueOn')} error={error}>
        {(props) => <input {...props} type="date" value={dueOn} onChange={(ev) => setDueOn(ev.target.value)} />}
      </Field>
      {patch.error && <EngagementProblem error={patch.error} withIssues={false} />}
      <span className="actions">
        <button type="submit" className="small" disabled={patch.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="link small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </span>
    </form>
  );
}

/** Adds a follow-up; its checks are the server's (an owner is required), shown at the fields. */
function AddFollowUp({ engagementId, onDone }: { engagementId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddFollowUp(engagementId);
  const [followUp, setFollowUp] = useState<FollowUpFormState>(emptyFollowUp);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const handleSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setErrors(new Map());
    add.mutate(toFollowUpBody(followUp), {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
      },
    });
  };
  return (
    <AddPanel
      title={t('partnerships.followUps.add')}
      saveLabel={t('partnerships.followUps.save')}
      pending={add.isPending}
      error={add.error}
      onSubmit={handleSubmit}
      onCancel={onDone}
    >
      <FollowUpFields followUp={followUp} onChange={(p) => setFollowUp((s) => ({ ...s, ...p }))} err={(path) => errors.get(path)} />
    </AddPanel>
  );
}
