/** An administrator removes another account's second factor (a lost phone): its sessions end and it sets one up again. */
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.js';
import { useResetSecondFactor } from '../../auth/second-factor.js';
import { ProblemMessage } from '../../components/Status.js';

export function ResetSecondFactor({ user }: { user: User }) {
  const { t } = useTranslation();
  const reset = useResetSecondFactor();
  return (
    <div className="field">
      <button type="button" className="secondary" disabled={reset.isPending} onClick={() => reset.mutate(user.id)}>
        {t('admin.resetSecondFactor')}
      </button>
      <small className="muted">{t('admin.resetSecondFactorHint')}</small>
      {reset.isSuccess && <p role="status">{t('admin.secondFactorReset', { email: user.email })}</p>}
      {reset.error !== null && <ProblemMessage error={reset.error} />}
    </div>
  );
}
