/** One's own second factor: whether it is set up (and required), set it up, new recovery codes, or disable it. */
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { useDisableSecondFactor, useRegenerateRecoveryCodes, useSecondFactorStatus } from '../../auth/second-factor.js';
import { can } from '../../auth/session.js';
import { useInstant } from '../../components/ChangeList.js';
import { ProblemMessage, QueryState } from '../../components/Status.js';
import { CodeField, useCodeError } from './CodeField.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { SecondFactorEnrolment } from './SecondFactorEnrolment.js';

export function SecondFactorPage() {
  return <RequireRole allow={can.internal}>{(user) => <SecondFactor user={user} />}</RequireRole>;
}

function SecondFactor({ user }: { user: User }) {
  const { t } = useTranslation();
  const instant = useInstant();
  const status = useSecondFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <section className="narrow">
      <h1>{t('secondFactor.title')}</h1>
      <QueryState query={status}>
        {(s) => (
          <>
            <p role="status">
              {s.enrolled
                ? t('secondFactor.enrolledSince', { date: s.enrolledAt ? instant(s.enrolledAt) : '—', count: s.recoveryCodesLeft })
                : t('secondFactor.notEnrolled')}
            </p>
            {s.required && <p className="notice">{t('secondFactor.required')}</p>}
            {codes && <RecoveryCodes codes={codes} email={user.email} />}
            {!s.enrolled && !codes && <SecondFactorEnrolment onConfirmed={(c) => setCodes(c)} />}
            {s.enrolled && <Regenerate onCodes={setCodes} />}
            {s.enrolled && <Disable onDisabled={() => setCodes(null)} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

function Regenerate({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const codeError = useCodeError();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate(code, {
      onSuccess: (result) => {
        setCode('');
        onCodes(result.recoveryCodes);
      },
    });
  };
  const fieldError = codeError(regenerate.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t('secondFactor.regenerateTitle')}>
      <h2>{t('secondFactor.regenerateTitle')}</h2>
      <p>{t('secondFactor.regenerateIntro')}</p>
      <CodeField value={code} onChange={setCode} error={fieldError} />
      {regenerate.error !== null && !fieldError && <ProblemMessage error={regenerate.error} />}
      <div className="actions">
        <button type="submit" disabled={regenerate.isPending}>
          {t('secondFactor.regenerate')}
        </button>
      </div>
    </form>
  );
}

function Disable({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const disable = useDisableSecondFactor();
  const codeError = useCodeError();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(
      { code },
      {
        onSuccess: (result) => {
          setCode('');
          onDisabled();
          if (result.sessionEnded) void navigate({ to: '/login' });
        },
      },
    );
  };
  const fieldError = codeError(disable.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t('secondFactor.disableTitle')}>
      <h2>{t('secondFactor.disableTitle')}</h2>
      <p>{t('secondFactor.disableIntro')}</p>
      <CodeField value={code} onChange={setCode} error={fieldError} />
      {disable.error !== null && !fieldError && <ProblemMessage error={disable.error} />}
      <div className="actions">
        <button type="submit" className="danger" disabled={disable.isPending}>
          {t('secondFactor.disable')}
        </button>
      </div>
    </form>
  );
}
