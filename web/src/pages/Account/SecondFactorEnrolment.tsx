/**
 * Setting up the second factor: a new secret as a QR code and as text for the authenticator app,
 * then its first code; the recovery codes come back once (`onConfirmed`).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/client.js';
import { useConfirmEnrolment, useStartEnrolment } from '../../auth/second-factor.js';
import { ProblemMessage } from '../../components/Status.js';
import { CodeField, useCodeError } from './CodeField.js';

export function SecondFactorEnrolment({ onConfirmed }: { onConfirmed: (recoveryCodes: string[], session: Session | null) => void }) {
  const { t } = useTranslation();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const codeError = useCodeError();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, { onSuccess: (result) => onConfirmed(result.recoveryCodes, result.session) });
  };
  const started = start.data;
  if (!started) {
    return (
      <div>
        <p>{t('secondFactor.enrolIntro')}</p>
        {start.error !== null && <ProblemMessage error={start.error} />}
        <div className="actions">
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
            {t('secondFactor.start')}
          </button>
        </div>
      </div>
    );
  }
  const fieldError = codeError(confirm.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t('secondFactor.enrolTitle')}>
      <ol className="steps">
        <li>
          <p>{t('secondFactor.scan')}</p>
          <img
            className="qr"
            width={200}
            height={200}
            alt={t('secondFactor.qrAlt')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qrSvg)}`}
          />
          <p>
            {t('secondFactor.secretText')} <code aria-label={t('secondFactor.secret')}>{started.secret.match(/.{1,4}/g)?.join(' ')}</code>
          </p>
        </li>
        <li>
          <p>{t('secondFactor.typeCode')}</p>
          <CodeField value={code} onChange={setCode} error={fieldError} />
        </li>
      </ol>
      {confirm.error !== null && !fieldError && <ProblemMessage error={confirm.error} />}
      <div className="actions">
        <button type="submit" disabled={confirm.isPending}>
          {t('secondFactor.confirm')}
        </button>
      </div>
    </form>
  );
}
