/**
 * Tests that approve or fund a program first need the coordination ministries' sign-offs
 * (services/sign-offs.ts). This records an agreement of every ministry the rules require at a
 * step, straight through the repository (as a fixture: the ministries' own accounts and their
 * authorisation are tested in src/server/sign-offs.int.test.ts).
 */
import type { SignOffStep } from '../domain/sign-off/sign-off.js';
import type { ServiceDeps } from '../services/deps.js';

export async function signOffAll(
  deps: Pick<ServiceDeps, 'store'>,
  activityId: number,
  step: SignOffStep,
  at = '2026-11-28T09:00:00.000Z',
): Promise<void> {
  const repos = deps.store.repos;
  // A test of an unknown program's transition (404) has nothing to sign.
  if (!(await repos.programs.findById(activityId))) return;
  for (const rule of (await repos.signOffs.listRules()).filter((r) => r.step === step && r.required)) {
    await repos.signOffs.record({
      activityId,
      step,
      orgCode: rule.orgCode,
      opinion: 'agree',
      comment: null,
      signedByUserId: null,
      signedByLabel: `test:${rule.orgCode}`,
      signedAt: at,
    });
  }
}

/** Both steps: the assessment round (before `approve`) and the funding round (before `fund`). */
export async function signOffBoth(deps: Pick<ServiceDeps, 'store'>, activityId: number): Promise<void> {
  await signOffAll(deps, activityId, 'assessment');
  await signOffAll(deps, activityId, 'funding');
}

/** Before a transition in a test: the sign-offs `approve` or `fund` waits for (nothing for the others). */
export async function signOffFor(deps: Pick<ServiceDeps, 'store'>, activityId: number, action: string): Promise<void> {
  if (action === 'approve') await signOffAll(deps, activityId, 'assessment');
  if (action === 'fund') await signOffAll(deps, activityId, 'funding');
}
