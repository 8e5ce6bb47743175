/** Deleting an agreement or engagement recorded by mistake, after a confirmation; the server's refusal is shown. */
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDeleteAgreement, useDeleteEngagement } from '../../api/partnership-queries.js';
import { PartnershipProblem } from './agreement-parts.js';

export function DeleteAgreement({ id, version }: { id: number; version: number }) {
  const remove = useDeleteAgreement(id);
  const navigate = useNavigate();
  return (
    <DeleteButton
      pending={remove.isPending}
      error={remove.error}
      onConfirmed={() => remove.mutate(version, { onSuccess: () => void navigate({ to: '/agreements' }) })}
    />
  );
}

export function DeleteEngagement({ id, version }: { id: number; version: number }) {
  const remove = useDeleteEngagement(id);
  const navigate = useNavigate();
  return (
    <DeleteButton
      pending={remove.isPending}
      error={remove.error}
      onConfirmed={() => remove.mutate(version, { onSuccess: () => void navigate({ to: '/engagements' }) })}
    />
  );
}

function DeleteButton({ pending, error, onConfirmed }: { pending: boolean; error: unknown; onConfirmed: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={pending}
        onClick={() => window.confirm(t('partnerships.deleteConfirm')) && onConfirmed()}
      >
        {t('common.delete')}
      </button>
      {error ? <PartnershipProblem error={error} /> : null}
    </>
  );
}
