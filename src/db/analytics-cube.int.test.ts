/**
 * The summary tables stay equal to a full recomputation through every kind of write: programs
 * created, changed, moved to another year or stage, deleted; participants added and removed;
 * exchange rates imported; custom country lists changed.
 */
import { beforeAll, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { countryListInputSchema } from '../domain/analytics/priority.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { createProgram, deleteProgram, patchProgram } from '../services/programs.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { transitionProgram } from '../services/lifecycle.js';
import { addParticipant, deleteParticipant } from '../services/participants.js';
import { deleteCountryList, saveCountryList } from '../services/priorities.js';
import { aProgram, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { expectAnalyticsConsistent } from '../testing/analytics-cube.js';

describeEachEngine('analytics summary tables', (app) => {
  const deps = () => app().deps;

  const expectConsistent = () => expectAnalyticsConsistent(app());

  beforeAll(async () => {
    await loadDemoData(deps());
  });

  it('matches a rebuild after the demo load and through every kind of write', async () => {
    await expectConsistent();
    await saveCountryList(
      deps(),
      countryListInputSchema.parse({ code: 'melanesia', nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['FJ', 'PG', 'SB', 'VU'] }),
    );
    const a = await createProgram(
      deps(),
      programInputSchema.parse(
        aProgram({
          plannedStart: '2018-05-01',
          plannedEnd: '2018-05-03',
          recipients: [
            { country: 'FJ', percentage: 60 },
            { country: 'KE', percentage: 40 },
          ],
          participantsPlanned: 10,
          transactions: [
            { type: '3', date: '2018-05-02', amount: '1000.00', currency: 'USD' },
            { type: '4', date: '2018-05-03', amount: '500.00', currency: 'XOF' },
            { type: '3', date: '2015-01-03', amount: '70.00', currency: 'IDR' },
          ],
        }),
      ),
    );
    await expectConsistent();
    const p = await addParticipant(deps(), a.id, participantInputSchema.parse(aParticipant({ country: 'KE' })));
    await patchProgram(deps(), a.id, { recipients: [{ country: 'PG' }, { country: 'KE' }], flagshipArea: 'DEV-DRM' });
    await expectConsistent();
    await deleteParticipant(deps(), a.id, p.id);
    await patchProgram(deps(), a.id, { plannedStart: '2019-01-10', plannedEnd: '2019-01-12' });
    await transitionProgram(deps(), a.id, { action: 'submit' }).catch(() => undefined);
    await expectConsistent();
    await deps().store.repos.exchangeRates.upsert([{ currency: 'XOF', date: '2018-01-01', unitsPerUsd: 590.5, source: 'test' }]);
    await saveCountryList(
      deps(),
      countryListInputSchema.parse({ code: 'melanesia', nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['PG', 'KE'] }),
    );
    await expectConsistent();
    await deleteProgram(deps(), a.id);
    await deleteCountryList(deps(), 'melanesia');
    await expectConsistent();
  });
});
