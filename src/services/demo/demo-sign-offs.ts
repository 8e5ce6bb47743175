/**
 * The coordination ministries' sign-offs (docs/sign-offs.md) on a few 2016–2018 demo programs,
 * as they would have been recorded at assessment and funding. The sources give no opinions or
 * dates, so every one is illustrative: the signer's label says so.
 */
import type { SignOff, SignOffOpinion, SignOffStep } from '../../domain/sign-off/sign-off.js';
import type { Deps } from '../deps.js';

export const DEMO_SIGN_OFF_LABEL = 'demo (illustrative)';

type DemoSignOff = readonly [SignOffStep, string, SignOffOpinion, string | null, string];

const ASSESSED = (year: number, conditions: string | null): DemoSignOff[] => [
  ['assessment', 'ID-KEMLU', 'agree', null, `${year - 1}-11-06T03:00:00.000Z`],
  ['assessment', 'ID-KEMENSETNEG', 'agree', null, `${year - 1}-11-07T03:00:00.000Z`],
  ['assessment', 'ID-BAPPENAS', conditions ? 'agree_with_conditions' : 'agree', conditions, `${year - 1}-11-09T03:00:00.000Z`],
  ['assessment', 'ID-KEMENKEU', 'agree', null, `${year - 1}-11-10T03:00:00.000Z`],
  ['funding', 'ID-BAPPENAS', 'agree', null, `${year}-01-12T03:00:00.000Z`],
  ['funding', 'ID-KEMENKEU', 'agree', null, `${year}-01-15T03:00:00.000Z`],
];

export const DEMO_SIGN_OFFS: readonly { identifier: string; signOffs: readonly DemoSignOff[] }[] = [
  { identifier: 'ID-KEMENSETNEG-2016-01', signOffs: ASSESSED(2016, null) },
  { identifier: 'ID-KEMLU-2017-01', signOffs: ASSESSED(2017, 'Within the ceiling of the 2017 annual plan') },
  { identifier: 'ID-KEMLU-2018-06', signOffs: ASSESSED(2018, 'Participants from the Pacific first, as in the 2018 priorities') },
];

/** Records the demo sign-offs of the programs present (the demo loader, in its transaction). */
export async function loadDemoSignOffs(deps: Deps<'programs' | 'signOffs'>): Promise<number> {
  let recorded = 0;
  for (const demo of DEMO_SIGN_OFFS) {
    const program = await deps.store.repos.programs.findByIdentifier(demo.identifier);
    if (!program) continue;
    for (const [step, orgCode, opinion, comment, signedAt] of demo.signOffs) {
      const signOff: SignOff = {
        activityId: program.id,
        step,
        orgCode,
        opinion,
        comment,
        signedByUserId: null,
        signedByLabel: DEMO_SIGN_OFF_LABEL,
        signedAt,
      };
      await deps.store.repos.signOffs.record(signOff);
      recorded++;
    }
  }
  return recorded;
}
