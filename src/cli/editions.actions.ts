/** The edition commands (editions.commands.ts): freeze, list, show, diff, publish, narrative. */
import { freezeInputSchema, narrativeInputSchema, type Edition, type EditionRound } from '../domain/report/edition.js';
import type { EditionDifferences } from '../domain/report/edition-diff.js';
import {
  differencesFromLive,
  editionFigures,
  editionRounds,
  freezeEdition,
  listEditions,
  publishEdition,
  setNarrative,
} from '../services/editions.js';
import { describeSummary, parseLang, parseYear } from './report.actions.js';
import { CliInputError, EXIT } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput, unreadable } from './input.js';
import { HEADLINE_NAMES } from '../domain/bundle/reconcile.js';
import { formatMinor } from '../domain/money.js';
import { BUNDLE_BUILDERS } from '../io/bundle-builders.js';
import { BundleTargetError, writeEditionBundle } from '../io/edition-bundle.js';
import type { BundleOptions, CliContext, EditionOptions, FreezeOptions, NarrativeOptions } from './context.js';

/** An edition number given on the command line. */
function parseEditionNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliInputError(`--edition must be an edition number (1, 2, …) (got ${value})`);
  return n;
}

const day = (instant: string | null) => (instant ? instant.slice(0, 10) : '');

function describeEdition(e: Edition): string {
  const lines = [
    e.titleEn,
    e.titleId,
    `status: ${e.status}${e.publishedAt ? ` (published ${e.publishedAt} by ${e.publishedBy ?? ''})` : ''}`,
    `frozen: ${e.frozenAt} by ${e.frozenBy}`,
    `programs: ${e.programs}   countries: ${e.countries}   participants: ${e.participants}`,
  ];
  if (e.errataReason) lines.push(`errata (corrects the previous edition): ${e.errataReason}`);
  if (e.overrideReason)
    lines.push(`frozen despite: ${e.blockers.map((b) => b.message).join('; ') || '(nothing)'} — reason: ${e.overrideReason}`);
  if (e.changes) lines.push(`changes against the previous edition: ${countChanges(e.changes)}`);
  return lines.join('\n');
}

/** The collection rounds the edition's figures were collected in, as they stood at the freeze. */
function describeRounds(rounds: readonly EditionRound[]): string {
  if (rounds.length === 0) return '\nrounds at the freeze: none';
  return rounds
    .map(({ round, parts }) => {
      const confirmed = parts.filter((p) => p.status === 'confirmed');
      const open = parts.filter((p) => p.status !== 'confirmed').map((p) => p.orgCode);
      const who = confirmed.map((p) => `${p.orgCode} by ${p.confirmedBy ?? '?'} on ${day(p.confirmedAt)}`).join('; ');
      return `\nround ${round.id} (${round.year} ${round.period}, deadline ${round.deadlineDate}, ${round.status}${round.closedAt ? ` ${day(round.closedAt)}` : ''}): ${confirmed.length} of ${parts.length} part(s) confirmed${who ? ` — ${who}` : ''}${open.length ? `; not confirmed: ${open.join(', ')}` : ''}`;
    })
    .join('');
}

function countChanges(d: EditionDifferences): string {
  return `${d.figures.length} figure(s), ${d.added.length} program(s) added, ${d.removed.length} removed, ${d.changed.length} changed`;
}

export function describeDifferences(d: EditionDifferences): string {
  const cell = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
  const parts = [countChanges(d)];
  if (d.figures.length)
    parts.push(
      '',
      table(
        ['figure', 'edition', 'live'],
        d.figures.map((f) => [f.path, cell(f.before), cell(f.after)]),
      ),
    );
  if (d.added.length)
    parts.push(
      '',
      table(
        ['added program', 'title'],
        d.added.map((r) => [r.identifier, r.titleEn ?? r.titleId ?? '']),
      ),
    );
  if (d.removed.length)
    parts.push(
      '',
      table(
        ['removed program', 'title'],
        d.removed.map((r) => [r.identifier, r.titleEn ?? r.titleId ?? '']),
      ),
    );
  if (d.changed.length)
    parts.push(
      '',
      table(
        ['changed program', 'field', 'edition', 'live'],
        d.changed.flatMap((r) => r.fields.map((f) => [r.identifier, f.field, cell(f.before), cell(f.after)])),
      ),
    );
  return parts.join('\n');
}

export async function editionsFreeze(ctx: CliContext, yearText: string, opts: FreezeOptions): Promise<void> {
  const year = parseYear(yearText);
  const input = parseInput(freezeInputSchema, { overrideReason: opts.overrideReason, reason: opts.reason }, 'options');
  await ctx.withApp(async (app) => {
    const edition = await freezeEdition(app.deps, year, input);
    ctx.io.out(opts.json ? json(edition) : describeEdition(edition));
  });
}

export async function editionsList(ctx: CliContext, yearText: string | undefined, opts: { json?: boolean }): Promise<void> {
  const year = yearText === undefined ? undefined : parseYear(yearText);
  await ctx.withApp(async (app) => {
    const editions = await listEditions(app.deps, year);
    if (opts.json) return ctx.io.out(json(editions));
    ctx.io.out(
      table(
        ['year', 'edition', 'status', 'frozen', 'published', 'programs', 'participants', 'name'],
        editions.map((e) => [e.year, e.number, e.status, day(e.frozenAt), day(e.publishedAt), e.programs, e.participants, e.titleEn]),
      ),
    );
  });
}

export async function editionsShow(ctx: CliContext, yearText: string, opts: EditionOptions): Promise<void> {
  const year = parseYear(yearText);
  const number = parseEditionNumber(opts.edition);
  const lang = parseLang(opts.lang ?? 'en');
  await ctx.withApp(async (app) => {
    const shown = await editionFigures(app.deps, year, number);
    // The rounds are for signed-in readers; the public sees the published figures only.
    const rounds = shown.scope === 'all' ? await editionRounds(app.deps, year, number) : [];
    if (opts.json) return ctx.io.out(json({ ...shown, rounds }));
    ctx.io.out(`${describeEdition(shown.edition)}${describeRounds(rounds)}\n\n${describeSummary(shown.summary, lang)}`);
  });
}

export async function editionsDiff(ctx: CliContext, yearText: string, opts: EditionOptions): Promise<void> {
  const year = parseYear(yearText);
  const number = parseEditionNumber(opts.edition);
  await ctx.withApp(async (app) => {
    const diff = await differencesFromLive(app.deps, year, number);
    ctx.io.out(opts.json ? json(diff) : describeDifferences(diff));
  });
}

export async function editionsPublish(ctx: CliContext, yearText: string, opts: EditionOptions): Promise<void> {
  const year = parseYear(yearText);
  const number = parseEditionNumber(opts.edition);
  await ctx.withApp(async (app) => {
    const edition = await publishEdition(app.deps, year, number);
    ctx.io.out(`published ${edition.titleEn}`);
  });
}

export async function editionsNarrative(ctx: CliContext, yearText: string, opts: NarrativeOptions): Promise<void> {
  const year = parseYear(yearText);
  const number = parseEditionNumber(opts.edition);
  const text = await ctx.io.read(opts.file).catch((e: unknown) => {
    throw unreadable(opts.file, e);
  });
  const input = parseInput(narrativeInputSchema, { lang: opts.lang, text }, 'options');
  await ctx.withApp(async (app) => {
    const edition = await setNarrative(app.deps, year, number, input);
    ctx.io.err(`wrote the ${input.lang} narrative of ${edition.titleEn} (${text.length} characters)`);
  });
}

/**
 * `mitra editions bundle YEAR --edition N --out DIR`: writes the bundle, lists its files and the
 * reconciliation; exits 1 (unexpected) when a difference is left unexplained, after writing it.
 */
export async function editionsBundle(ctx: CliContext, yearText: string, opts: BundleOptions): Promise<void> {
  const year = parseYear(yearText);
  const number = parseEditionNumber(opts.edition);
  await ctx.withApp(async (app) => {
    const result = await writeEditionBundle(
      app.deps,
      year,
      number,
      {
        providerCountry: app.config.providerCountry,
        publisherRef: app.config.iatiPublisher.ref,
        publisher: app.config.iatiPublisher,
        builders: BUNDLE_BUILDERS,
      },
      opts.out,
    ).catch((e: unknown) => {
      if (e instanceof BundleTargetError) throw new CliInputError(e.message);
      throw e;
    });
    if (opts.json)
      return ctx.io.out(
        json({
          dir: result.dir,
          files: result.files,
          reconciliation: result.reconciliation,
          unexplained: result.unexplained.length,
          checklist: result.checklist,
          wholeRecords: result.wholeRecords,
        }),
      );
    ctx.io.out(`${result.edition.titleEn} — bundle in ${result.dir}`);
    ctx.io.out(
      table(
        ['file', 'bytes', 'what'],
        result.files.map((f) => [f.name, f.bytes, f.what]),
      ),
    );
    ctx.io.out('');
    ctx.io.out(
      table(
        ['output', 'headline', 'edition', 'output total', 'explained', 'unexplained'],
        result.reconciliation
          .filter((r) => r.output_total !== null)
          .map((r) => {
            const money = r.headline === 'usdMinor' || r.headline === 'idrMinor' || r.headline === 'inKindUsdMinor';
            const show = (n: number) => (money ? formatMinor(n) : String(n));
            return [
              r.output,
              HEADLINE_NAMES[r.headline],
              show(r.ledger),
              show(r.output_total ?? 0),
              show(r.explained),
              show(r.unexplained),
            ];
          }),
      ),
    );
    ctx.io.out('');
    ctx.io.out(
      `checklist: ${result.checklist.length} item(s) the standards ask for and the records lack (checklist-${year}-edition-${number}.csv)`,
    );
    if (!result.wholeRecords)
      ctx.io.err("this edition was frozen before whole records were kept: the standards' files use the records as they are now");
    if (result.unexplained.length > 0) {
      ctx.io.err(`${result.unexplained.length} unexplained difference(s) in the reconciliation: see the checklist`);
      ctx.setExitCode(EXIT.unexpected);
    }
  });
}
