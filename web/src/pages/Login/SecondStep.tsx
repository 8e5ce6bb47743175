/**
 * The second step of signing in, after a right password: the code of the authenticator app (or
 * a recovery code), or, for a role that must use a second factor and has none yet, its set-up.
 */
import { useRef, useState, useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session, User } from '../../api/client.js';
import { useAdoptFullSession, useVerifyCode } from '../../auth/second-factor.js';
import { ProblemMessage } from '../../components/Status.js';
import { CodeField, useCodeError } from '../Account/CodeField.js';
import { RecoveryCodes } from '../Account/RecoveryCodes.js';
import { SecondFactorEnrolment } from '../Account/SecondFactorEnrolment.js';

export function CodeStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyCode();
  const codeError = useCodeError();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(recovery ? { recoveryCode: code } : { code }, { onSuccess: onDone });
  };
  const switchKind = () => {
    setRecovery(!recovery);
    setCode('');
    verify.reset();
  };
  const fieldError = codeError(verify.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t('secondFactor.codeTitle')}>
      <h2 tabIndex={-1} ref={heading}>
        {t('secondFactor.codeTitle')}
      </h2>
      <p>{recovery ? t('secondFactor.recoveryIntro') : t('secondFactor.codeIntro')}</p>
      <CodeField value={code} onChange={setCode} error={fieldError} recovery={recovery} />
      {verify.error !== null && !fieldError && <ProblemMessage error={verify.error} />}
      <div className="actions">
        <button type="submit" disabled={verify.isPending}>
          {t('secondFactor.verify')}
        </button>
        <button type="button" className="link" onClick={switchKind}>
          {recovery ? t('secondFactor.useApp') : t('secondFactor.useRecovery')}
        </button>
      </div>
    </form>
  );
}

/** A role that must use a second factor sets it up before anything else; the recovery codes show before the app opens. */
export function EnrolStep({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const adopt = useAdoptFullSession();
  const [done, setDone] = useState<{ codes: string[]; session: Session | null } | null>(null);
  if (done) {
    return (
      <div>
        <RecoveryCodes codes={done.codes} email={user?.email ?? ''} />
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              if (done.session) adopt(done.session);
              onDone();
            }}
          >
            {t('secondFactor.continue')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <h2>{t('secondFactor.enrolTitle')}</h2>
      <p className="notice">{t('secondFactor.requiredForRole')}</p>
      <SecondFactorEnrolment onConfirmed={(codes, session) => setDone({ codes, session })} />
      {/* A problem the set-up cannot solve here (the pending session ended) is shown by the form's own message. */}
    </div>
  );
}
