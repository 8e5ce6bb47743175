/**
 * Asks for the reason of a move that needs one (return, reject, cancel). A modal <dialog>: the
 * browser keeps focus inside it and Escape closes it; focus goes back to the button that opened it.
 */
import { Modal } from '../../components/Modal.js';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/Status.js';

export function CommentDialog({
  title,
  confirm,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  confirm: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <Modal labelledBy={`${id}-title`} busy={busy} onClose={onCancel}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!comment.trim()) {
            setMissing(true);
            document.getElementById(`${id}-comment`)?.focus();
            return;
          }
          onConfirm(comment.trim());
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div className={`field${missing ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-comment`}>
            {t('lifecycle.comment')}
            <span className="req"> ({t('form.required')})</span>
          </label>
          <textarea
            id={`${id}-comment`}
            rows={4}
            autoFocus
            required
            value={comment}
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => {
              setComment(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
          />
          {missing && (
            <small id={`${id}-error`} className="error" role="alert">
              {t('lifecycle.commentRequired')}
            </small>
          )}
        </div>
        {error !== null && error !== undefined && <ProblemMessage error={error} />}
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
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
