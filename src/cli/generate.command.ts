import type { Command } from 'commander';
import type { CliContext, GenerateOptions } from './context.js';

export function registerGenerateCommand(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('write realistic synthetic activities.csv and participants.csv in the import formats')
    .requiredOption('--activities <n>', 'number of programs')
    .option('--participants <n>', 'number of participant records (spread over the programs)', '0')
    .option('--years <from-to>', 'range of years', '2015-2024')
    .option('--out <dir>', 'output folder', '.')
    .option('--seed <n>', 'random seed (same seed, same files)', '1')
    // The generator loads when the command runs (main.ts).
    .action(async (opts: GenerateOptions) => (await import('./generate.actions.js')).generate(ctx, opts));
}
