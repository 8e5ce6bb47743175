/** `mitra generate` (generate.command.ts): synthetic CSV files in the import formats. */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { ACTIVITY_COLUMNS, PARTICIPANT_COLUMNS } from '../domain/import/csv-columns.js';
import { csvRow, writeChunk } from '../io/csv-write.js';
import { syntheticProgram, syntheticParticipants, type SyntheticOptions } from '../services/synthetic.js';
import { CliInputError } from './exit-codes.js';
import type { CliContext, GenerateOptions } from './context.js';

function whole(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliInputError(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
  return n;
}

export async function generate(ctx: CliContext, opts: GenerateOptions): Promise<void> {
  const match = /^(\d{4})-(\d{4})$/.exec(opts.years);
  if (!match || Number(match[1]) > Number(match[2])) throw new CliInputError(`--years must be like 2015-2024 (got ${opts.years})`);
  const options: SyntheticOptions = {
    activities: whole('--activities', opts.activities, 1, 10_000_000),
    participants: whole('--participants', opts.participants, 0, 100_000_000),
    fromYear: Number(match[1]),
    toYear: Number(match[2]),
    seed: whole('--seed', opts.seed, 0, 2 ** 31),
    currentYear: new Date().getUTCFullYear(),
  };
  await mkdir(opts.out, { recursive: true });
  const programsPath = join(opts.out, 'activities.csv');
  const participantsPath = join(opts.out, 'participants.csv');
  const activities = createWriteStream(programsPath);
  const participants = createWriteStream(participantsPath);
  await writeChunk(activities, csvRow(ACTIVITY_COLUMNS));
  await writeChunk(participants, csvRow(PARTICIPANT_COLUMNS));
  for (let i = 0; i < options.activities; i++) {
    const activity = syntheticProgram(i, options);
    await writeChunk(activities, csvRow(ACTIVITY_COLUMNS.map((c) => activity.row[c])));
    let block = '';
    for (const p of syntheticParticipants(i, options, activity)) block += csvRow(PARTICIPANT_COLUMNS.map((c) => p[c]));
    if (block) await writeChunk(participants, block);
    if (i % 10_000 === 9_999) ctx.io.progress(`generated ${i + 1} of ${options.activities} programs`);
  }
  activities.end();
  participants.end();
  await Promise.all([finished(activities), finished(participants)]);
  ctx.io.progress('');
  ctx.io.out(`wrote ${programsPath} (${options.activities} programs) and ${participantsPath} (${options.participants} participants)`);
}
