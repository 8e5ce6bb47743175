/**
 * The page of the link mailed when a sign-in is paused (services/unlock-links.ts): the pause is
 * lifted by a button, not by opening the page, so a mail scanner that fetches links does not use
 * the link up.
 */
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useUnlock } from '../../auth/session.js';
import { ProblemMessage } from '../../components/Status.js';

export function UnlockPage() {
  const { t } = useTranslation();
  const { token } = useSearch({ from: '/unlock' });
  const unlock = useUnlock();
  const invalid = unlock.error instanceof ApiError && unlock.error.code === 'auth.unlock_link_invalid';
  return (
    <section className="narrow">
      <h1>{t('app.titles.unlock')}</h1>
      {!token ? (
        <p className="error">{t('auth.unlockMissing')}</p>
      ) : unlock.isSuccess ? (
        <p className="notice" role="status">
          {t('auth.unlockDone')} <Link to="/login">{t('auth.signIn')}</Link>
        </p>
      ) : (
        <>
          <p>{t('auth.unlockExplain')}</p>
          {invalid ? (
            <p className="error" role="alert">
              {t('auth.unlockInvalid')}
            </p>
          ) : (
            unlock.error !== null && <ProblemMessage error={unlock.error} />
          )}
          <div className="actions">
            <button type="button" disabled={unlock.isPending} onClick={() => unlock.mutate(token)}>
              {t('auth.unlockButton')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
