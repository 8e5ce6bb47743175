/**
 * "Erase personal data" for the coordination team: a confirm dialog asking why (kept in the
 * audit log) and whether to erase the person's other records too. EraseButton opens it on a
 * person's page; a program's participant list opens EraseDialog from a row's "More actions" menu.
 */
import { Modal } from '../../components/Modal.js';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEraseParticipant } from '../../api/alumni-queries.js';
import { canAlumni } from '../../auth/alumni-rules.js';
import { useSession } from '../../auth/session.js';
import { ProblemMessage } from '../../components/Status.js';

export function EraseButton({ participantId, onErased }: { participantId: number; onErased?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  if (!canAlumni.erase(user)) return null;
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('alumni.erase.button')}
      </button>
      {open && (
        <EraseDialog
          participantId={participantId}
          onClose={() => setOpen(false)}
          onErased={() => {
            setOpen(false);
            onErased?.();
          }}
        />
      )}
    </>
  );
}

/** The modal confirmation itself (open while mounted; Escape or Cancel closes it, focus returns to what opened it). */
export function EraseDialog({ participantId, onClose, onErased }: { participantId: number; onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [wholePerson, setWholePerson] = useState(false);
  const erase = useEraseParticipant();

  return (
    <Modal labelledBy={`${id}-title`} busy={erase.isPending} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          erase.mutate({ id: participantId, reason: reason.trim(), wholePerson }, { onSuccess: onErased });
        }}
      >
        <h2 id={`${id}-title`}>{t('alumni.erase.title')}</h2>
        <p>{t('alumni.erase.explain')}</p>
        <label>
          {t('alumni.erase.reason')}
          <input required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={wholePerson} onChange={(e) => setWholePerson(e.target.checked)} /> {t('alumni.erase.wholePerson')}
        </label>
        {erase.error && <ProblemMessage error={erase.error} />}
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('alumni.erase.cancel')}
          </button>
          <button type="submit" className="danger" disabled={erase.isPending || reason.trim().length < 3}>
            {t('alumni.erase.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
