/**
 * Retention rules applied (docs/privacy.md; UU PDP, UU No. 27/2022, deletion at the end of the
 * retention period): each enabled rule makes due the data of its category whose program ended at
 * least its months ago. The dry run lists what is due (record, category, reason, due date); the
 * run deletes exactly that list, in one transaction, with an audit entry per record and category
 * (what went, never its values). Statuses, sex, country and programs stay, so no report figure
 * changes. The background jobs run it daily (background-jobs.ts); `mitra personal-data retention`.
 */
import { authorizeDataProtection, authorizeRetentionWrite } from '../domain/access/policy.js';
import { actorUserId } from '../domain/access/actor.js';
import { scrubChanges, scrubComment } from '../domain/alumni/privacy.js';
import { withoutTextAnswers } from '../domain/alumni/survey.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { personKey } from '../domain/participant/participant.js';
import {
  addMonths,
  RETENTION_CATEGORIES,
  retentionCutoff,
  retentionReason,
  type RetentionCategory,
  type RetentionItem,
  type RetentionRule,
  type RetentionRuleChange,
} from '../domain/personal-data/retention.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import { eraseOne } from './privacy.js';

type PlanRepos = Repos<'retention' | 'surveys'>;
type ApplyRepos = Repos<'retention' | 'surveys' | 'participants' | 'programs' | 'privacy' | 'audit'>;
export type RetentionDeps = Deps<'retention' | 'surveys' | 'participants' | 'programs' | 'privacy' | 'audit'>;

export interface RetentionReport {
  readonly today: string;
  readonly items: readonly RetentionItem[];
}

export async function listRetentionRules(deps: Deps<'retention'>): Promise<RetentionRule[]> {
  authorizeDataProtection(deps.actor);
  return deps.store.repos.retention.listRules();
}

export async function changeRetentionRule(
  deps: Deps<'retention' | 'audit'>,
  category: string,
  change: RetentionRuleChange,
  options: { readonly expectedVersion?: number } = {},
): Promise<RetentionRule> {
  authorizeRetentionWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = (await repos.retention.listRules()).find((r) => r.category === category);
    if (!current)
      throw new NotFoundError('retention_rule.not_found', `no retention rule "${category}" (rules: ${RETENTION_CATEGORIES.join(', ')})`);
    const stale = (now: number) =>
      new ConflictError(
        'retention_rule.stale',
        `the rule ${category} was changed (now at version ${now}); reload it and decide again`,
        [],
        {
          details: { currentVersion: now, yourVersion: options.expectedVersion ?? current.version },
        },
      );
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw stale(current.version);
    const next = { months: change.months ?? current.months, enabled: change.enabled ?? current.enabled };
    if (!(await repos.retention.updateRule(current.category, current.version, next, actorUserId(deps.actor), deps.clock.nowIso())))
      throw stale(current.version + 1);
    const updated = (await repos.retention.listRules()).find((r) => r.category === category) ?? current;
    await audit(deps, repos, {
      action: 'update',
      entity: 'retention_rule',
      entityId: category,
      entityLabel: updated.labelEn,
      entityVersion: updated.version,
      changes: diffRecords({ months: current.months, enabled: current.enabled }, next),
    });
    return updated;
  });
}

/** What the enabled rules make due today, rule by rule in the order of RETENTION_CATEGORIES. */
async function planOf(repos: PlanRepos, today: string): Promise<RetentionItem[]> {
  const rules = new Map((await repos.retention.listRules()).map((r) => [r.category, r]));
  const questions = new Map((await repos.surveys.list()).map((s) => [s.id, s.questions]));
  const items: RetentionItem[] = [];
  for (const category of RETENTION_CATEGORIES) {
    const rule = rules.get(category);
    if (!rule?.enabled) continue;
    for (const c of await repos.retention.candidates(category, retentionCutoff(today, rule.months))) {
      // An answer set without free text has nothing to delete (its counted answers stay).
      if (category === 'survey_text') {
        const answers = c.answers ?? {};
        const kept = withoutTextAnswers(questions.get(c.surveyId ?? 0) ?? [], answers);
        if (Object.keys(kept).length === Object.keys(answers).length) continue;
      }
      items.push({
        category,
        participantId: c.participantId,
        targetId: c.targetId,
        record: `${c.identifier} #${c.participantId}`,
        programEnd: c.programEnd,
        dueDate: addMonths(c.programEnd, rule.months),
        reason: retentionReason(rule, c.programEnd),
      });
    }
  }
  return items;
}

const todayOf = (deps: Acting, today?: string) => today ?? deps.clock.nowIso().slice(0, 10);

/** The dry run: what a run today would delete. */
export async function retentionDue(deps: Deps<'retention' | 'surveys'>, today?: string): Promise<RetentionReport> {
  authorizeDataProtection(deps.actor);
  const day = todayOf(deps, today);
  return { today: day, items: await planOf(deps.store.repos, day) };
}

async function clearContactOf(deps: Acting, repos: ApplyRepos, participantId: number): Promise<void> {
  const p = await repos.participants.findById(participantId);
  if (!p) return;
  const secrets = [p.email, p.phone].filter((s): s is string => !!s);
  // The person key held the email: the record keeps a key by name and country.
  await repos.retention.clearContact(p.id, personKey({ email: null, fullName: p.fullName, country: p.country }), deps.clock.nowIso());
  const entries = await repos.privacy.auditEntriesOf(p.id, secrets);
  await repos.privacy.scrubAudit(
    p.id,
    entries.map((e) => ({
      id: e.id,
      changes: scrubChanges(e.changes, secrets, { personalFields: false }),
      entityLabel: scrubComment(e.entityLabel, secrets),
      comment: scrubComment(e.comment, secrets),
    })),
    deps.clock.nowIso(),
  );
}

async function applyCategory(deps: Acting, repos: ApplyRepos, category: RetentionCategory, items: readonly RetentionItem[]): Promise<void> {
  const ids = items.map((i) => i.targetId);
  if (category === 'cv' || category === 'letter') await repos.retention.deleteDocuments(ids);
  if (category === 'mail') await repos.retention.deleteMail(ids);
  if (category === 'survey_text') {
    const questions = new Map((await repos.surveys.list()).map((s) => [s.id, s.questions]));
    for (const inv of await repos.surveys.invitationsOfParticipants(items.map((i) => i.participantId))) {
      if (!ids.includes(inv.id) || !inv.answers) continue;
      await repos.surveys.replaceAnswers(inv.id, withoutTextAnswers(questions.get(inv.surveyId) ?? [], inv.answers));
    }
  }
  if (category === 'contact') for (const i of items) await clearContactOf(deps, repos, i.participantId);
  if (category === 'identity')
    for (const i of items) {
      const p = await repos.participants.findById(i.participantId);
      if (p && !p.erasedAt) await eraseOne(deps, repos, p, i.reason);
    }
}

/** Deletes what is due today (the dry run's list) in one transaction; audited per record and category. */
export async function applyRetention(deps: RetentionDeps, today?: string): Promise<RetentionReport> {
  authorizeRetentionWrite(deps.actor);
  const day = todayOf(deps, today);
  return deps.store.transaction(async (repos) => {
    const items = await planOf(repos, day);
    for (const category of RETENTION_CATEGORIES) {
      const due = items.filter((i) => i.category === category);
      if (due.length === 0) continue;
      await applyCategory(deps, repos, category, due);
      // Identity erasures write their own entries (services/privacy.ts); the others one per record.
      if (category === 'identity') continue;
      for (const participantId of new Set(due.map((i) => i.participantId))) {
        const mine = due.filter((i) => i.participantId === participantId);
        const [first] = mine;
        await audit(deps, repos, {
          action: 'update',
          entity: 'participant',
          entityId: participantId,
          entityLabel: first?.record ?? null,
          changes: { [`retention.${category}`]: { before: mine.length, after: 0 } },
          comment: first?.reason ?? null,
        });
      }
    }
    return { today: day, items };
  });
}
