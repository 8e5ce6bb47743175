/** Generated programs (`mitra generate`'s data) imported through the CSV import, for tests at scale. */
import { ACTIVITY_COLUMNS, PARTICIPANT_COLUMNS } from '../domain/import/csv-columns.js';
import { csvRecordSource } from '../io/csv-read.js';
import { csvRow } from '../io/csv-write.js';
import type { AppContext } from '../main.js';
import { importPrograms } from '../services/import-programs.js';
import { importParticipants } from '../services/import-participants.js';
import { syntheticProgram, syntheticParticipants, type SyntheticOptions } from '../services/synthetic.js';

const source = (name: string, text: string) =>
  csvRecordSource(
    name,
    (async function* () {
      yield text;
    })(),
    { maxBytes: 256 * 1024 * 1024 },
  );

/** `mitra generate`'s two files, as text. */
export function generatedCsv(options: SyntheticOptions): { activities: string; participants: string } {
  let activities = csvRow(ACTIVITY_COLUMNS);
  let participants = csvRow(PARTICIPANT_COLUMNS);
  for (let i = 0; i < options.activities; i++) {
    const activity = syntheticProgram(i, options);
    activities += csvRow(ACTIVITY_COLUMNS.map((c) => activity.row[c]));
    for (const p of syntheticParticipants(i, options, activity)) participants += csvRow(PARTICIPANT_COLUMNS.map((c) => p[c]));
  }
  return { activities, participants };
}

/** Imports `options.activities` generated programs and `options.participants` participant records; throws unless both commit. */
export async function importGeneratedPrograms(app: AppContext, options: SyntheticOptions): Promise<void> {
  const { activities, participants } = generatedCsv(options);
  const programs = await importPrograms(app.deps, source('activities.csv', activities), { providerCountry: 'ID' });
  if (programs.status !== 'committed')
    throw new Error(`the generated programs were not imported: ${JSON.stringify(programs).slice(0, 500)}`);
  if (options.participants === 0) return;
  const people = await importParticipants(app.deps, source('participants.csv', participants), { providerCountry: 'ID' });
  if (people.status !== 'committed')
    throw new Error(`the generated participants were not imported: ${JSON.stringify(people).slice(0, 500)}`);
}
