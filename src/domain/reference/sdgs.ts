import { SDG_GOAL_RECORDS, SDG_TARGET_RECORDS } from './data/sdgs.js';
import type { SdgGoalRecord, SdgTargetRecord } from './types.js';

const targets = new Map(SDG_TARGET_RECORDS.map((t) => [t.target, t]));

export function listSdgGoals(): readonly SdgGoalRecord[] {
  return SDG_GOAL_RECORDS;
}

export function listSdgTargets(): readonly SdgTargetRecord[] {
  return SDG_TARGET_RECORDS;
}

export function isSdgGoal(goal: number): boolean {
  return Number.isInteger(goal) && goal >= 1 && goal <= SDG_GOAL_RECORDS.length;
}

export function getSdgTarget(code: string): SdgTargetRecord | undefined {
  return targets.get(code.toLowerCase());
}

export interface SdgTag {
  readonly goal: number;
  /** "8.3", or null when a program is tagged with the goal only. */
  readonly target: string | null;
}

/** Reads "8", "SDG 8", "8.3", "1.a" into a goal/target tag; undefined when it is not an SDG. */
export function parseSdgTag(input: string): SdgTag | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^(sdgs?|tpb)\s*/, '');
  if (/^\d{1,2}$/.test(text)) {
    const goal = Number(text);
    return isSdgGoal(goal) ? { goal, target: null } : undefined;
  }
  const target = getSdgTarget(text);
  return target ? { goal: target.goal, target: target.target } : undefined;
}
