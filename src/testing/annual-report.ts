/**
 * A small annual-report data set with figures known by hand, for the tests of the PDF and XLSX
 * documents (API and CLI build it through their own paths).
 *
 * 2016, one IDR rate (15,000 per USD from 1 January):
 *   A training, DEV-AGR, bilateral, Papua New Guinea, 12 participants, completed;
 *     spent IDR 150,000,000.00 on 4 March = USD 10,000.00
 *   B seminar, ECO-MICRO, regional, Kenya, 8 participants, approved;
 *     spent XOF 655,957.00 on 6 May: no XOF rate, so it is in neither total and listed
 *   C workshop, DEV-AGR, bilateral, Timor-Leste, 5 participants, funded
 *   D expert dispatch, DEV-AGR, bilateral, Papua New Guinea, 100 participants, still a request
 *     (not published: the public's report leaves it out)
 * Every stage: 4 programs, 3 countries, 125 participants; Papua New Guinea first with 2
 * programs and 112 participants; DEV-AGR 3 programs. Published only: 3 programs, 25 participants.
 */
import type { ProgramRequest } from '../domain/program/program.schema.js';
import { aProgram } from './builders.js';

export const REPORT_YEAR = 2016;

export const REPORT_RATES_CSV = 'currency,date,units_per_usd,source\nIDR,2016-01-01,15000,test rate\n';

export function reportPrograms(): ProgramRequest[] {
  const program = (overrides: Partial<ProgramRequest>) =>
    aProgram({ plannedStart: '2016-03-01', plannedEnd: '2016-03-10', flagshipArea: 'DEV-AGR', cooperationType: 'bilateral', ...overrides });
  return [
    program({
      modality: 'training',
      recipients: [{ country: 'PG' }],
      participantsPlanned: 12,
      lifecycleStage: 'completed',
      transactions: [{ type: '3', date: '2016-03-04', amount: '150000000.00', currency: 'IDR' }],
    }),
    program({
      modality: 'seminar',
      flagshipArea: 'ECO-MICRO',
      cooperationType: 'regional',
      recipients: [{ country: 'KE' }],
      participantsPlanned: 8,
      lifecycleStage: 'approved',
      plannedStart: '2016-05-01',
      plannedEnd: '2016-05-08',
      transactions: [{ type: '4', date: '2016-05-06', amount: '655957.00', currency: 'XOF' }],
    }),
    program({ modality: 'workshop', recipients: [{ country: 'TL' }], participantsPlanned: 5, lifecycleStage: 'funded' }),
    program({ modality: 'expert_dispatch', recipients: [{ country: 'PG' }], participantsPlanned: 100, lifecycleStage: 'request' }),
  ];
}

/** Lines of `pdftotext -layout` output that carry the hand-known figures, every stage counted. */
export const EXPECTED_ALL_STAGES = {
  en: [
    /^\s*Programs\s+4\s*$/m,
    /^\s*Countries\s+3\s*$/m,
    /^\s*Participants\s+125\s*$/m,
    /^\s*Oceania\s+2\s+1\s+112\s*$/m,
    /^\s*1\s+PG\s+Papua New Guinea\s+Oceania\s+2\s+112\s*$/m,
    /^\s*DEV-AGR\s+Livestock and agriculture\s+3\s+117\s*$/m,
    /^\s*Total in USD\s+10,000\.00\s*$/m,
    /^\s*Total in IDR\s+150,000,000\.00\s*$/m,
    /^\s*XOF\s+655,957\.00\s+1\s*$/m,
    /^\s*No exchange rate for XOF \(IDR, USD\)\s+655,957\.00\s+1\s*$/m,
  ],
  id: [
    /^\s*Program\s+4\s*$/m,
    /^\s*Negara\s+3\s*$/m,
    /^\s*Peserta\s+125\s*$/m,
    /^\s*Oseania\s+2\s+1\s+112\s*$/m,
    /^\s*1\s+PG\s+Papua Nugini\s+Oseania\s+2\s+112\s*$/m,
    /^\s*Total dalam USD\s+10\.000,00\s*$/m,
    /^\s*Total dalam IDR\s+150\.000\.000,00\s*$/m,
    /^\s*Tidak ada kurs untuk XOF \(IDR, USD\)\s+655\.957,00\s+1\s*$/m,
  ],
} as const;
