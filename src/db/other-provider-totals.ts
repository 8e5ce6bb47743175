/**
 * The comparison totals (migration 20261208130000_iati_country_totals) follow the facts of other
 * providers' activities: a write that adds facts adds their sums once they are written (sign 1);
 * a write that removes facts or moves them to another publisher takes their sums away before
 * (sign -1). The sums are read from the facts themselves, so the totals always equal what summing
 * the facts would give, and "all providers to one country, by year" reads a few hundred rows.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/** The activities whose facts are concerned: a list of ids, or a query selecting them. */
export const activityIds = (ids: readonly number[]): RawBuilder<unknown> => sql.join(ids.map((id) => sql`${id}`));

export async function applyTotals(db: Kysely<Database>, activities: RawBuilder<unknown>, sign: 1 | -1): Promise<void> {
  const s = sql.lit(sign);
  await sql`insert into iati_country_totals (country_code, year, publisher_id, currency, fact_rows, starts, budget_minor, spend_minor)
    select country_code, year, publisher_id, currency, ${s} * count(*), ${s} * sum(starts), ${s} * sum(budget_minor), ${s} * sum(spend_minor)
    from iati_activity_facts where activity_id in (${activities})
    group by country_code, year, publisher_id, currency
    on conflict (country_code, year, publisher_id, currency) do update set
      fact_rows = iati_country_totals.fact_rows + excluded.fact_rows,
      starts = iati_country_totals.starts + excluded.starts,
      budget_minor = iati_country_totals.budget_minor + excluded.budget_minor,
      spend_minor = iati_country_totals.spend_minor + excluded.spend_minor`.execute(db);
  // An activity counts once in a sector of a country: in its start year (the fact with starts = 1).
  await sql`insert into iati_country_sector_totals (country_code, year, publisher_id, vocabulary, code, activities)
    select f.country_code, f.year, f.publisher_id, s.vocabulary, s.code, ${s} * count(distinct f.activity_id)
    from iati_activity_facts f join iati_activity_sectors s on s.activity_id = f.activity_id
    where f.activity_id in (${activities}) and f.starts > 0
    group by f.country_code, f.year, f.publisher_id, s.vocabulary, s.code
    on conflict (country_code, year, publisher_id, vocabulary, code) do update set
      activities = iati_country_sector_totals.activities + excluded.activities`.execute(db);
  if (sign < 0) {
    await sql`delete from iati_country_totals where fact_rows = 0`.execute(db);
    await sql`delete from iati_country_sector_totals where activities = 0`.execute(db);
  }
}

/** Activities whose facts are added to the totals together. */
const TOTALS_BATCH = 5_000;

/**
 * The totals of one repository (one transaction): what is written is added a few thousand
 * activities at a time, not at every chunk, so that each total is updated a few times a file: on
 * PostgreSQL each update of a row leaves a version the transaction cannot prune, and updating the
 * same totals every 100 activities made a 20,000-activity file twice as slow at 1,000,000
 * activities. What is pending is added before anything is taken away and before a comparison.
 */
export class ComparisonTotals {
  private unsettled: number[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  /** The facts of these activities were written. */
  async added(ids: readonly number[]): Promise<void> {
    for (const id of ids) this.unsettled.push(id);
    if (this.unsettled.length >= TOTALS_BATCH) await this.settle();
  }

  /** The facts of these activities are about to be deleted or moved: taken away first. */
  async removing(activities: RawBuilder<unknown>): Promise<void> {
    await this.settle();
    await applyTotals(this.db, activities, -1);
  }

  /** Adds what is pending. */
  async settle(): Promise<void> {
    const ids = this.unsettled;
    this.unsettled = [];
    if (ids.length) await applyTotals(this.db, activityIds(ids), 1);
  }
}
