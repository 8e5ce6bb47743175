/** The other-providers commands (other-providers.commands.ts). */
import { loadConfig } from '../config.js';
import { compareCountry, deleteDataset, getImported, listDatasets, listImported, promoteImported } from '../services/other-providers.js';
import type { CliContext } from './context.js';
import { json, table } from './format.js';

interface ActivitiesOptions {
  readonly publisher?: number;
  readonly dataset?: number;
  readonly country?: string;
  readonly year?: number;
  readonly search?: string;
  readonly warnings?: boolean;
  readonly page: number;
  readonly json?: boolean;
}

export async function datasetsList(ctx: CliContext, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const items = await listDatasets(app.deps);
    if (opts.json) return ctx.io.out(json(items));
    ctx.io.out(
      table(
        ['id', 'publisher', 'file', 'imported', 'version', 'activities', 'warnings', 'refused'],
        items.map((d) => [
          d.id,
          d.publisherRef ?? d.publisherName,
          d.fileName,
          d.importedAt.slice(0, 16),
          d.iatiVersion,
          d.activities,
          d.warnings,
          d.refused,
        ]),
      ),
    );
  });
}

export async function activitiesList(ctx: CliContext, opts: ActivitiesOptions): Promise<void> {
  await ctx.withApp(async (app) => {
    const page = await listImported(app.deps, {
      publisherId: opts.publisher,
      datasetId: opts.dataset,
      country: opts.country?.toUpperCase(),
      year: opts.year,
      q: opts.search,
      withWarnings: opts.warnings,
      page: opts.page,
      pageSize: 50,
    });
    if (opts.json) return ctx.io.out(json(page));
    ctx.io.out(
      table(
        ['id', 'identifier', 'year', 'publisher', 'warnings', 'promoted', 'title'],
        page.items.map((a) => [
          a.id,
          a.identifier,
          a.year,
          a.publisherRef ?? a.publisherName,
          a.warningCount,
          a.promotedProgramId,
          a.title,
        ]),
      ),
    );
    ctx.io.out(`${page.total} activities; page ${page.page} of ${Math.max(1, Math.ceil(page.total / page.pageSize))}`);
  });
}

export async function activityShow(ctx: CliContext, id: number): Promise<void> {
  await ctx.withApp(async (app) => ctx.io.out(json(await getImported(app.deps, id))));
}

export async function datasetDelete(ctx: CliContext, id: number): Promise<void> {
  await ctx.withApp(async (app) => {
    const { dataset, activities } = await deleteDataset(app.deps, id);
    ctx.io.out(
      `deleted dataset ${id} (${dataset.publisherRef ?? dataset.publisherName}: ${dataset.fileName}) and its ${activities} activities`,
    );
  });
}

export async function activityPromote(ctx: CliContext, id: number): Promise<void> {
  const config = loadConfig(ctx.io.env);
  await ctx.withApp(async (app) => {
    const r = await promoteImported(app.deps, id, { ownReportingRef: config.iatiPublisher.ref });
    ctx.io.out(`${r.created ? 'created' : 'updated'} program ${r.programId} (${r.identifier})`);
  });
}

export async function compare(ctx: CliContext, country: string, opts: { from: number; to: number; json?: boolean }): Promise<void> {
  const config = loadConfig(ctx.io.env);
  await ctx.withApp(async (app) => {
    const result = await compareCountry(app.deps, {
      country: country.toUpperCase(),
      fromYear: opts.from,
      toYear: opts.to,
      ownName: config.iatiPublisher.nameEn,
    });
    if (opts.json) return ctx.io.out(json(result));
    const rows = result.providers.flatMap((p) =>
      p.years.map((y) => [
        p.own ? `${p.publisher} (own)` : (p.ref ?? p.publisher),
        y.year,
        y.activities,
        y.budgetUsd.toFixed(2),
        y.spendUsd.toFixed(2),
      ]),
    );
    ctx.io.out(table(['provider', 'year', 'activities', 'budget USD', 'spent USD'], rows));
    for (const p of result.providers)
      for (const u of p.unconverted) ctx.io.out(`not in USD (no exchange rate): ${p.ref ?? p.publisher} ${u.year} ${u.currency}`);
  });
}
