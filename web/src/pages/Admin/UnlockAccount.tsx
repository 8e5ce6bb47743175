/** An administrator lifts an account's sign-in limit: an owner locked out by someone guessing the password signs in at once. */
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.js';
import { useUnlockAccount } from '../../auth/second-factor.js';
import { ProblemMessage } from '../../components/Status.js';

export function UnlockAccount({ user }: { user: User }) {
  const { t } = useTranslation();
  const unlock = useUnlockAccount();
  return (
    <div className="field">
      <button type="button" className="secondary" disabled={unlock.isPending} onClick={() => unlock.mutate(user.id)}>
        {t('admin.unlock')}
      </button>
      <small className="muted">{t('admin.unlockHint')}</small>
      {unlock.data && <p role="status">{t('admin.unlocked', { email: user.email, count: unlock.data.cleared })}</p>}
      {unlock.error !== null && <ProblemMessage error={unlock.error} />}
    </div>
  );
}
