/** The organisation commands (organisation.commands.ts). */
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { createOrganisation, getOrganisation, listOrganisations } from '../services/organisations.js';
import { json, table } from './format.js';
import { readJsonFile } from './input.js';
import type { CliContext } from './context.js';

export async function orgsList(ctx: CliContext, opts: { kind?: string; search?: string; json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const items = await listOrganisations(app.deps, { kind: opts.kind, q: opts.search });
    if (opts.json) return ctx.io.out(json(items));
    ctx.io.out(
      table(
        ['code', 'acronym', 'kind', 'country', 'name'],
        items.map((o) => [o.code, o.acronym, o.kind, o.countryCode, o.nameEn]),
      ),
    );
  });
}

export async function orgsShow(ctx: CliContext, code: string): Promise<void> {
  await ctx.withApp(async (app) => ctx.io.out(json(await getOrganisation(app.deps, code))));
}

export async function orgsCreate(ctx: CliContext, opts: { file: string }): Promise<void> {
  const input = await readJsonFile(ctx.io, opts.file, organisationInputSchema);
  await ctx.withApp(async (app) => {
    const org = await createOrganisation(app.deps, input);
    ctx.io.out(`created ${org.code}`);
  });
}
