/**
 * `mitra quality …`: data quality, scored (issue 23; docs/data-quality.md). The rules as data
 * (`rules`, `rule`), a year's scorecard per agency (`scorecard`) and one program's findings
 * (`program`). The implementations load when one runs (quality.actions.ts).
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

const actions = () => import('./quality.actions.js');

export function registerQualityCommands(program: Command, ctx: CliContext): void {
  const quality = program.command('quality').description('data quality: the rules (as data), scorecards per agency and year, what to fix');

  quality
    .command('rules')
    .description('list the rules: code, kind, dimension, severity, weight, on/off, params')
    .option('--json', 'print JSON')
    .action(async (opts: Flags) => (await actions()).listRules(ctx, opts));

  quality
    .command('rule <code>')
    .description('switch a rule on or off, or change its weight or params (audited)')
    .option('--enable', 'switch the rule on')
    .option('--disable', 'switch the rule off')
    .option('--weight <n>', 'its weight, a whole number 0–100')
    .option('--severity <severity>', 'required or recommended')
    .option('--params <json>', "its params as JSON, whole (checked against the rule's kind)")
    .option('--json', 'print the rule as JSON')
    .action(async (code: string, opts: Flags) => (await actions()).changeRule(ctx, code, opts));

  quality
    .command('scorecard')
    .description("a year's scorecard per implementing agency (the programs the annual report counts in the year)")
    .requiredOption('--year <year>', 'the year')
    .option('--agency <code>', 'one implementing agency')
    .option('--format <format>', 'text, csv or xlsx', 'text')
    .option('--out <file>', 'write the CSV or XLSX to a file (required for xlsx)')
    .option('--lang <lang>', 'en or id (CSV and XLSX headings)', 'en')
    .option('--json', 'print the scorecard as JSON')
    .action(async (opts: Flags) => (await actions()).scorecard(ctx, opts));

  quality
    .command('program <id>')
    .description("a program's score and what to fix")
    .option('--json', 'print JSON')
    .action(async (id: string, opts: Flags) => (await actions()).programFindings(ctx, id, opts));
}
