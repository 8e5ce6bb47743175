/**
 * Confirms removing a participant record (entered by mistake): the record and its figures go;
 * the audit log keeps what it held. A modal <dialog>; focus returns to what opened it.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveParticipant } from '../../api/participant-queries.js';
import { ProblemMessage } from '../../components/Status.js';

export function RemoveParticipantDialog({
  programId,
  participantId,
  name,
  onClose,
}: {
  programId: number;
  participantId: number;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const remove = useRemoveParticipant(programId);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    // jsdom has no showModal: there the dialog is simply open.
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        if (!remove.isPending) onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate(participantId, { onSuccess: onClose });
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
    </dialog>
  );
}
