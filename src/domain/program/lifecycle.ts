/**
 * The assistance process as a state machine (Government Regulation 48/2018 on grants to foreign
 * governments, as the coordination team runs it): request → assessment → approved (in the annual
 * plan) → funded → implementation → completed (report submitted) → evaluated, with rejection
 * and cancellation from the open stages. Each transition names the roles allowed to make it.
 */
import { defineCodeSet } from '../code-set.js';
import type { ActivityStatus, LifecycleStage } from '../codes.js';
import { ForbiddenError, InvalidError, InvalidTransitionError } from '../errors.js';
import type { Actor, Role } from '../access/actor.js';
import { isOwnProgram, requireSignedIn } from '../access/policy.js';

export const transitionActions = defineCodeSet({
  submit: { en: 'Submit for assessment', id: 'Ajukan untuk penilaian' },
  return: { en: 'Return for revision', id: 'Kembalikan untuk perbaikan' },
  approve: { en: 'Approve (annual plan)', id: 'Setujui (rencana tahunan)' },
  reject: { en: 'Reject', id: 'Tolak' },
  fund: { en: 'Mark funded', id: 'Tandai didanai' },
  start: { en: 'Start implementation', id: 'Mulai pelaksanaan' },
  complete: { en: 'Complete (report submitted)', id: 'Selesaikan (laporan diserahkan)' },
  evaluate: { en: 'Record evaluation', id: 'Catat evaluasi' },
  cancel: { en: 'Cancel', id: 'Batalkan' },
});
export type TransitionAction = (typeof transitionActions.codes)[number];

/** Who may make a transition: roles, and whether an agency may for its own programs. */
interface Rule {
  readonly from: readonly LifecycleStage[];
  readonly to: LifecycleStage;
  readonly roles: readonly Role[];
  /** The implementing agency may make it for its own programs. */
  readonly ownAgency: boolean;
  readonly commentRequired: boolean;
}

export const OPEN_STAGES: readonly LifecycleStage[] = ['request', 'assessment', 'approved', 'funded', 'implementation'];
const COORDINATION: readonly Role[] = ['admin', 'coordinator'];

export const TRANSITIONS: Readonly<Record<TransitionAction, Rule>> = {
  submit: {
    from: ['request'],
    to: 'assessment',
    roles: [...COORDINATION, 'embassy', 'focal_point'],
    ownAgency: true,
    commentRequired: false,
  },
  return: { from: ['assessment'], to: 'request', roles: COORDINATION, ownAgency: false, commentRequired: true },
  approve: { from: ['assessment'], to: 'approved', roles: COORDINATION, ownAgency: false, commentRequired: false },
  reject: { from: ['assessment'], to: 'rejected', roles: COORDINATION, ownAgency: false, commentRequired: true },
  fund: { from: ['approved'], to: 'funded', roles: COORDINATION, ownAgency: false, commentRequired: false },
  start: { from: ['funded'], to: 'implementation', roles: COORDINATION, ownAgency: true, commentRequired: false },
  complete: { from: ['implementation'], to: 'completed', roles: COORDINATION, ownAgency: true, commentRequired: false },
  evaluate: { from: ['completed'], to: 'evaluated', roles: COORDINATION, ownAgency: false, commentRequired: false },
  cancel: { from: OPEN_STAGES, to: 'cancelled', roles: COORDINATION, ownAgency: true, commentRequired: true },
};

export interface TransitionProgram {
  readonly lifecycleStage: LifecycleStage;
  readonly implementingOrg: string | null;
}

function mayMake(actor: Actor, rule: Rule, program: TransitionProgram): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (rule.roles.includes(actor.role)) return true;
  return rule.ownAgency && actor.role === 'agency' && isOwnProgram(actor, program.implementingOrg);
}

/** The transitions this actor may make on this program now (for the buttons on its page). */
export function availableTransitions(actor: Actor, program: TransitionProgram): TransitionAction[] {
  return transitionActions.codes.filter((action) => {
    const rule = TRANSITIONS[action];
    return rule.from.includes(program.lifecycleStage) && mayMake(actor, rule, program);
  });
}

/**
 * Checks a transition and returns the stage it leads to. Throws InvalidTransitionError when the
 * program is not in a stage it starts from, ForbiddenError when the role may not make it, and
 * InvalidError when a required comment is missing.
 */
export function planTransition(actor: Actor, program: TransitionProgram, action: TransitionAction, comment: string | null): LifecycleStage {
  requireSignedIn(actor);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(program.lifecycleStage)) {
    throw new InvalidTransitionError(
      'activity.invalid_transition',
      `cannot ${action} a program in stage "${program.lifecycleStage}" (it must be ${rule.from.join(' or ')})`,
    );
  }
  if (!mayMake(actor, rule, program)) {
    throw new ForbiddenError('activity.transition_forbidden', `your role may not ${action} this program`);
  }
  if (rule.commentRequired && !comment?.trim()) {
    throw new InvalidError('activity.comment_required', `a comment is required to ${action} a program`, [
      { path: 'comment', code: 'required', message: `say why the program is ${rule.to === 'request' ? 'returned' : rule.to}` },
    ]);
  }
  return rule.to;
}

/**
 * The stage of a program registered from a spreadsheet or an IATI file without one, read from its
 * IATI status, so that the status then follows the stage unchanged (STATUS_OF_STAGE in
 * stage-status.ts): a program under way (or suspended in it) is in implementation, a finalising
 * one completed, a closed one evaluated, a cancelled one cancelled; a planned one stays a request.
 */
export function stageOfStatus(status: ActivityStatus): LifecycleStage {
  switch (status) {
    case 'implementation':
    case 'suspended':
      return 'implementation';
    case 'finalisation':
      return 'completed';
    case 'closed':
      return 'evaluated';
    case 'cancelled':
      return 'cancelled';
    case 'pipeline':
      return 'request';
  }
}
