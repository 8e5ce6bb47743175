/**
 * Summary tables of the analytics, so that trends and priorities over ten years of a national
 * registry are a few hundred rows to add up, not millions:
 *
 * - analytics_cube: programs and participants per (year, lifecycle stage, dimension, key).
 *   Dimensions: all (key ''), modality, area, coop (cooperation type), region, country,
 *   group (built-in groupings with the year's membership) and list (custom country lists).
 *   A program counts once per key it touches (a program with two Pacific recipients is one
 *   PIF program); its participants are those counted in the key's countries.
 * - spend_facts: a program's spent amounts per currency and the dates of the exchange rates in
 *   force on their value dates (the latest rate on or before; '' when there is none, and then
 *   the value day is kept so that the missing amount can be dated).
 * - spending_cube: spend_facts summed per (year, stage, dimension all|modality|area, key).
 *
 * All three are kept in the same transaction as every write: the report-fact refresh subtracts
 * a program's old contribution (read from its old facts) and adds the new one; a change of a
 * custom list recomputes that list's rows; a change of exchange rates recomputes the spending
 * tables. rebuildAnalytics() recomputes everything from the facts (migration, tests).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { GROUP_CODES } from '../domain/reference/types.js';
import { groupMembersInYear } from '../domain/reference/groupings.js';
import { num } from './sql-helpers.js';
import type {
  AnalyticsCubeTable,
  CubeDim,
  Database,
  ProgramCountryFactsTable,
  ProgramFactsTable,
  SpendFactsTable,
  SpendingCubeTable,
  SpendingDim,
} from './schema.js';

const CHUNK = 400;

export type ProgramFact = Readonly<
  Pick<
    Selectable<ProgramFactsTable>,
    'activity_id' | 'year' | 'lifecycle_stage' | 'modality' | 'flagship_area' | 'cooperation_type' | 'participants_total'
  >
>;

export type CountryFact = Readonly<Pick<Selectable<ProgramCountryFactsTable>, 'activity_id' | 'country_code' | 'region' | 'participants'>>;

/** A country fact that names its country (a recorded total of a program without recipients does not). */
type PlacedFact = CountryFact & { readonly country_code: string };
const isPlaced = (c: CountryFact): c is PlacedFact => c.country_code !== null;

/** Changes to cube rows, by their key (year, stage, dim and key joined by tabs, which orders the writes). */
type Delta = Map<string, Pick<AnalyticsCubeTable, 'year' | 'stage' | 'dim' | 'key'> & { programs: number; participants: number }>;
/** Changes to spending-cube rows, likewise. */
type SpendDelta = Map<string, Omit<SpendingCubeTable, 'amount_minor' | 'transactions'> & { amount: number; n: number }>;

/**
 * Changes to the summary tables waiting for the end of a transaction. PostgreSQL keeps every
 * version of a row updated in one transaction: an import that added to the same few "all
 * programs of 2020" rows after each chunk made those rows thousands of versions long and the
 * import quadratic. Inside a store transaction the deltas are summed in memory and written once,
 * just before the commit (flushAnalytics).
 */
const pending = new WeakMap<object, { cube: Delta; spending: SpendDelta; lists?: Map<string, Set<string>> }>();

/** From now on, summary-table changes made through `db` wait for flushAnalytics(db). */
export function deferAnalytics(db: Kysely<Database>): void {
  pending.set(db, { cube: new Map(), spending: new Map() });
}

/** Writes the waiting summary-table changes made through `db` (and stops deferring). */
export async function flushAnalytics(db: Kysely<Database>): Promise<void> {
  const p = pending.get(db);
  if (!p) return;
  pending.delete(db);
  await writeCubeDelta(db, p.cube);
  await writeSpendingDelta(db, p.spending);
}

/** Adds the changes `from` to those waiting in `into` (`add` sums one row's figures). */
function merge<V extends object>(into: Map<string, V>, from: Map<string, V>, add: (into: V, from: V) => void): void {
  for (const [k, v] of from) {
    const cur = into.get(k);
    if (!cur) into.set(k, { ...v });
    else add(cur, v);
  }
}

const addCube = (into: { programs: number; participants: number }, from: { programs: number; participants: number }) => {
  into.programs += from.programs;
  into.participants += from.participants;
};

const addSpending = (into: { amount: number; n: number }, from: { amount: number; n: number }) => {
  into.amount += from.amount;
  into.n += from.n;
};

const membersCache = new Map<string, ReadonlySet<string>>();
function groupMembers(group: (typeof GROUP_CODES)[number], year: number): ReadonlySet<string> {
  const key = `${group}|${year}`;
  let set = membersCache.get(key);
  if (!set) {
    set = new Set(groupMembersInYear(group, year));
    membersCache.set(key, set);
  }
  return set;
}

/** Adds (sign 1) or removes (sign −1) programs' contributions to the cube. */
export function addContributions(
  delta: Delta,
  programs: readonly ProgramFact[],
  countries: readonly CountryFact[],
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  sign: 1 | -1,
): void {
  const countriesOf = new Map<number, PlacedFact[]>();
  for (const c of countries) {
    if (!isPlaced(c)) continue;
    countriesOf.set(c.activity_id, [...(countriesOf.get(c.activity_id) ?? []), c]);
  }
  for (const p of programs) {
    if (p.year === null) continue;
    const year = p.year;
    const stage = p.lifecycle_stage ?? '';
    const add = (dim: CubeDim, key: string, participants: number) => {
      const k = `${year}\t${stage}\t${dim}\t${key}`;
      const d = delta.get(k) ?? { year, stage, dim, key, programs: 0, participants: 0 };
      d.programs += sign;
      d.participants += sign * participants;
      delta.set(k, d);
    };
    add('all', '', p.participants_total);
    add('modality', p.modality ?? '', p.participants_total);
    add('area', p.flagship_area ?? '', p.participants_total);
    add('coop', p.cooperation_type, p.participants_total);
    const its = countriesOf.get(p.activity_id) ?? [];
    const sumWhere = (test: (c: PlacedFact) => boolean) => {
      const hits = its.filter(test);
      return hits.length ? hits.reduce((n, c) => n + c.participants, 0) : null;
    };
    for (const c of its) add('country', c.country_code, c.participants);
    for (const region of new Set(its.map((c) => c.region ?? ''))) {
      const n = sumWhere((c) => (c.region ?? '') === region);
      if (n !== null) add('region', region, n);
    }
    for (const group of GROUP_CODES) {
      const members = groupMembers(group, p.year);
      const n = sumWhere((c) => members.has(c.country_code));
      if (n !== null) add('group', group, n);
    }
    for (const [code, members] of lists) {
      const n = sumWhere((c) => members.has(c.country_code));
      if (n !== null) add('list', code, n);
    }
  }
}

/** Applies cube deltas now, or adds them to the transaction's waiting ones. */
export async function applyCubeDelta(db: Kysely<Database>, delta: Delta): Promise<void> {
  const p = pending.get(db);
  if (p) merge(p.cube, delta, addCube);
  else await writeCubeDelta(db, delta);
}

/** Writes cube deltas (sorted, so that concurrent writers lock rows in one order) and drops emptied rows. */
async function writeCubeDelta(db: Kysely<Database>, delta: Delta): Promise<void> {
  const rows = [...delta.entries()]
    .filter(([, d]) => d.programs !== 0 || d.participants !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db
      .insertInto('analytics_cube')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['year', 'stage', 'dim', 'key']).doUpdateSet({
          programs: sql`analytics_cube.programs + excluded.programs`,
          participants: sql`analytics_cube.participants + excluded.participants`,
        }),
      )
      .execute();
  }
  if (rows.some((r) => r.programs < 0))
    await db.deleteFrom('analytics_cube').where('programs', '=', 0).where('participants', '=', 0).execute();
}

export async function loadLists(db: Kysely<Database>): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('country_list_members as m')
    .innerJoin('country_lists as l', 'l.id', 'm.list_id')
    .select(['l.code', 'm.iso2'])
    .execute();
  const lists = new Map<string, Set<string>>();
  for (const r of rows) lists.set(r.code, (lists.get(r.code) ?? new Set()).add(r.iso2));
  return lists;
}

/** The programs' current facts, as the cube counts them. */
export async function readFacts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<{ programs: ProgramFact[]; countries: CountryFact[] }> {
  if (ids.length === 0) return { programs: [], countries: [] };
  const programs = await db
    .selectFrom('activity_facts')
    .select(['activity_id', 'year', 'lifecycle_stage', 'modality', 'flagship_area', 'cooperation_type', 'participants_total'])
    .where('activity_id', 'in', ids)
    .execute();
  const countries = await db
    .selectFrom('activity_country_facts')
    .select(['activity_id', 'country_code', 'region', 'participants'])
    .where('activity_id', 'in', ids)
    .execute();
  return {
    programs: programs.map((p) => ({ ...p, year: p.year === null ? null : num(p.year), participants_total: num(p.participants_total) })),
    countries: countries.map((c) => ({ ...c, participants: num(c.participants) })),
  };
}

// ---- spending ---------------------------------------------------------------------------------

const SPEND_COLUMNS = [
  'activity_id',
  'year',
  'stage',
  'modality',
  'area',
  'currency',
  'currency_rate_date',
  'idr_rate_date',
  'missing_day',
  'amount_minor',
  'transactions',
] as const;

/**
 * Spent amounts (disbursements and expenditure) of programs grouped by currency and the rates in
 * force; `where` filters the transactions `t` / programs `a`.
 */
function spendFactsSelect(where: ReturnType<typeof sql>) {
  return sql`
    select x.activity_id, a.year, coalesce(a.lifecycle_stage, '') as stage, coalesce(a.modality, '') as modality, coalesce(a.flagship_area, '') as area,
      x.currency, x.crd as currency_rate_date, x.ird as idr_rate_date,
      case when (x.currency <> 'USD' and x.crd = '') or (x.currency <> 'IDR' and (x.ird = '' or (x.currency <> 'USD' and x.crd = ''))) then x.day else '' end as missing_day,
      sum(x.amount_minor) as amount_minor, count(*) as transactions
    from (
      select t.activity_id, t.currency, t.amount_minor, coalesce(t.value_date, t.transaction_date) as day,
        coalesce((select max(r.rate_date) from exchange_rates r where r.currency = t.currency and r.rate_date <= coalesce(t.value_date, t.transaction_date)), '') as crd,
        coalesce((select max(r.rate_date) from exchange_rates r where r.currency = 'IDR' and r.rate_date <= coalesce(t.value_date, t.transaction_date)), '') as ird
      from transactions t
      where t.type in ('3', '4') and ${where}
    ) x
    join activities a on a.id = x.activity_id
    where a.year is not null
    group by x.activity_id, a.year, a.lifecycle_stage, a.modality, a.flagship_area, x.currency, x.crd, x.ird,
      case when (x.currency <> 'USD' and x.crd = '') or (x.currency <> 'IDR' and (x.ird = '' or (x.currency <> 'USD' and x.crd = ''))) then x.day else '' end`;
}

type SpendRow = Omit<Selectable<SpendFactsTable>, 'activity_id'>;

function applySpendingDelta(rows: readonly SpendRow[], sign: 1 | -1, into: SpendDelta): void {
  for (const r of rows) {
    const keys: [SpendingDim, string][] = [
      ['all', ''],
      ['modality', r.modality],
      ['area', r.area],
    ];
    for (const [dim, key] of keys) {
      const year = num(r.year);
      const k = [year, r.stage, dim, key, r.currency, r.currency_rate_date, r.idr_rate_date, r.missing_day].join('\t');
      const { stage, currency, currency_rate_date, idr_rate_date, missing_day } = r;
      const d = into.get(k) ?? { year, stage, dim, key, currency, currency_rate_date, idr_rate_date, missing_day, amount: 0, n: 0 };
      d.amount += sign * num(r.amount_minor);
      d.n += sign * num(r.transactions);
      into.set(k, d);
    }
  }
}

async function writeSpendingDelta(db: Kysely<Database>, delta: SpendDelta): Promise<void> {
  const rows = [...delta.entries()]
    .filter(([, d]) => d.amount !== 0 || d.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { amount, n, ...key }]) => ({ ...key, amount_minor: amount, transactions: n }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('spending_cube')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['year', 'stage', 'dim', 'key', 'currency', 'currency_rate_date', 'idr_rate_date', 'missing_day']).doUpdateSet({
          amount_minor: sql`spending_cube.amount_minor + excluded.amount_minor`,
          transactions: sql`spending_cube.transactions + excluded.transactions`,
        }),
      )
      .execute();
  }
  if (rows.some((r) => r.transactions < 0)) await db.deleteFrom('spending_cube').where('transactions', '=', 0).execute();
}

/**
 * Brings the cube and the spending tables of these programs up to date. `before` is their
 * facts before the write (empty for new programs); their current facts are read here. With
 * `removed`, the programs are about to be deleted: only their old contribution is taken away.
 * With `spending: false` (only participants changed) the spending tables are left as they are.
 * `after` gives the facts just written, saving the read.
 */
export async function refreshAnalytics(
  db: Kysely<Database>,
  ids: readonly number[],
  before: { programs: readonly ProgramFact[]; countries: readonly CountryFact[] },
  options: { removed?: boolean; spending?: boolean; after?: { programs: readonly ProgramFact[]; countries: readonly CountryFact[] } } = {},
): Promise<void> {
  if (ids.length === 0) return;
  // The custom lists are read once per transaction (a list change starts afresh, see rebuildList).
  const waiting = pending.get(db);
  const lists = waiting ? (waiting.lists ??= await loadLists(db)) : await loadLists(db);
  const after = options.after ?? (await readFacts(db, ids));
  const delta: Delta = new Map();
  addContributions(delta, before.programs, before.countries, lists, -1);
  addContributions(delta, after.programs, after.countries, lists, 1);
  await applyCubeDelta(db, delta);
  if (options.spending === false) return;

  const spendDelta: SpendDelta = new Map();
  const old = await db
    .selectFrom('spend_facts')
    .select([...SPEND_COLUMNS])
    .where('activity_id', 'in', ids)
    .execute();
  applySpendingDelta(old, -1, spendDelta);
  await db.deleteFrom('spend_facts').where('activity_id', 'in', ids).execute();
  const idList = sql.join([...ids]);
  if (!options.removed)
    await sql`insert into spend_facts (${sql.join(SPEND_COLUMNS.map((c) => sql.ref(c)))}) ${spendFactsSelect(sql`t.activity_id in (${idList})`)}`.execute(
      db,
    );
  const fresh = await db
    .selectFrom('spend_facts')
    .select([...SPEND_COLUMNS])
    .where('activity_id', 'in', ids)
    .execute();
  applySpendingDelta(fresh, 1, spendDelta);
  const p = pending.get(db);
  if (p) merge(p.spending, spendDelta, addSpending);
  else await writeSpendingDelta(db, spendDelta);
}

/** Recomputes the spending tables from every transaction (after a change of exchange rates). */
export async function rebuildSpending(db: Kysely<Database>): Promise<void> {
  // Waiting changes first: the rebuild replaces the spending tables, and later ones add to them.
  await flushAndKeepDeferring(db);
  await db.deleteFrom('spending_cube').execute();
  await db.deleteFrom('spend_facts').execute();
  await sql`insert into spend_facts (${sql.join(SPEND_COLUMNS.map((c) => sql.ref(c)))}) ${spendFactsSelect(sql`1 = 1`)}`.execute(db);
  for (const [dim, key] of [
    ['all', sql`''`],
    ['modality', sql`modality`],
    ['area', sql`area`],
  ] as const) {
    await sql`
      insert into spending_cube (year, stage, dim, key, currency, currency_rate_date, idr_rate_date, missing_day, amount_minor, transactions)
      select year, stage, ${dim}, ${key}, currency, currency_rate_date, idr_rate_date, missing_day, sum(amount_minor), sum(transactions)
      from spend_facts group by year, stage, ${dim === 'all' ? sql`` : sql`${key}, `}currency, currency_rate_date, idr_rate_date, missing_day`.execute(
      db,
    );
  }
}

/** Recomputes one custom list's cube rows (after its countries change, or it is deleted). */
export async function rebuildList(db: Kysely<Database>, code: string, members: readonly string[]): Promise<void> {
  await flushAndKeepDeferring(db);
  await db.deleteFrom('analytics_cube').where('dim', '=', 'list').where('key', '=', code).execute();
  if (members.length === 0) return;
  await sql`
    insert into analytics_cube (year, stage, dim, key, programs, participants)
    select year, coalesce(lifecycle_stage, ''), 'list', ${code}, count(distinct activity_id), sum(participants)
    from activity_country_facts where year is not null and country_code in (${sql.join([...members])})
    group by year, lifecycle_stage`.execute(db);
}

async function flushAndKeepDeferring(db: Kysely<Database>): Promise<void> {
  if (!pending.has(db)) return;
  await flushAnalytics(db);
  deferAnalytics(db);
}

/** Recomputes every summary table from the report facts and the transactions. */
export async function rebuildAnalytics(db: Kysely<Database>): Promise<void> {
  if (pending.has(db)) deferAnalytics(db); // everything is recomputed: drop what was waiting
  await db.deleteFrom('analytics_cube').execute();
  const stage = sql`coalesce(lifecycle_stage, '')`;
  for (const [dim, key] of [
    ['all', sql`''`],
    ['modality', sql`coalesce(modality, '')`],
    ['area', sql`coalesce(flagship_area, '')`],
    ['coop', sql`cooperation_type`],
  ] as const) {
    await sql`
      insert into analytics_cube (year, stage, dim, key, programs, participants)
      select year, ${stage}, ${dim}, ${key}, count(*), sum(participants_total) from activity_facts where year is not null
      group by year, ${stage}${dim === 'all' ? sql`` : sql`, ${key}`}`.execute(db);
  }
  await sql`
    insert into analytics_cube (year, stage, dim, key, programs, participants)
    select year, ${stage}, 'region', coalesce(region, ''), count(distinct activity_id), sum(participants)
    from activity_country_facts where year is not null and country_code is not null group by year, ${stage}, coalesce(region, '')`.execute(
    db,
  );
  await sql`
    insert into analytics_cube (year, stage, dim, key, programs, participants)
    select year, ${stage}, 'country', country_code, count(*), sum(participants)
    from activity_country_facts where year is not null and country_code is not null group by year, ${stage}, country_code`.execute(db);
  const years = (await db.selectFrom('activity_country_facts').select('year').distinct().where('year', 'is not', null).execute()).map((r) =>
    num(r.year),
  );
  for (const year of years) {
    for (const group of GROUP_CODES) {
      const members = [...groupMembers(group, year)];
      if (members.length === 0) continue;
      await sql`
        insert into analytics_cube (year, stage, dim, key, programs, participants)
        select year, ${stage}, 'group', ${group}, count(distinct activity_id), sum(participants)
        from activity_country_facts where year = ${year} and country_code in (${sql.join(members)}) group by year, ${stage}`.execute(db);
    }
  }
  for (const [code, members] of await loadLists(db)) await rebuildList(db, code, [...members]);
  await rebuildSpending(db);
}
