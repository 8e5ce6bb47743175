/**
 * `mitra iati publish` (iati.commands.ts): the published programs as IATI files within the size
 * limit, with their manifest, switched into the publish directory at once
 * (io/iati-publish-dir.ts); then, when a Registry is configured, each dataset registered there
 * (io/iati-registry.ts). `--dry-run` prints the plan and writes nothing.
 */
import { z } from 'zod';
import { registryPackage, type Manifest } from '../domain/iati/publication.js';
import { planPublication, type PublicationChecks, type PublicationPlan } from '../io/iati-publication.js';
import { datasetUrl, writePublication } from '../io/iati-publish-dir.js';
import { registerManifest, RegistryError, type RegistryOutcome } from '../io/iati-registry.js';
import { undatedNote } from '../io/iati-write.js';
import type { AppContext } from '../main.js';
import type { CliContext, Flags } from './context.js';
import { CliInputError, EXIT } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';

const optionsSchema = z.object({
  out: z.string().trim().min(1).optional(),
  dryRun: z.boolean().optional(),
  maxFileMb: z.coerce.number({ message: 'must be a number of MB' }).positive('must be more than 0').max(1024).optional(),
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http(s) address such as https://iatiregistry.org')
    .optional(),
  json: z.boolean().optional(),
});

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

/** The plan as printed: without writing, sizes are the measured ones and hashes unknown. */
function dryRunReport(app: AppContext, plan: PublicationPlan) {
  return plan.datasets.map((d) => {
    const url = datasetUrl(app.config.publicUrl, d.fileName);
    const dataset = {
      name: d.name,
      title: d.title,
      kind: d.kind,
      fileName: d.fileName,
      url,
      lastUpdated: d.lastUpdated,
      activityCount: d.activityCount,
      country: d.country,
      bytes: d.expectedBytes ?? 0,
      sha256: '',
    };
    return { ...dataset, registry: registryPackage(plan.publisher, dataset, url ?? '') };
  });
}

/** What the IATI Standard's checks say of the files: counts, the most frequent rules, the organisation file. */
function checksLines(checks: PublicationChecks): string[] {
  const org = checks.organisation;
  const orgErrors = org.filter((f) => f.severity === 'error').length;
  const lines = [
    `IATI checks (the IATI Standard's rulesets and codelists): ${checks.withErrors} of ${checks.activities} activities with errors, ` +
      `${checks.withWarnings} with warnings; the organisation file: ${orgErrors} error(s), ${org.length - orgErrors} other finding(s)`,
  ];
  for (const r of checks.rules.slice(0, 5)) lines.push(`  ${r.severity} ${r.ruleId} × ${r.activities}: ${r.message}`);
  for (const f of org) lines.push(`  organisation file: ${f.severity} ${f.ruleId} (${f.field}): ${f.message}`);
  if (checks.withErrors + checks.withWarnings > 0)
    lines.push('  each program with the field to fix: mitra iati check (or its page in the web app)');
  return lines;
}

function printDatasets(
  ctx: CliContext,
  rows: ReadonlyArray<{ name: string; fileName: string; activityCount: number | null; bytes: number; lastUpdated: string }>,
) {
  ctx.io.out(
    table(
      ['dataset', 'file', 'activities', 'size', 'last updated'],
      rows.map((d) => [d.name, d.fileName, d.activityCount, mb(d.bytes), d.lastUpdated]),
    ),
  );
}

function registryExitCode(error: RegistryError): number {
  if (error.status === null) return EXIT.unavailable;
  if (error.status === 401 || error.status === 403) return EXIT.forbidden;
  if (error.status === 409) return EXIT.conflict;
  return EXIT.unexpected;
}

export async function publishIati(ctx: CliContext, flags: Flags): Promise<void> {
  const opts = parseInput(optionsSchema, flags, 'options');
  await ctx.withApp(async (app) => {
    const settings = app.config.iatiPublishing;
    const maxFileMb = opts.maxFileMb ?? settings.maxFileMb;
    const plan = await planPublication(app.deps, {
      publisher: app.config.iatiPublisher,
      registryName: settings.publisherName,
      maxBytes: Math.floor(maxFileMb * 1024 * 1024),
      publicUrl: app.config.publicUrlSet ? app.config.publicUrl : null,
    }).catch((error: unknown) => {
      if (error instanceof RangeError) throw new CliInputError(error.message);
      throw error;
    });
    const registryUrl = opts.url ?? settings.registryUrl;
    const warnings = [
      ...(plan.undated.length ? [undatedNote(plan.undated)] : []),
      ...plan.oversized.map((d) => `${d} is over ${maxFileMb} MB: one activity in it is bigger than that alone (an activity is never cut)`),
    ];
    if (opts.dryRun) {
      const datasets = dryRunReport(app, plan);
      if (opts.json)
        ctx.io.out(json({ dryRun: true, publisher: plan.publisher, maxFileMb, registryUrl, datasets, warnings, checks: plan.checks }));
      else {
        ctx.io.out(
          `dry run: would publish ${datasets.length} dataset(s) of ${plan.publisher.registryName} (at most ${maxFileMb} MB a file); nothing written`,
        );
        printDatasets(ctx, datasets);
        ctx.io.out(`IATI Registry metadata${registryUrl ? ` (for ${registryUrl})` : ' (no Registry configured)'}:`);
        ctx.io.out(json(datasets.map((d) => d.registry)));
        for (const line of checksLines(plan.checks)) ctx.io.out(line);
      }
      for (const w of warnings) ctx.io.err(`warning: ${w}`);
      return;
    }
    const dir = opts.out ?? settings.publishDir;
    const written = await writePublication(plan, dir, app.config.publicUrl);
    let registered: RegistryOutcome[] = [];
    let registryFailure: RegistryError | null = null;
    if (registryUrl) {
      try {
        registered = await registerManifest({ url: registryUrl, key: settings.registryKey }, written.manifest);
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        registryFailure = error;
      }
    }
    report(ctx, opts.json === true, written, registered, registryUrl, plan.checks);
    for (const w of warnings) ctx.io.err(`warning: ${w}`);
    if (registryFailure) {
      ctx.io.err(`error: ${registryFailure.message}`);
      ctx.setExitCode(registryExitCode(registryFailure));
    }
  });
}

function report(
  ctx: CliContext,
  asJson: boolean,
  written: { manifest: Manifest; changed: boolean; dir: string },
  registered: readonly RegistryOutcome[],
  registryUrl: string | null | undefined,
  checks: PublicationChecks,
) {
  const { manifest, changed, dir } = written;
  if (asJson) {
    ctx.io.out(
      json({ dryRun: false, dir, changed, manifest, registry: registryUrl ? { url: registryUrl, datasets: registered } : null, checks }),
    );
    return;
  }
  ctx.io.out(
    `${changed ? 'published' : 'unchanged:'} ${manifest.datasets.length} dataset(s), ` +
      `${manifest.datasets.reduce((n, d) => n + (d.activityCount ?? 0), 0)} activities, in ${dir}`,
  );
  printDatasets(ctx, manifest.datasets);
  for (const r of registered) ctx.io.out(`IATI Registry: ${r.action} ${r.dataset}`);
  for (const line of checksLines(checks)) ctx.io.out(line);
}
