/**
 * The program page's way to its course offer: a link to the offer when it has one the user may
 * see, else "Open for nominations" for those who manage it (the coordination team, the program's
 * implementing agency) once the program's stage takes nominations (approved to implementation).
 */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.js';
import { useProgramOffer } from '../../api/offer-queries.js';
import { canOffers } from '../../auth/offer-rules.js';
import type { LifecycleStage } from '../../../../src/domain/codes.js';
import { stageAllows } from '../../../../src/domain/program/stage-status.js';

export function ProgramOfferLink({
  program,
  user,
}: {
  program: { id: number; identifier: string; implementingOrg: string | null; lifecycleStage: LifecycleStage };
  user: User | null;
}) {
  const { t } = useTranslation();
  const offer = useProgramOffer(program.id);
  if (offer.isPending || offer.error) return null; // the page works without it
  if (offer.data) {
    return (
      <Link className="button secondary" to="/offers/$id" params={{ id: String(offer.data.offer.id) }}>
        {t('offers.programOffer')}
      </Link>
    );
  }
  // A program is opened for nominations once approved (the server refuses it before, too).
  if (!canOffers.manage(user, program.implementingOrg) || !stageAllows('nominations', program.lifecycleStage)) return null;
  return (
    <Link className="button secondary" to="/programs/$id/offer" params={{ id: String(program.id) }}>
      {t('offers.openForNominations')}
    </Link>
  );
}
