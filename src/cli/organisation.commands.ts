import type { Command } from 'commander';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { createOrganisation, getOrganisation, listOrganisations } from '../services/organisations.js';
import { json, table } from './format.js';
import { readJsonFile } from './input.js';
import { jsonOption, type CliContext } from './main.js';

export function registerOrganisationCommands(program: Command, ctx: CliContext): void {
  const orgs = program.command('orgs').alias('organisations').description('ministries, agencies, partners and recipient institutions');

  orgs
    .command('list')
    .description('list organisations')
    .option('--kind <kind>', 'provider_agency, partner, recipient_institution, multilateral')
    .option('--search <text>', 'text in code, names or acronym')
    .addOption(jsonOption())
    .action(async (opts: { kind?: string; search?: string; json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const items = await listOrganisations(app.deps, { kind: opts.kind, q: opts.search });
        if (opts.json) return ctx.io.out(json(items));
        ctx.io.out(table(['code', 'acronym', 'kind', 'country', 'name'], items.map((o) => [o.code, o.acronym, o.kind, o.countryCode, o.nameEn])));
      });
    });

  orgs
    .command('show <code>')
    .description('show an organisation')
    .action(async (code: string) => {
      await ctx.withApp(async (app) => ctx.io.out(json(await getOrganisation(app.deps, code))));
    });

  orgs
    .command('create')
    .description('register an organisation from a JSON file')
    .requiredOption('--file <path>', 'JSON file')
    .action(async (opts: { file: string }) => {
      const input = await readJsonFile(ctx.io, opts.file, organisationInputSchema);
      await ctx.withApp(async (app) => {
        const org = await createOrganisation(app.deps, input);
        ctx.io.out(`created ${org.code}`);
      });
    });
}
