/**
 * The alumni directory: persons (one person key across programs) who attended or completed a
 * program, per country, for the roles that may see personal data (docs/privacy.md). What each
 * role sees is limited record by record: the coordination team all, an agency the alumni of its
 * own programs, an embassy or a focal point the alumni it nominated.
 */
import { actorHasRole, actorOrg, authorizePersonalDataList, canSeePersonalData, isCoordinationTeam } from '../domain/access/policy.js';
import type { Actor } from '../domain/access/actor.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { AlumniScope, ParticipantExportFilter, PersonRecord } from './alumni.ports.js';
import type { Deps } from './deps.js';

/** The records an actor may see the personal data of, as a filter the repository applies. */
export function scopeOf(actor: Actor): AlumniScope {
  authorizePersonalDataList(actor);
  if (isCoordinationTeam(actor)) return { kind: 'all' };
  const org = actorOrg(actor);
  if (!org) throw new ForbiddenError('personal_data.no_organisation', 'your account has no organisation: ask an administrator');
  return actorHasRole(actor, 'agency') ? { kind: 'agency', org } : { kind: 'nominator', org };
}

/** The same rule record by record (the repository's scope already applies it; this is the check). */
function visible(actor: Actor, r: PersonRecord): boolean {
  return canSeePersonalData(actor, { implementingOrg: r.implementingOrg }, r.nominatedBy);
}

export interface AlumnusProgram extends Pick<PersonRecord, 'participantId' | 'activityId' | 'identifier' | 'titleEn' | 'titleId' | 'year'> {
  readonly status: string;
}

export interface Alumnus {
  /** A participant id of the person (their latest record): the address of the person's page. */
  readonly id: number;
  readonly fullName: string;
  readonly country: string;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly email: string | null;
  readonly programs: readonly AlumnusProgram[];
}

function alumnusOf(records: readonly PersonRecord[]): Alumnus | undefined {
  const latest = records[records.length - 1];
  if (!latest) return undefined;
  return {
    id: latest.participantId,
    fullName: latest.fullName,
    country: latest.country,
    organisation: latest.organisation,
    position: latest.position,
    email: latest.email,
    programs: records.map((r) => ({
      participantId: r.participantId,
      activityId: r.activityId,
      identifier: r.identifier,
      titleEn: r.titleEn,
      titleId: r.titleId,
      year: r.year,
      status: r.status,
    })),
  };
}

export interface DirectoryQuery {
  readonly country?: string;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

export async function alumniDirectory(
  deps: Deps<'alumni'>,
  query: DirectoryQuery,
): Promise<{ items: Alumnus[]; total: number; page: number; pageSize: number }> {
  const scope = scopeOf(deps.actor);
  const { persons, total } = await deps.store.repos.alumni.directory(
    { country: query.country, q: query.q, scope },
    query.page,
    query.pageSize,
  );
  const items = persons.map((p) => alumnusOf(p.records.filter((r) => visible(deps.actor, r)))).filter((a): a is Alumnus => !!a);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** A person's page: the programs they took part in across the years (those the actor may see). */
export async function alumnus(deps: Deps<'participants' | 'alumni'>, participantId: number): Promise<Alumnus> {
  const scope = scopeOf(deps.actor);
  const notFound = () => new NotFoundError('alumni.not_found', `no alumnus with record ${participantId} that you may see`);
  const record = await deps.store.repos.participants.findById(participantId);
  if (!record || record.erasedAt) throw notFound();
  const records = (await deps.store.repos.alumni.personRecords(record.personKey, scope)).filter((r) => visible(deps.actor, r));
  const person = alumnusOf(records);
  if (!person || !records.some((r) => r.participantId === participantId)) throw notFound();
  return person;
}

export const PARTICIPANT_EXPORT_COLUMNS = [
  'participant_id',
  'program_identifier',
  'program_title',
  'year',
  'status',
  'full_name',
  'sex',
  'country',
  'organisation',
  'position',
  'email',
  'phone',
  'nominated_by',
  'consent_at',
  'erased_at',
] as const;

const EXPORT_CHUNK = 1000;

/**
 * Participants with their personal data, for the roles allowed and only the records each may
 * see, in chunks of rows (the server and the CLI write them as CSV or XLSX). Authorises before
 * returning, so a refusal comes before any byte of a download.
 */
export function exportParticipants(
  deps: Deps<'alumni'>,
  filter: Omit<ParticipantExportFilter, 'scope'>,
): AsyncIterable<(string | number)[][]> {
  const scope = scopeOf(deps.actor);
  return (async function* () {
    let after = 0;
    for (;;) {
      const page = await deps.store.repos.alumni.exportPage({ ...filter, scope }, after, EXPORT_CHUNK);
      if (page.length === 0) return;
      after = page[page.length - 1]?.participantId ?? after;
      yield page
        .filter((r) => visible(deps.actor, r))
        .map((r) => [
          r.participantId,
          r.identifier,
          r.titleEn ?? r.titleId ?? '',
          r.year ?? '',
          r.status,
          r.fullName,
          r.sex,
          r.country,
          r.organisation ?? '',
          r.position ?? '',
          r.email ?? '',
          r.phone ?? '',
          r.nominatedBy ?? '',
          r.consentAt ?? '',
          r.erasedAt ?? '',
        ]);
      if (page.length < EXPORT_CHUNK) return;
    }
  })();
}
