import type { Command } from 'commander';
import { describeCountryFailure, listCountries, resolveCountry } from '../domain/reference/countries.js';
import { REPORT_REGIONS, type ReportRegion } from '../domain/reference/types.js';
import { CliInputError } from './exit-codes.js';
import { table } from './format.js';
import type { CliContext } from './main.js';

export function registerReferenceCommands(program: Command, ctx: CliContext): void {
  const countries = program.command('countries').description('country reference data');

  countries
    .command('resolve <names...>')
    .description('resolve country names or codes (English, Indonesian, common variants) to ISO codes')
    .action((names: string[]) => {
      const failures: string[] = [];
      for (const name of names) {
        const r = resolveCountry(name);
        if (r.ok) ctx.io.out(`${name} → ${r.country.iso2} ${r.country.nameEn} / ${r.country.nameId} (${r.country.region ?? 'no region'})`);
        else failures.push(describeCountryFailure(name, r));
      }
      if (failures.length) throw new CliInputError(`${failures.length} name(s) not resolved`, failures);
    });

  countries
    .command('list')
    .description('list countries with codes, names and report regions')
    .option('--region <region>', REPORT_REGIONS.join(', '))
    .action((opts: { region?: string }) => {
      if (opts.region && !(REPORT_REGIONS as readonly string[]).includes(opts.region)) {
        throw new CliInputError(`--region must be one of ${REPORT_REGIONS.join(', ')}`);
      }
      const rows = listCountries().filter((c) => !opts.region || c.region === (opts.region as ReportRegion));
      ctx.io.out(table(['iso2', 'iso3', 'region', 'English', 'Indonesian'], rows.map((c) => [c.iso2, c.iso3, c.region, c.nameEn, c.nameId])));
    });
}
