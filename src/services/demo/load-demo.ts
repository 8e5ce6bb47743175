/** Loads the demo data set (DOMAIN.md) into an empty registry, through the normal use cases. */
import { programInputSchema } from '../../domain/program/program.schema.js';
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../../domain/participant/participant.schema.js';
import { createProgram } from '../programs.js';
import { createOrganisation } from '../organisations.js';
import { addParticipant } from '../participants.js';
import { inOneTransaction, type ServiceDeps } from '../deps.js';
import { DEMO_ACTIVITIES, DEMO_EXCHANGE_RATES, DEMO_ORGANISATIONS, DEMO_PARTICIPANTS } from './demo-data.js';
import { demoProgram, loadDemoRequests } from './demo-requests.js';
import { loadDemoJourney } from './demo-journey.js';
import { loadDemoPartnerships } from './demo-partnerships.js';

export interface DemoLoadResult {
  readonly loaded: boolean;
  readonly organisations: number;
  readonly activities: number;
  readonly participants: number;
}

/**
 * Loads the demo set unless the registry already holds programs; all or nothing. It takes the
 * whole store: the demo fills every capability.
 */
export async function loadDemoData(deps: ServiceDeps): Promise<DemoLoadResult> {
  if ((await deps.store.repos.programs.count()) > 0) {
    return { loaded: false, organisations: 0, activities: 0, participants: 0 };
  }
  return inOneTransaction(deps, async (tx) => {
    let organisations = 0;
    for (const org of DEMO_ORGANISATIONS) {
      if (await tx.store.repos.organisations.findByCode(org.code)) continue;
      // Parsed like any outside input: the demo set obeys the same rules as users' data.
      await createOrganisation(tx, organisationInputSchema.parse({ ...org, illustrative: org.illustrative ?? false }));
      organisations++;
    }
    const ids = new Map<string, number>();
    for (const input of DEMO_ACTIVITIES) {
      const activity = await createProgram(tx, programInputSchema.parse(input), { source: 'demo' });
      ids.set(activity.identifier, activity.id);
    }
    await tx.store.repos.exchangeRates.upsert(DEMO_EXCHANGE_RATES);
    const activityId = demoProgram(ids, DEMO_PARTICIPANTS.activityIdentifier);
    for (const p of DEMO_PARTICIPANTS.participants) await addParticipant(tx, activityId, participantInputSchema.parse(p));
    await loadDemoRequests(tx, ids);
    await loadDemoJourney(tx);
    const partnerships = await loadDemoPartnerships(tx);
    return {
      loaded: true,
      organisations,
      activities: DEMO_ACTIVITIES.length + 1 + partnerships.programs,
      participants: DEMO_PARTICIPANTS.participants.length,
    };
  });
}
