/** `mitra editions …`: frozen editions of a year's figures (docs/editions.md). */
import type { Command } from 'commander';
import { jsonOption } from './common.commands.js';
import type { BundleOptions, CliContext, EditionOptions, FreezeOptions, NarrativeOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./editions.actions.js');

export function registerEditionCommands(program: Command, ctx: CliContext): void {
  const group = program
    .command('editions')
    .description("frozen editions of a year's figures: freeze, list, show, compare with the live figures, publish, narrative");

  group
    .command('freeze')
    .description('freeze the year as its next edition: a copy of every figure of the annual report and of the records counted')
    .argument('<year>', 'the year')
    .option('--override-reason <text>', 'freeze despite what blocks it (recorded with the edition)')
    .option('--reason <text>', 'why a new edition of a frozen year (errata; required from edition 2)')
    .addOption(jsonOption())
    .action(async (year: string, opts: FreezeOptions) => (await actions()).editionsFreeze(ctx, year, opts));

  group
    .command('list')
    .description('the editions of a year (or of every year), latest first')
    .argument('[year]', 'the year')
    .addOption(jsonOption())
    .action(async (year: string | undefined, opts: { json?: boolean }) => (await actions()).editionsList(ctx, year, opts));

  group
    .command('show')
    .description('one edition: its name, who froze and published it, and its figures (as `report summary` prints them)')
    .argument('<year>', 'the year')
    .requiredOption('--edition <n>', 'the edition number')
    .option('--lang <lang>', 'en or id', 'en')
    .addOption(jsonOption())
    .action(async (year: string, opts: EditionOptions) => (await actions()).editionsShow(ctx, year, opts));

  group
    .command('diff')
    .description('what differs between the live figures and an edition: figure by figure, and programs added, removed and changed')
    .argument('<year>', 'the year')
    .requiredOption('--edition <n>', 'the edition number')
    .addOption(jsonOption())
    .action(async (year: string, opts: EditionOptions) => (await actions()).editionsDiff(ctx, year, opts));

  group
    .command('publish')
    .description('publish an edition: the public sees it from now on, and nothing of it changes any more')
    .argument('<year>', 'the year')
    .requiredOption('--edition <n>', 'the edition number')
    .action(async (year: string, opts: EditionOptions) => (await actions()).editionsPublish(ctx, year, opts));

  group
    .command('bundle')
    .description(
      'every document of an edition into a new folder: the annual report (PDF, XLSX; id, en), IATI activity and organisation files, TOSSD, SEGIB-style and UN SDG 17.3.1 tables, the reconciliation and the checklist',
    )
    .argument('<year>', 'the year')
    .requiredOption('--edition <n>', 'the edition number')
    .requiredOption('--out <dir>', 'a new or empty folder')
    .addOption(jsonOption())
    .action(async (year: string, opts: BundleOptions) => (await actions()).editionsBundle(ctx, year, opts));

  group
    .command('narrative')
    .description("write an unpublished edition's narrative (foreword) in one language from a text file")
    .argument('<year>', 'the year')
    .requiredOption('--edition <n>', 'the edition number')
    .requiredOption('--lang <lang>', 'id or en')
    .requiredOption('--file <file>', 'a UTF-8 text file (empty clears the narrative)')
    .action(async (year: string, opts: NarrativeOptions) => (await actions()).editionsNarrative(ctx, year, opts));
}
