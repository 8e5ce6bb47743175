/**
 * Asks before a step that cannot be undone (approve, fund, start, complete, evaluate), saying
 * what happens. A modal <dialog> like CommentDialog: focus stays inside, Escape closes it, and
 * focus goes back to the button that opened it.
 */
import { Modal } from '../../components/Modal.js';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/Status.js';

export function ConfirmDialog({
  title,
  text,
  confirm,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  text: string;
  confirm: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} busy={busy} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        {error !== null && error !== undefined && <ProblemMessage error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy} autoFocus>
            {confirm}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
