/** `mitra personal-data …` (personal-data.commands.ts): the use cases of services/personal-data.ts for the terminal. */
import { personLookupSchema, toLookup } from '../domain/personal-data/access.js';
import { retentionRuleChangeSchema, type RetentionRule } from '../domain/personal-data/retention.js';
import { exportPersonalData } from '../services/personal-data.js';
import { processingRegister, registerTable } from '../services/processing-register.js';
import { tableCsv } from '../io/table-file.js';
import { applyRetention, changeRetentionRule, listRetentionRules, retentionDue } from '../services/retention.js';
import type { CliContext, Flags } from './context.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { optionOneOf, parseInput } from './input.js';

export async function exportPerson(ctx: CliContext, opts: Flags): Promise<void> {
  const format = optionOneOf('--format', ['json', 'pdf'] as const, typeof opts.format === 'string' ? opts.format : undefined) ?? 'json';
  const participant = typeof opts.participant === 'string' ? Number(opts.participant) : undefined;
  const lookup = toLookup(
    parseInput(
      personLookupSchema,
      { participantId: participant, email: opts.email, personKey: opts.personKey },
      'options (give one of --participant, --email, --person-key)',
    ),
  );
  const out = typeof opts.out === 'string' ? opts.out : undefined;
  if (format === 'pdf' && !out) throw new CliInputError('--out FILE is required for --format pdf');
  await ctx.withApp(async (app) => {
    const e = await exportPersonalData(app.deps, lookup, format);
    if (format === 'pdf') {
      const { renderPersonalDataPdf } = await import('../io/pdf/personal-data.js');
      await ctx.io.writeFile(out ?? '', await renderPersonalDataPdf(e));
    } else if (out) await ctx.io.writeFile(out, new TextEncoder().encode(json(e)));
    else ctx.io.out(json(e));
    if (out) ctx.io.err(`exported ${e.participants.length} record(s) of the person to ${out}`);
  });
}

export async function retention(ctx: CliContext, opts: Flags): Promise<void> {
  const today = typeof opts.today === 'string' ? opts.today : undefined;
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliInputError('--today must be a day, YYYY-MM-DD');
  if (today && !opts.dryRun) throw new CliInputError('--today is for --dry-run only (a run deletes as of today)');
  await ctx.withApp(async (app) => {
    const report = opts.dryRun ? await retentionDue(app.deps, today) : await applyRetention(app.deps);
    if (opts.json) return ctx.io.out(json(report));
    ctx.io.out(
      table(
        ['record', 'category', 'target', 'due', 'reason'],
        report.items.map((i) => [i.record, i.category, i.targetId, i.dueDate, i.reason]),
      ),
    );
    ctx.io.err(`${report.items.length} item(s) ${opts.dryRun ? 'would be deleted' : 'deleted'} as of ${report.today}`);
  });
}

const ruleRow = (r: RetentionRule) => [r.category, r.months, r.enabled ? 'on' : 'off', r.labelEn];

export async function retentionRules(ctx: CliContext, opts: Flags): Promise<void> {
  await ctx.withApp(async (app) => {
    const rules = await listRetentionRules(app.deps);
    ctx.io.out(opts.json ? json(rules) : table(['category', 'months', 'enabled', 'what'], rules.map(ruleRow)));
  });
}

export async function retentionRule(ctx: CliContext, category: string, opts: Flags): Promise<void> {
  if (opts.enable && opts.disable) throw new CliInputError('give --enable or --disable, not both');
  const change = parseInput(
    retentionRuleChangeSchema,
    {
      ...(typeof opts.months === 'string' ? { months: Number(opts.months) } : {}),
      ...(opts.enable ? { enabled: true } : opts.disable ? { enabled: false } : {}),
    },
    'options',
  );
  await ctx.withApp(async (app) => {
    const r = await changeRetentionRule(app.deps, category, change);
    ctx.io.out(table(['category', 'months', 'enabled', 'what'], [ruleRow(r)]));
  });
}

export async function register(ctx: CliContext, opts: Flags): Promise<void> {
  const format = optionOneOf('--format', ['text', 'csv'] as const, typeof opts.format === 'string' ? opts.format : undefined) ?? 'text';
  const lang = optionOneOf('--lang', ['en', 'id'] as const, typeof opts.lang === 'string' ? opts.lang : undefined) ?? 'en';
  await ctx.withApp(async (app) => {
    const entries = await processingRegister(app.deps);
    if (opts.json) return ctx.io.out(json(entries));
    const t = registerTable(entries, lang);
    ctx.io.out(format === 'csv' ? tableCsv(t) : table(t.columns, t.rows));
  });
}
