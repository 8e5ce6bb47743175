/**
 * The comparison of providers in a recipient country (other-provider.repo.ts `compare` and
 * `compareSectors`) read from totals per country, year and publisher, kept up to date with the
 * facts by every write (other-provider-totals.ts), instead of summing the facts at each request:
 * a million imported activities have some 22 million facts, and summing a country's share took
 * seconds. `fact_rows` counts the facts a total sums (a total of none is deleted); a sector's
 * `activities` counts the activities starting in that year with that sector.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('iati_country_totals')
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('publisher_id', 'integer', (c) => c.notNull().references('iati_publishers.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('fact_rows', 'integer', (c) => c.notNull())
    .addColumn('starts', 'integer', (c) => c.notNull())
    .addColumn('budget_minor', 'bigint', (c) => c.notNull())
    .addColumn('spend_minor', 'bigint', (c) => c.notNull())
    .execute();
  await sql`create unique index iati_country_totals_key on iati_country_totals (country_code, year, publisher_id, currency)`.execute(db);
  await db.schema
    .createTable('iati_country_sector_totals')
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('publisher_id', 'integer', (c) => c.notNull().references('iati_publishers.id'))
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull())
    .execute();
  await sql`create unique index iati_country_sector_totals_key on iati_country_sector_totals (country_code, year, publisher_id, vocabulary, code)`.execute(
    db,
  );
  // The facts already imported.
  await sql`insert into iati_country_totals (country_code, year, publisher_id, currency, fact_rows, starts, budget_minor, spend_minor)
    select country_code, year, publisher_id, currency, count(*), sum(starts), sum(budget_minor), sum(spend_minor)
    from iati_activity_facts group by country_code, year, publisher_id, currency`.execute(db);
  await sql`insert into iati_country_sector_totals (country_code, year, publisher_id, vocabulary, code, activities)
    select f.country_code, f.year, f.publisher_id, s.vocabulary, s.code, count(distinct f.activity_id)
    from iati_activity_facts f join iati_activity_sectors s on s.activity_id = f.activity_id
    where f.starts > 0
    group by f.country_code, f.year, f.publisher_id, s.vocabulary, s.code`.execute(db);
}
