/** `mitra quality …` (quality.commands.ts): the use cases of services/quality.ts for the terminal. */
import { z } from 'zod';
import { qualityRuleChangeSchema, type QualityRule } from '../domain/quality/rules.js';
import type { QualityScorecard } from '../domain/quality/scorecard.js';
import { qualityScorecardTables } from '../io/quality-tables.js';
import { tableCsv, tableFileBytes } from '../io/table-file.js';
import { changeQualityRule, listQualityRules, programQualityOf, qualityScorecard } from '../services/quality.js';
import type { CliContext, Flags } from './context.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { optionOneOf, parseInput } from './input.js';

const ruleRow = (r: QualityRule) => [
  r.code,
  r.definition.kind,
  r.dimension,
  r.severity,
  r.weight,
  r.enabled ? 'on' : 'off',
  JSON.stringify(r.definition.params),
];
const RULE_HEADERS = ['code', 'kind', 'dimension', 'severity', 'weight', 'enabled', 'params'];

export async function listRules(ctx: CliContext, opts: Flags): Promise<void> {
  await ctx.withApp(async (app) => {
    const rules = await listQualityRules(app.deps);
    ctx.io.out(opts.json ? json(rules) : table(RULE_HEADERS, rules.map(ruleRow)));
  });
}

function changeOf(opts: Flags): unknown {
  if (opts.enable && opts.disable) throw new CliInputError('give --enable or --disable, not both');
  let params: unknown;
  if (typeof opts.params === 'string') {
    try {
      params = JSON.parse(opts.params);
    } catch (error) {
      throw new CliInputError(`--params is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    ...(opts.enable ? { enabled: true } : opts.disable ? { enabled: false } : {}),
    ...(typeof opts.weight === 'string' ? { weight: Number(opts.weight) } : {}),
    ...(typeof opts.severity === 'string' ? { severity: opts.severity } : {}),
    ...(params === undefined ? {} : { params }),
  };
}

export async function changeRule(ctx: CliContext, code: string, opts: Flags): Promise<void> {
  const change = parseInput(qualityRuleChangeSchema, changeOf(opts), 'options');
  await ctx.withApp(async (app) => {
    const rule = await changeQualityRule(app.deps, code, change);
    ctx.io.out(opts.json ? json(rule) : table(RULE_HEADERS, [ruleRow(rule)]));
  });
}

const percent = (score: number | null) => (score === null ? '–' : score.toFixed(1));

function printScorecard(ctx: CliContext, card: QualityScorecard): void {
  ctx.io.out(
    `data quality ${card.year}${card.implementingOrg ? ` (${card.implementingOrg})` : ''}, evaluated on ${card.evaluatedOn} with ${card.rulesEnabled} rules: ` +
      `${card.total.programs} programs, score ${percent(card.total.score)}, ${card.total.programsWithFindings} with something to fix`,
  );
  ctx.io.out('');
  ctx.io.out(
    table(
      ['agency', 'programs', 'to fix', 'score', ...card.total.dimensions.map((d) => d.dimension)],
      card.agencies.map((a) => [
        a.implementingOrg ?? '(none)',
        a.programs,
        a.programsWithFindings,
        percent(a.score),
        ...a.dimensions.map((d) => percent(d.score)),
      ]),
    ),
  );
  const toFix = card.total.mostToFix;
  if (toFix.length === 0) return;
  ctx.io.out('');
  ctx.io.out('most to fix:');
  ctx.io.out(
    table(
      ['id', 'identifier', 'agency', 'score', 'weight lost', 'findings'],
      toFix.map((p) => [p.programId, p.identifier, p.implementingOrg ?? '', percent(p.score), p.lostWeight, p.findings]),
    ),
  );
}

const scorecardOptions = z.object({ year: z.coerce.number().int().min(1900).max(2200), agency: z.string().trim().min(1).optional() });

export async function scorecard(ctx: CliContext, opts: Flags): Promise<void> {
  const { year, agency } = parseInput(scorecardOptions, { year: opts.year, agency: opts.agency }, 'options');
  const format =
    optionOneOf('--format', ['text', 'csv', 'xlsx'] as const, typeof opts.format === 'string' ? opts.format : undefined) ?? 'text';
  const lang = optionOneOf('--lang', ['en', 'id'] as const, typeof opts.lang === 'string' ? opts.lang : undefined) ?? 'en';
  const out = typeof opts.out === 'string' ? opts.out : undefined;
  if (format === 'xlsx' && !out) throw new CliInputError('--out is required for xlsx');
  await ctx.withApp(async (app) => {
    const card = await qualityScorecard(app.deps, year, agency);
    if (opts.json) return ctx.io.out(json(card));
    if (format === 'text') return printScorecard(ctx, card);
    const tables = qualityScorecardTables(card, lang);
    const [first] = tables;
    if (!first) return;
    if (format === 'csv' && !out) return ctx.io.out(tableCsv(first).replace(/^\uFEFF/, ''));
    if (!out) return;
    const bytes = format === 'xlsx' ? await (await import('../io/xlsx-write.js')).xlsxBytes(tables) : await tableFileBytes('csv', first);
    await ctx.io.writeFile(out, bytes);
    ctx.io.err(`wrote the ${year} scorecard (${card.agencies.length} agencies) to ${out}`);
  });
}

export async function programFindings(ctx: CliContext, idText: string, opts: Flags): Promise<void> {
  const { id } = parseInput(z.object({ id: z.coerce.number().int().positive() }), { id: idText }, 'arguments');
  await ctx.withApp(async (app) => {
    const q = await programQualityOf(app.deps, id);
    if (opts.json) return ctx.io.out(json(q));
    ctx.io.out(
      `${q.identifier}: score ${percent(q.score)} (${q.checks} rules apply, weight lost ${q.lostWeight}), evaluated on ${q.evaluatedOn}`,
    );
    if (q.findings.length === 0) return ctx.io.out('nothing to fix');
    for (const f of q.findings) ctx.io.out(`- ${f.rule} (${f.severity}, weight ${f.weight}, ${f.field}): ${f.en}`);
  });
}
