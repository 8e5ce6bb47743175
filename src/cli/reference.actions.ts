/** The country reference commands (reference.commands.ts). */
import { describeCountryFailure, resolveCountry, searchCountries } from '../domain/reference/countries.js';
import { REPORT_REGIONS } from '../domain/reference/types.js';
import { CliInputError } from './exit-codes.js';
import { table } from './format.js';
import { optionOneOf } from './input.js';
import type { CliContext } from './context.js';

export function countriesResolve(ctx: CliContext, names: string[]): void {
  const failures: string[] = [];
  for (const name of names) {
    const r = resolveCountry(name);
    if (r.ok) ctx.io.out(`${name} → ${r.country.iso2} ${r.country.nameEn} / ${r.country.nameId} (${r.country.region ?? 'no region'})`);
    else failures.push(describeCountryFailure(name, r));
  }
  if (failures.length) throw new CliInputError(`${failures.length} name(s) not resolved`, failures);
}

export function countriesList(ctx: CliContext, opts: { region?: string }): void {
  const rows = searchCountries({ region: optionOneOf('--region', REPORT_REGIONS, opts.region) });
  ctx.io.out(
    table(
      ['iso2', 'iso3', 'region', 'English', 'Indonesian'],
      rows.map((c) => [c.iso2, c.iso3, c.region, c.nameEn, c.nameId]),
    ),
  );
}
