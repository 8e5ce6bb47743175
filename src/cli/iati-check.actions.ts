/**
 * `mitra iati check` (iati.commands.ts): the checks of services/iati-checks.ts over the programs
 * of a filter, printed as a table per agency and the programs with errors. Errors make the exit
 * code EXIT.invalid, so that a script can stop before publishing.
 */
import { programListQuerySchema } from '../domain/program/program-query.js';
import { summarizeIatiChecks, type IatiChecksSummary } from '../services/iati-checks.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';

function printSummary(ctx: CliContext, summary: IatiChecksSummary): void {
  ctx.io.out(
    `${summary.programs} programs checked against ${summary.rules.translated} IATI rules and the codelists: ` +
      `${summary.withErrors} with errors, ${summary.withWarnings} with warnings, ${summary.undated} without a date (not published)`,
  );
  ctx.io.out('');
  ctx.io.out(
    table(
      ['agency', 'programs', 'with errors', 'with warnings', 'most frequent rules'],
      summary.agencies.map((a) => [
        a.implementingOrg ?? '(none)',
        a.programs,
        a.withErrors,
        a.withWarnings,
        a.topRules.map((r) => `${r.ruleId} (${r.programs})`).join(', '),
      ]),
    ),
  );
  if (summary.failing.length === 0) return;
  ctx.io.out('');
  ctx.io.out(`programs with errors${summary.failingTruncated ? ` (the first ${summary.failing.length})` : ''}:`);
  ctx.io.out(
    table(
      ['identifier', 'agency', 'errors', 'warnings', 'first error'],
      summary.failing.map((f) => [f.identifier, f.implementingOrg ?? '', f.errors, f.warnings, f.firstError]),
    ),
  );
}

export async function checkIati(ctx: CliContext, opts: Record<string, string | boolean | undefined>): Promise<void> {
  const { json: asJson, ...filters } = opts;
  const { page: _page, pageSize: _size, ...query } = parseInput(programListQuerySchema, { ...filters, sort: 'identifier' }, 'options');
  await ctx.withApp(async (app) => {
    const summary = await summarizeIatiChecks(app.deps, query, app.config.iatiPublisher);
    if (asJson) ctx.io.out(json(summary));
    else printSummary(ctx, summary);
    if (summary.withErrors > 0) ctx.setExitCode(EXIT.invalid);
  });
}
