/**
 * Access requests (UU PDP, UU No. 27/2022, Art. 7: a data subject may access and obtain a copy of
 * their personal data; docs/privacy.md): the coordination team finds the person by one of their
 * participant records, their email or their person key, and gets everything Mitra holds keyed
 * to them, over every program. Each export is audited (who asked, about which records, how
 * many items of each kind — never the values).
 */
import { authorizeErasure } from '../domain/access/policy.js';
import { NotFoundError } from '../domain/errors.js';
import {
  ACCESS_RIGHT_CITATION,
  consentsOf,
  exportCounts,
  type PersonalDataExport,
  type PersonLookup,
} from '../domain/personal-data/access.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';

export type AccessDeps = Deps<'personalData' | 'audit'>;

async function personKeyOf(repos: Repos<'personalData'>, lookup: PersonLookup): Promise<string> {
  if ('personKey' in lookup) return lookup.personKey;
  if ('participantId' in lookup) {
    const key = await repos.personalData.personKeyOf(lookup.participantId);
    if (key) return key;
    throw new NotFoundError('participant.not_found', `no participant with id ${lookup.participantId}`);
  }
  const keys = await repos.personalData.personKeysOfEmail(lookup.email);
  // One email is one person key (personKey() keys by email first); two only if a record's email changed later.
  const [key] = keys;
  if (key) return key;
  throw new NotFoundError('personal_data.person_not_found', 'no participant record has this email');
}

/**
 * Everything held about one person. Same rule as erasure: the coordination team answers
 * access requests (they see every program's records; an agency sees only its own).
 */
export async function exportPersonalData(deps: AccessDeps, lookup: PersonLookup, format: 'json' | 'pdf'): Promise<PersonalDataExport> {
  authorizeErasure(deps.actor);
  return deps.store.transaction(async (repos) => {
    const personKey = await personKeyOf(repos, lookup);
    const participants = await repos.personalData.participantsOf(personKey);
    const [first] = participants;
    if (!first) throw new NotFoundError('personal_data.person_not_found', 'no participant record has this person key');
    const emails = [...new Set(participants.flatMap((p) => (p.email ? [p.email.toLowerCase()] : [])))];
    const holdings = await repos.personalData.holdingsOf(
      participants.map((p) => p.id),
      emails,
    );
    const result: PersonalDataExport = {
      generatedAt: deps.clock.nowIso(),
      law: ACCESS_RIGHT_CITATION,
      personKey,
      participants,
      consents: consentsOf(participants),
      ...holdings,
    };
    const counts = exportCounts(result);
    await audit(deps, repos, {
      action: 'create',
      entity: 'personal_data',
      entityId: first.id,
      entityLabel: `access request #${first.id}`,
      changes: {
        format: { before: null, after: format },
        records: { before: null, after: participants.map((p) => p.id) },
        ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { before: null, after: n }])),
      },
      comment: `personal data exported (${ACCESS_RIGHT_CITATION})`,
    });
    return result;
  });
}

export interface PersonFound {
  readonly personKey: string;
  readonly records: readonly { participantId: number; activityId: number; fullName: string; status: string; erasedAt: string | null }[];
}

/** Finds the person of an access request and lists their records (before the export is made). */
export async function findPerson(deps: Deps<'personalData'>, lookup: PersonLookup): Promise<PersonFound> {
  authorizeErasure(deps.actor);
  const personKey = await personKeyOf(deps.store.repos, lookup);
  const participants = await deps.store.repos.personalData.participantsOf(personKey);
  if (participants.length === 0) throw new NotFoundError('personal_data.person_not_found', 'no participant record has this person key');
  return {
    personKey,
    records: participants.map((p) => ({
      participantId: p.id,
      activityId: p.activityId,
      fullName: p.fullName,
      status: p.status,
      erasedAt: p.erasedAt,
    })),
  };
}
