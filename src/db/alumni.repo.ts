/** The alumni directory (persons across programs) and the participant export, within an actor's scope. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { ALUMNI_STATUSES } from '../domain/participant/journey.js';
import type { AlumniFilter, AlumniRepository, AlumniScope, ParticipantExportFilter, PersonRecord } from '../services/alumni.ports.js';
import { num, organisationIdOf } from './sql-helpers.js';
import { preferSet, textSearch, type TextSearchTarget } from './text-search.js';
import type { Database, ParticipantsTable, ProgramsTable } from './schema.js';
import { readDataVersions, type CountCache } from './data-version.js';

/** What the directory is computed from: the alumni's records (not every nomination) and the programs. */
const ALUMNI_TOPICS = ['alumni', 'programs'] as const;
/** At most this many records read per step of the directory's walk in name order. */
const WALK_CHUNK = 500;
/** An agency's alumni are read as the set of its programs' records when they are under 1/50 of all alumni. */
const SCOPE_SET_RATIO = 50;
/** What an alumni search looks into: the name and the organisation (migration 20261207120000_other_list_indexes). */
const PARTICIPANT_TEXT: TextSearchTarget = {
  // The expression of the PostgreSQL trigram index, exactly.
  pgText: sql.raw(`lower(p.full_name || chr(31) || coalesce(p.organisation, ''))`),
  fts: { table: 'participants_fts', id: 'p.id' },
  columns: ['p.full_name', 'p.organisation'],
};

function base(db: Kysely<Database>) {
  return db
    .selectFrom('participants as p')
    .innerJoin('activities as a', 'a.id', 'p.activity_id')
    .leftJoin('organisations as o', 'o.id', 'a.implementing_org_id');
}

type Base = ReturnType<typeof base>;
/** Participant records alone, for the directory's walk and counts. */
function participantsOnly(db: Kysely<Database>) {
  return db.selectFrom('participants as p');
}

type AlumniRecords = ReturnType<typeof participantsOnly>;

function inScope(q: Base, scope: AlumniScope): Base {
  if (scope.kind === 'agency') return q.where(sql<boolean>`lower(o.code) = ${scope.org.toLowerCase()}`);
  if (scope.kind === 'nominator') return q.where(sql<boolean>`lower(p.nominated_by) = ${scope.org.toLowerCase()}`);
  return q;
}

const RECORD_COLUMNS = [
  'p.id as participant_id',
  'p.person_key',
  'p.activity_id',
  'a.identifier',
  'a.title_en',
  'a.title_id',
  'a.year',
  'o.code as implementing_org',
  'p.status',
  'p.full_name',
  'p.sex',
  'p.country_code',
  'p.organisation',
  'p.position',
  'p.email',
  'p.phone',
  'p.nominated_by',
  'p.consent_at',
  'p.erased_at',
] as const;

/** A row of RECORD_COLUMNS. */
type RecordRow = Pick<
  Selectable<ParticipantsTable>,
  | 'person_key'
  | 'activity_id'
  | 'status'
  | 'full_name'
  | 'sex'
  | 'country_code'
  | 'organisation'
  | 'position'
  | 'email'
  | 'phone'
  | 'nominated_by'
  | 'consent_at'
  | 'erased_at'
> &
  Pick<Selectable<ProgramsTable>, 'identifier' | 'title_en' | 'title_id' | 'year'> & {
    participant_id: number;
    implementing_org: string | null;
  };

function toRecord(r: RecordRow): PersonRecord {
  return {
    participantId: num(r.participant_id),
    personKey: r.person_key,
    activityId: num(r.activity_id),
    identifier: r.identifier,
    titleEn: r.title_en,
    titleId: r.title_id,
    year: r.year === null ? null : num(r.year),
    implementingOrg: r.implementing_org,
    status: r.status,
    fullName: r.full_name,
    sex: r.sex,
    country: r.country_code,
    organisation: r.organisation,
    position: r.position,
    email: r.email,
    phone: r.phone,
    nominatedBy: r.nominated_by,
    consentAt: r.consent_at,
    erasedAt: r.erased_at,
  };
}

export class AlumniRepo implements AlumniRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly counts?: CountCache,
  ) {}

  /**
   * The alumni records in scope matching the filter, from the participants alone (no join: the
   * walk and the counts read the alumni indexes): `counted` for the counts, `walked` for the walk
   * in name order. They differ in an agency's scope only: counted from the set of the agency's
   * programs' records (the programs' index, then the records'); walked in name order checking
   * each record's program, unless the agency's alumni are few beside all, where the set, sorted,
   * costs less.
   */
  private async selection(filter: AlumniFilter, versions?: string): Promise<{ counted: AlumniRecords; walked: AlumniRecords }> {
    // The condition of the partial indexes (migration 20261207120000), written as they are.
    const all = participantsOnly(this.db).where(sql<boolean>`p.status in ('attended', 'completed') and p.erased_at is null`);
    let counted = all;
    let walked = all;
    if (filter.scope.kind === 'agency') {
      const orgId = (await organisationIdOf(this.db, filter.scope.org)) ?? null;
      const asSet = sql<boolean>`p.activity_id in (select a.id from activities a where a.implementing_org_id = ${orgId})`;
      const [own, everyone] = await Promise.all([this.countRecords(all.where(asSet), versions), this.countRecords(all, versions)]);
      counted = counted.where(asSet);
      walked = walked.where(
        own * SCOPE_SET_RATIO < everyone
          ? asSet
          : sql<boolean>`exists (select 1 from activities a where a.id = p.activity_id and a.implementing_org_id = ${orgId})`,
      );
    }
    const narrow = (q: AlumniRecords) => {
      let out = q;
      if (filter.scope.kind === 'nominator') out = out.where(sql<boolean>`lower(p.nominated_by) = ${filter.scope.org.toLowerCase()}`);
      if (filter.country) out = out.where('p.country_code', '=', filter.country);
      return out;
    };
    counted = narrow(counted);
    walked = narrow(walked);
    if (filter.q) {
      // Text in the name or the organisation (db/text-search.ts), weighed against the others.
      const search = textSearch(this.db, PARTICIPANT_TEXT, filter.q);
      const [matching, left] = await Promise.all([
        this.countRecords(counted.where(search.asSet), versions),
        this.countRecords(counted, versions),
      ]);
      const text = preferSet(matching, left) ? search.asSet : search.byRow;
      counted = counted.where(text);
      walked = walked.where(text);
    }
    return { counted, walked };
  }

  private countRecords(q: AlumniRecords, versions?: string): Promise<number> {
    const query = q.select((eb) => eb.fn.countAll().as('n'));
    return this.counts ? this.counts.count(this.db, ALUMNI_TOPICS, query, versions) : query.executeTakeFirstOrThrow().then((r) => num(r.n));
  }

  /**
   * A page of persons in name order, from the alumni name index: the records are walked in
   * (name, person key, id) order, a chunk at a time from where the last one ended, and each
   * person is taken at its first record (its smallest name) until the page is full; pages stop
   * at MAX_LIST_DEPTH persons (the query schema refuses deeper ones). The total of persons is
   * counted once per data version.
   */
  async directory(
    filter: AlumniFilter,
    page: number,
    pageSize: number,
  ): Promise<{ persons: { personKey: string; records: PersonRecord[] }[]; total: number }> {
    // The data versions once for all of this page's counts.
    const versions = this.counts && !this.db.isTransaction ? await readDataVersions(this.db, ALUMNI_TOPICS) : undefined;
    const { counted, walked: alumni } = await this.selection(filter, versions);
    const totalQuery = this.db.selectFrom(counted.select('p.person_key').distinct().as('k')).select((eb) => eb.fn.countAll().as('n'));
    const total = this.counts
      ? await this.counts.count(this.db, ALUMNI_TOPICS, totalQuery, versions)
      : num((await totalQuery.executeTakeFirstOrThrow()).n);
    const wanted = page * pageSize;
    const keys: string[] = [];
    const seen = new Set<string>();
    let after: { name: string; key: string; id: number } | null = null;
    while (keys.length < wanted && (page - 1) * pageSize < total) {
      const position: { name: string; key: string; id: number } | null = after;
      // As many records as persons still wanted (a person has a record or a few), then more.
      const chunk = Math.min(WALK_CHUNK, wanted - keys.length + 5);
      const rows: { id: number; person_key: string; sort_name: string }[] = await alumni
        .select(['p.id', 'p.person_key', sql<string>`lower(p.full_name)`.as('sort_name')])
        .$if(position !== null, (q) =>
          q.where(sql<boolean>`(lower(p.full_name), p.person_key, p.id) > (${position?.name}, ${position?.key}, ${position?.id})`),
        )
        .orderBy(sql`lower(p.full_name)`)
        .orderBy('p.person_key')
        .orderBy('p.id')
        .limit(chunk)
        .execute();
      for (const r of rows) {
        if (seen.has(r.person_key)) continue;
        seen.add(r.person_key);
        keys.push(r.person_key);
      }
      const last: { id: number; person_key: string; sort_name: string } | undefined = rows[rows.length - 1];
      if (!last || rows.length < chunk) break;
      after = { name: last.sort_name, key: last.person_key, id: num(last.id) };
    }
    const personKeys = keys.slice((page - 1) * pageSize, wanted);
    if (personKeys.length === 0) return { persons: [], total };
    // All of these persons' records in scope (not only those matching the text or country).
    const rows = await inScope(base(this.db), filter.scope)
      .select(RECORD_COLUMNS)
      .where('p.person_key', 'in', personKeys)
      .where('p.status', 'in', [...ALUMNI_STATUSES])
      .where('p.erased_at', 'is', null)
      .orderBy('a.year')
      .orderBy('p.id')
      .execute();
    const byKey = new Map<string, PersonRecord[]>(personKeys.map((k) => [k, []]));
    for (const r of rows) byKey.get(r.person_key)?.push(toRecord(r));
    return { persons: personKeys.map((k) => ({ personKey: k, records: byKey.get(k) ?? [] })), total };
  }

  async personRecords(personKey: string, scope: AlumniScope): Promise<PersonRecord[]> {
    const rows = await inScope(base(this.db), scope)
      .select(RECORD_COLUMNS)
      .where('p.person_key', '=', personKey)
      .where('p.status', 'in', [...ALUMNI_STATUSES])
      .where('p.erased_at', 'is', null)
      .orderBy('a.year')
      .orderBy('p.id')
      .execute();
    return rows.map(toRecord);
  }

  async exportPage(filter: ParticipantExportFilter, afterId: number, limit: number): Promise<PersonRecord[]> {
    let q = inScope(base(this.db), filter.scope).select(RECORD_COLUMNS).where('p.id', '>', afterId);
    if (filter.activityId !== undefined) q = q.where('p.activity_id', '=', filter.activityId);
    if (filter.country) q = q.where('p.country_code', '=', filter.country);
    if (filter.status) q = q.where('p.status', '=', filter.status);
    if (filter.year !== undefined) q = q.where('a.year', '=', filter.year);
    const rows = await q.orderBy('p.id').limit(limit).execute();
    return rows.map(toRecord);
  }
}
