/**
 * Results frameworks of four real programs of 2016–2018 (docs/results.md, docs/demo-data.md).
 * No source gives a result, indicator or figure of these programs: every baseline, target and
 * actual is illustrative, and each says so in its comment ("Illustrative (demo)"); the programs,
 * their dates and recipients are the demo's own. The participant indicator of each program is
 * computed from its participants, as for every program.
 */
import { frameworkInputSchema, type FrameworkInput } from '../../domain/results/framework.js';
import { replaceFramework } from '../results.js';
import type { ServiceDeps } from '../deps.js';
import { demoProgram } from './demo-requests.js';

const EN = 'Illustrative (demo): the sources give no value.';
const ID = 'Ilustratif (demo): sumber tidak memberikan nilai.';
const illustrative = { commentEn: EN, commentId: ID };

/** By program identifier. */
export const DEMO_RESULTS: Readonly<Record<string, unknown>> = {
  // 2016, the Entrepreneurship Boot Camp (27 participants, reported): business plans written, and a year later started.
  'ID-KEMENSETNEG-2016-02': {
    results: [
      {
        type: '1',
        titleEn: 'Participants able to write a business plan',
        titleId: 'Peserta mampu menyusun rencana usaha',
        indicators: [
          {
            measure: '1',
            titleEn: 'Business plans completed at the end of the boot camp',
            titleId: 'Rencana usaha yang selesai di akhir boot camp',
            baseline: { year: 2016, value: 0, ...illustrative },
            periods: [
              {
                start: '2016-11-07',
                end: '2016-11-18',
                target: { value: 27, ...illustrative },
                actual: {
                  value: 25,
                  ...illustrative,
                  disaggregations: [
                    { dimension: 'recipient-country', value: 'TL', amount: 4 },
                    { dimension: 'recipient-country', value: 'PG', amount: 3 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        type: '2',
        titleEn: 'Businesses started by alumni',
        titleId: 'Usaha yang dirintis alumni',
        indicators: [
          {
            measure: '2',
            titleEn: 'Share of participants running a business a year later',
            titleId: 'Persentase peserta yang menjalankan usaha setahun kemudian',
            baseline: { year: 2016, value: 20, ...illustrative },
            periods: [
              { start: '2017-01-01', end: '2017-12-31', target: { value: 50, ...illustrative }, actual: { value: 44.4, ...illustrative } },
            ],
          },
        ],
      },
    ],
  },
  // 2017, third-country training on fisheries with JICA (Bitung).
  'ID-KKP-2017-01': {
    results: [
      {
        type: '1',
        titleEn: 'Fisheries officers trained in stock assessment',
        titleId: 'Petugas perikanan terlatih dalam pengkajian stok',
        indicators: [
          {
            measure: '1',
            titleEn: 'Officers passing the final assessment',
            titleId: 'Petugas yang lulus penilaian akhir',
            baseline: { year: 2017, value: 0, ...illustrative },
            periods: [
              {
                start: '2017-08-07',
                end: '2017-08-25',
                target: { value: 16, ...illustrative },
                actual: {
                  value: 15,
                  ...illustrative,
                  disaggregations: [
                    { dimension: 'sex', value: 'female', amount: 6 },
                    { dimension: 'sex', value: 'male', amount: 9 },
                    { dimension: 'recipient-country', value: 'TZ', amount: 4 },
                    { dimension: 'recipient-country', value: 'MZ', amount: 4 },
                    { dimension: 'recipient-country', value: 'MG', amount: 4 },
                    { dimension: 'recipient-country', value: 'KE', amount: 3 },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 2018, the infrastructure seminar for Afghanistan (20 participant records).
  'ID-KEMLU-2018-06': {
    results: [
      {
        type: '1',
        titleEn: 'Officials who know Indonesia’s practice in infrastructure for the SDGs',
        titleId: 'Pejabat yang memahami praktik Indonesia dalam infrastruktur untuk TPB/SDGs',
        indicators: [
          {
            measure: '2',
            titleEn: 'Participants rating the seminar useful for their work',
            titleId: 'Peserta yang menilai seminar berguna bagi pekerjaannya',
            baseline: { year: 2018, value: 0, ...illustrative },
            periods: [
              {
                start: '2018-08-26',
                end: '2018-09-01',
                target: { value: 80, ...illustrative },
                actual: {
                  value: 90,
                  ...illustrative,
                  disaggregations: [
                    { dimension: 'sex', value: 'female', amount: 100 },
                    { dimension: 'sex', value: 'male', amount: 87.5 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        type: '2',
        titleEn: 'Follow-up in Afghanistan',
        titleId: 'Tindak lanjut di Afganistan',
        indicators: [
          {
            measure: '5',
            titleEn: 'Practices taken up by Afghan ministries',
            titleId: 'Praktik yang diadopsi kementerian Afganistan',
            baseline: { year: 2018, ...illustrative },
            periods: [
              {
                start: '2019-01-01',
                end: '2019-12-31',
                actual: {
                  commentEn: `Two ministries report using the community-based road maintenance model. ${EN}`,
                  commentId: `Dua kementerian melaporkan penggunaan model pemeliharaan jalan berbasis masyarakat. ${ID}`,
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 2018, the microfinance seminar for Palestine (Amman).
  'ID-KEMLU-2018-01': {
    results: [
      {
        type: '1',
        titleEn: 'Microfinance practitioners trained',
        titleId: 'Praktisi keuangan mikro terlatih',
        indicators: [
          {
            measure: '1',
            titleEn: 'Action plans for microfinance institutions',
            titleId: 'Rencana aksi untuk lembaga keuangan mikro',
            baseline: { year: 2018, value: 0, ...illustrative },
            periods: [
              { start: '2018-03-25', end: '2018-03-29', target: { value: 10, ...illustrative }, actual: { value: 12, ...illustrative } },
            ],
          },
        ],
      },
    ],
  },
};

/** Writes the frameworks (by the system, as every demo record). */
export async function loadDemoResults(deps: ServiceDeps, ids: ReadonlyMap<string, number>): Promise<number> {
  let n = 0;
  for (const [identifier, framework] of Object.entries(DEMO_RESULTS)) {
    const input: FrameworkInput = frameworkInputSchema.parse(framework);
    await replaceFramework(deps, demoProgram(ids, identifier), input, 0);
    n++;
  }
  return n;
}
