/**
 * Frozen programs and a bundle context built by hand, for the unit tests of the TOSSD output:
 * each test states the figures it checks (spending already converted, in-kind estimates in
 * cents), so that every expected row can be worked out on paper.
 */
import type { RateTable } from '../domain/finance/in-kind.js';
import { emptyProgram, type Program } from '../domain/program/program.js';
import type { Spending } from '../domain/report/summary.js';
import type { BundleContext, FrozenProgram } from '../domain/bundle/types.js';

/** Spending of `usdMinor` cents from `transactions` converted transactions (IDR figures left at 0). */
export function spending(usdMinor: number, transactions = 1, missingRates: Spending['missingRates'] = []): Spending {
  return { usdMinor, idrMinor: 0, transactions, byCurrency: [], missingRates };
}

export interface FrozenProgramOverrides extends Partial<Omit<FrozenProgram, 'program'>> {
  readonly program?: Partial<Program>;
}

let counter = 0;

/** A completed Indonesian training for Kenya, implemented by a ministry (organisation MOFA), with no money unless given. */
export function frozenProgram(overrides: FrozenProgramOverrides = {}): FrozenProgram {
  const identifier = overrides.program?.identifier ?? `TOSSD-TEST-${++counter}`;
  const program: Program = {
    ...emptyProgram(identifier),
    id: counter,
    year: 2022,
    version: 1,
    createdAt: '2022-01-01T00:00:00.000Z',
    updatedAt: '2022-01-01T00:00:00.000Z',
    source: 'mitra',
    iatiDetails: null,
    titleEn: 'International training on aquaculture',
    titleId: 'Pelatihan internasional budi daya perikanan',
    descriptionEn: 'Two weeks of hands-on training in fish farming.',
    modality: 'training',
    cooperationType: 'bilateral',
    activityStatus: 'closed',
    lifecycleStage: 'completed',
    actualStart: '2022-07-15',
    actualEnd: '2022-07-28',
    implementingOrg: 'MOFA',
    recipients: [{ country: 'KE', percentage: null }],
    sectors: [{ vocabulary: '1', code: '31320', percentage: 100 }],
    sdgs: [{ goal: 14, target: '14.7' }],
    ...overrides.program,
  };
  return {
    participants: 0,
    participantsSource: null,
    participantsByCountry: [],
    participantsBySex: { F: 0, M: 0, X: 0, unrecorded: 0 },
    spent: spending(0, 0),
    inKind: null,
    inKindGap: null,
    ...overrides,
    program,
  };
}

/** The context of Indonesia's edition of `year`, with the ministry MOFA (IATI type 10) and a local body LOCAL (type 11). */
export function tossdContext(overrides: Partial<BundleContext> = {}): BundleContext {
  const rates: RateTable = new Map([['IDR', [{ date: '2022-01-01', unitsPerUsd: 15_000 }]]]);
  return {
    year: 2022,
    providerCountry: 'ID',
    publisherRef: 'ID-GOV-1',
    organisations: new Map([
      ['MOFA', { nameEn: 'Ministry of Foreign Affairs', nameId: 'Kementerian Luar Negeri', type: '10' }],
      ['LOCAL', { nameEn: 'Provincial Government of Bali', nameId: 'Pemerintah Provinsi Bali', type: '11' }],
    ]),
    rates,
    titleEn: 'Annual Report 2022, edition 1',
    titleId: 'Laporan Tahunan 2022, edisi 1',
    ...overrides,
  };
}
