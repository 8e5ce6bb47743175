/** The frame every form shares: the notice that errors are shown at their fields, and the submit and cancel buttons. */
import { useTranslation } from 'react-i18next';
import type { FieldError } from './Field.js';

/** "Correct the fields marked below", while any field is in error. */
export function ErrorsBelow({ errors }: { errors: ReadonlyMap<string, FieldError> }) {
  const { t } = useTranslation();
  if (errors.size === 0) return null;
  return (
    <p className="problem" role="alert">
      {t('form.errorsBelow')}
    </p>
  );
}

/** Submit (`danger` for a step that ends something) and cancel; the submit waits while `busy`. */
export function FormActions({ submit, busy, danger, onCancel }: { submit: string; busy: boolean; danger?: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
        {submit}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
