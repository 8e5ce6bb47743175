/**
 * Confirms removing a participant record (entered by mistake): the record and its figures go;
 * the audit log keeps what it held. A modal <dialog>; focus returns to what opened it.
 */
import { Modal } from '../../components/Modal.js';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveParticipant } from '../../api/participant-queries.js';
import { ProblemMessage } from '../../components/Status.js';

export function RemoveParticipantDialog({
  programId,
  participantId,
  version,
  name,
  onClose,
}: {
  programId: number;
  participantId: number;
  /** The version shown (If-Match): a participant changed meanwhile is not removed unseen. */
  version: number;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const remove = useRemoveParticipant(programId);

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} busy={remove.isPending} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate({ participantId, version }, { onSuccess: onClose });
        }}
      >
        <h2 id={`${id}-title`}>{t('participants.remove.title', { name })}</h2>
        <p id={`${id}-text`}>{t('participants.remove.explain')}</p>
        {remove.error && <ProblemMessage error={remove.error} />}
        <div className="actions">
          <button type="submit" className="danger" disabled={remove.isPending}>
            {t('participants.remove.confirm')}
          </button>
          <button type="button" className="secondary" disabled={remove.isPending} onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
