/**
 * "Erase personal data" for the coordination team: a confirm dialog asking why (kept in the
 * audit log) and whether to erase the person's other records too. Used on a person's page and
 * on a program's participant list.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEraseParticipant } from '../../api/alumni-queries.js';
import { canAlumni } from '../../auth/alumni-rules.js';
import { useSession } from '../../auth/session.js';
import { ProblemMessage } from '../../components/Status.js';

export function EraseButton({ participantId, onErased }: { participantId: number; onErased?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [wholePerson, setWholePerson] = useState(false);
  const erase = useEraseParticipant();
  if (!canAlumni.erase(user)) return null;
  return (
    <>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        {t('alumni.erase.button')}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate(
              { id: participantId, reason: reason.trim(), wholePerson },
              {
                onSuccess: () => {
                  dialog.current?.close();
                  onErased?.();
                },
              },
            );
          }}
        >
          <h2 id={`${id}-title`}>{t('alumni.erase.title')}</h2>
          <p>{t('alumni.erase.explain')}</p>
          <label>
            {t('alumni.erase.reason')}
            <input required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label>
            <input type="checkbox" checked={wholePerson} onChange={(e) => setWholePerson(e.target.checked)} />{' '}
            {t('alumni.erase.wholePerson')}
          </label>
          {erase.error && <ProblemMessage error={erase.error} />}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('alumni.erase.cancel')}
            </button>
            <button type="submit" className="danger" disabled={erase.isPending || reason.trim().length < 3}>
              {t('alumni.erase.confirm')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
