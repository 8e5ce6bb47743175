/**
 * Loads the demo data set into an empty registry, through the normal use cases: the real programs
 * of DOMAIN.md (Indonesia, Ministry of Foreign Affairs and line ministries, 2016–2018) and the
 * triangular partners of 2017.
 *
 * What the sources give is kept as given: titles, venues, dates, forms and the single recipient
 * of single-country programs of 2018, the 27 participants of the 2016 Entrepreneurship Boot Camp.
 * Everything else (the country lists of multi-country programs, participant counts per program,
 * implementers and dates of 2016, budgets, unit costs, the programs of 2017, participant names) is
 * chosen to be plausible and marked `illustrative: true`. The 2018 figures are chosen so that the
 * year adds up to the reported total: 14 programs, 384 participants from 53 countries.
 *
 * The set is held by what it is: demo-organisations.ts, demo-programs-2016.ts, -2017.ts and
 * -2018.ts, demo-participants.ts, demo-money.ts (budgets, expenditure, exchange rates, unit costs); and the
 * accounts, requests, participant journey and partnerships that follow (demo-accounts.ts,
 * demo-requests.ts, demo-journey.ts, demo-partnerships.ts), the completion and evaluation records of three
 * programs (demo-completion.ts), and the results frameworks of four programs, all values illustrative
 * (demo-results.ts).
 */
import { loadDemoSignOffs } from './demo-sign-offs.js';
import { programInputSchema } from '../../domain/program/program.schema.js';
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../../domain/participant/participant.schema.js';
import { unitCostInputSchema } from '../../domain/finance/unit-costs.js';
import { createProgram } from '../programs.js';
import { createOrganisation } from '../organisations.js';
import { addParticipant } from '../participants.js';
import { setUnitCosts } from '../money.js';
import { inOneTransaction, type ServiceDeps } from '../deps.js';
import { DEMO_EXCHANGE_RATES, DEMO_UNIT_COSTS } from './demo-money.js';
import { DEMO_ORGANISATIONS } from './demo-organisations.js';
import { DEMO_PARTICIPANTS } from './demo-participants.js';
import { DEMO_PROGRAMS_2016 } from './demo-programs-2016.js';
import { DEMO_PROGRAMS_2017 } from './demo-programs-2017.js';
import { DEMO_PROGRAMS_2018 } from './demo-programs-2018.js';
import { demoProgram, loadDemoRequests } from './demo-requests.js';
import { loadDemoJourney } from './demo-journey.js';
import { loadDemoPartnerships } from './demo-partnerships.js';
import { loadDemoCompletions } from './demo-completion.js';
import { loadDemoResults } from './demo-results.js';

/** The programs, created in this order: 2016, 2017, 2018. */
const DEMO_PROGRAMS = [...DEMO_PROGRAMS_2016, ...DEMO_PROGRAMS_2017, ...DEMO_PROGRAMS_2018];

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
    for (const input of DEMO_PROGRAMS) {
      const activity = await createProgram(tx, programInputSchema.parse(input), { source: 'demo' });
      ids.set(activity.identifier, activity.id);
    }
    await tx.store.repos.exchangeRates.upsert(DEMO_EXCHANGE_RATES);
    await setUnitCosts(
      tx,
      DEMO_UNIT_COSTS.map((u) => unitCostInputSchema.parse(u)),
    );
    const activityId = demoProgram(ids, DEMO_PARTICIPANTS.activityIdentifier);
    for (const p of DEMO_PARTICIPANTS.participants) await addParticipant(tx, activityId, participantInputSchema.parse(p));
    await loadDemoResults(tx, ids);
    await loadDemoRequests(tx, ids);
    await loadDemoJourney(tx);
    await loadDemoSignOffs(tx);
    const partnerships = await loadDemoPartnerships(tx);
    await loadDemoCompletions(tx, ids);
    return {
      loaded: true,
      organisations,
      activities: DEMO_PROGRAMS.length + 1 + partnerships.programs,
      participants: DEMO_PARTICIPANTS.participants.length,
    };
  });
}
