/** A labelled form control with its error, translated by the issue's code. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  readonly code?: string;
  readonly message: string;
}

export function useIssueText() {
  const { t, i18n } = useTranslation();
  return (error: FieldError) => (error.code && i18n.exists(`issues.${error.code}`) ? t(`issues.${error.code}`) : error.message);
}

export function Field({
  label,
  error,
  required,
  hint,
  children,
}: {
  label: string;
  error?: FieldError;
  required?: boolean;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const { t } = useTranslation();
  const issueText = useIssueText();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req"> ({t('form.required')})</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {issueText(error)}
        </small>
      )}
    </div>
  );
}
