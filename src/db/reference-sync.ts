/**
 * Copies the domain's reference tables (countries with their report region, group memberships)
 * into the database so that reports can join and group in SQL. Runs after migrations; writes
 * only when the tables changed (a hash is kept in `meta`).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { listCountries } from '../domain/reference/countries.js';
import { MEMBERSHIP_RECORDS } from '../domain/reference/data/groupings.js';
import type { Database } from './schema.js';

const HASH_KEY = 'reference_hash';

function referenceRows() {
  const countries = listCountries().map((c) => ({
    iso2: c.iso2,
    iso3: c.iso3,
    numeric_code: c.numeric,
    name_en: c.nameEn,
    name_id: c.nameId,
    region: c.region,
    m49_subregion_code: c.m49SubregionCode,
  }));
  const memberships = MEMBERSHIP_RECORDS.map((m) => ({
    group_code: m.group,
    iso2: m.iso2,
    status: m.status,
    since: m.since,
    until: m.until,
  }));
  return { countries, memberships };
}

export async function syncReferenceData(db: Kysely<Database>): Promise<boolean> {
  const rows = referenceRows();
  const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const current = await db.selectFrom('meta').select('value').where('key', '=', HASH_KEY).executeTakeFirst();
  if (current?.value === hash) return false;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('countries').execute();
    await trx.deleteFrom('group_memberships').execute();
    for (let i = 0; i < rows.countries.length; i += 100) {
      await trx
        .insertInto('countries')
        .values(rows.countries.slice(i, i + 100))
        .execute();
    }
    for (let i = 0; i < rows.memberships.length; i += 100) {
      await trx
        .insertInto('group_memberships')
        .values(rows.memberships.slice(i, i + 100))
        .execute();
    }
    await trx
      .insertInto('meta')
      .values({ key: HASH_KEY, value: hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
      .execute();
  });
  return true;
}
