/**
 * Indonesia's missions abroad get an organisation kind of their own, `embassy` (issue 21): they
 * relay requests and nominate participants but do not implement programs, and were registered
 * as `provider_agency` — so the program form offered them as implementers. The organisations an
 * embassy account acts for, and those with an embassy's or consulate's code (ID-KBRI-…,
 * ID-KJRI-…), become missions; programs that already name one keep it until they are edited.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update organisations set kind = 'embassy'
    where kind = 'provider_agency'
      and (lower(code) in (select lower(org_code) from users where role = 'embassy' and org_code is not null)
        or upper(code) like 'ID-KBRI-%' or upper(code) like 'ID-KJRI-%')`.execute(db);
}
