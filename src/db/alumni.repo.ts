/** The alumni directory (persons across programs) and the participant export, within an actor's scope. */
import { sql, type Kysely } from 'kysely';
import type { ParticipantStatus, Sex } from '../domain/codes.js';
import { ALUMNI_STATUSES } from '../domain/participant/journey.js';
import type { AlumniFilter, AlumniRepository, AlumniScope, ParticipantExportFilter, PersonRecord } from '../services/alumni.ports.js';
import { likePattern, num } from './sql-helpers.js';
import type { Database } from './schema.js';

function base(db: Kysely<Database>) {
  return db
    .selectFrom('participants as p')
    .innerJoin('activities as a', 'a.id', 'p.activity_id')
    .leftJoin('organisations as o', 'o.id', 'a.implementing_org_id');
}

type Base = ReturnType<typeof base>;

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

interface RecordRow {
  participant_id: number;
  person_key: string;
  activity_id: number;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  year: number | null;
  implementing_org: string | null;
  status: string;
  full_name: string;
  sex: string;
  country_code: string;
  organisation: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  nominated_by: string | null;
  consent_at: string | null;
  erased_at: string | null;
}

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
    status: r.status as ParticipantStatus,
    fullName: r.full_name,
    sex: r.sex as Sex,
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
  constructor(private readonly db: Kysely<Database>) {}

  private alumni(filter: AlumniFilter): Base {
    let q = inScope(base(this.db), filter.scope).where('p.status', 'in', [...ALUMNI_STATUSES]).where('p.erased_at', 'is', null);
    if (filter.country) q = q.where('p.country_code', '=', filter.country);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      q = q.where((eb) =>
        eb.or([
          eb(sql`lower(p.full_name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(p.organisation, ''))`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    return q;
  }

  async directory(filter: AlumniFilter, page: number, pageSize: number): Promise<{ persons: { personKey: string; records: PersonRecord[] }[]; total: number }> {
    const keys = this.alumni(filter).select('p.person_key').groupBy('p.person_key');
    const [pageRows, total] = await Promise.all([
      keys
        .select(sql<string>`min(lower(p.full_name))`.as('sort_name'))
        .orderBy('sort_name')
        .orderBy('p.person_key')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db
        .selectFrom(keys.as('k'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    const personKeys = pageRows.map((r) => r.person_key);
    if (personKeys.length === 0) return { persons: [], total: num(total.n) };
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
    for (const r of rows) byKey.get(r.person_key)?.push(toRecord(r as RecordRow));
    return { persons: personKeys.map((k) => ({ personKey: k, records: byKey.get(k) ?? [] })), total: num(total.n) };
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
    return rows.map((r) => toRecord(r as RecordRow));
  }

  async exportPage(filter: ParticipantExportFilter, afterId: number, limit: number): Promise<PersonRecord[]> {
    let q = inScope(base(this.db), filter.scope).select(RECORD_COLUMNS).where('p.id', '>', afterId);
    if (filter.activityId !== undefined) q = q.where('p.activity_id', '=', filter.activityId);
    if (filter.country) q = q.where('p.country_code', '=', filter.country);
    if (filter.status) q = q.where('p.status', '=', filter.status);
    if (filter.year !== undefined) q = q.where('a.year', '=', filter.year);
    const rows = await q.orderBy('p.id').limit(limit).execute();
    return rows.map((r) => toRecord(r as RecordRow));
  }
}
