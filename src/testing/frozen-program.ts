/**
 * Hand-built frozen programs for the tests of an edition's bundle (src/domain/bundle): a whole
 * Program record with the figures an edition counted of it, and a bundle context. Every value is
 * given by the test or is a plain default below; nothing is computed from a database.
 */
import type { BundleContext, BundleOutputBuilder, FrozenProgram, HeadlineTotals } from '../domain/bundle/types.js';
import type { RateTable } from '../domain/finance/in-kind.js';
import type { Program } from '../domain/program/program.js';
import type { MissingRate, Spending } from '../domain/report/summary.js';

let counter = 0;

/** A program record: a bilateral training for Kenya in 2018, under way, with nothing spent. */
export function programRecord(overrides: Partial<Program> = {}): Program {
  counter += 1;
  return {
    id: counter,
    identifier: `SEGUN-${counter}`,
    titleEn: 'International training on aquaculture',
    titleId: 'Pelatihan internasional budi daya perikanan',
    descriptionEn: null,
    descriptionId: null,
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    cooperationType: 'bilateral',
    activityStatus: 'implementation',
    lifecycleStage: 'implementation',
    plannedStart: '2018-07-15',
    plannedEnd: '2018-07-21',
    actualStart: '2018-07-15',
    actualEnd: '2018-07-21',
    venueCity: 'Banyuwangi',
    venueCountry: 'ID',
    implementingOrg: 'ID-KKP',
    fundingSource: 'apbn',
    participantsPlanned: null,
    illustrative: false,
    recipients: [{ country: 'KE', percentage: null }],
    partners: [],
    sectors: [{ vocabulary: '1', code: '31320', percentage: 100 }],
    sdgs: [{ goal: 14, target: null }],
    budgets: [],
    transactions: [],
    year: 2018,
    version: 1,
    createdAt: '2018-01-01T00:00:00.000Z',
    updatedAt: '2018-01-01T00:00:00.000Z',
    source: 'mitra',
    iatiDetails: null,
    ...overrides,
  };
}

/** Spending as the reports give it, in hundredths; empty by default. */
export function spending(usdMinor = 0, idrMinor = 0, missingRates: readonly MissingRate[] = []): Spending {
  return {
    usdMinor,
    idrMinor,
    transactions: usdMinor === 0 && idrMinor === 0 && missingRates.length === 0 ? 0 : 1,
    byCurrency: [],
    missingRates,
  };
}

export interface FrozenProgramOverrides extends Partial<Omit<FrozenProgram, 'program'>> {
  readonly program?: Partial<Program>;
}

/**
 * A frozen program. Participants given without their split by country all go to the first
 * recipient (or to "no country" when it has none), and count as of unrecorded sex.
 */
export function frozenProgram(overrides: FrozenProgramOverrides = {}): FrozenProgram {
  const { program: programOverrides, ...rest } = overrides;
  const program = programRecord(programOverrides);
  const participants = rest.participants ?? 0;
  const firstCountry = program.recipients[0]?.country ?? null;
  return {
    program,
    participants,
    participantsSource: participants > 0 ? 'totals' : null,
    participantsByCountry: participants > 0 ? [{ country: firstCountry, participants }] : [],
    participantsBySex: { F: 0, M: 0, X: 0, unrecorded: participants },
    spent: spending(),
    inKind: null,
    inKindGap: null,
    ...rest,
  };
}

/** The context of Indonesia's edition of `year`, with the ministry MOFA (IATI type 10) and a local body LOCAL (type 11). */
export function bundleContext(overrides: Partial<BundleContext> = {}): BundleContext {
  const rates: RateTable = new Map([['IDR', [{ date: '2018-01-01', unitsPerUsd: 15_000 }]]]);
  return {
    year: 2018,
    providerCountry: 'ID',
    publisherRef: 'ID-GOV-1',
    organisations: new Map([
      ['MOFA', { nameEn: 'Ministry of Foreign Affairs', nameId: 'Kementerian Luar Negeri', type: '10' }],
      ['LOCAL', { nameEn: 'Provincial Government of Bali', nameId: 'Pemerintah Provinsi Bali', type: '11' }],
    ]),
    rates,
    titleEn: 'Annual Report 2018, edition 1',
    titleId: 'Laporan Tahunan 2018, edisi 1',
    ...overrides,
  };
}

/** The edition's headline totals, counted directly from the frozen programs (independently of any output). */
export function editionTotals(programs: readonly FrozenProgram[]): HeadlineTotals {
  return {
    programs: programs.length,
    countries: new Set(programs.flatMap((fp) => fp.program.recipients.map((r) => r.country))).size,
    participants: programs.reduce((n, fp) => n + fp.participants, 0),
    usdMinor: programs.reduce((n, fp) => n + fp.spent.usdMinor, 0),
    idrMinor: programs.reduce((n, fp) => n + fp.spent.idrMinor, 0),
    inKindUsdMinor: programs.reduce((n, fp) => n + (fp.inKind?.usdMinor ?? 0), 0),
  };
}

/** Runs an output over the programs a page at a time: the rows of its main sheet and what it finishes with. */
export function runBuilder(builder: BundleOutputBuilder, programs: readonly FrozenProgram[], pageSize = 100) {
  const rows: (readonly (string | number | null)[])[] = [];
  for (let i = 0; i < programs.length; i += pageSize) rows.push(...builder.add(programs.slice(i, i + pageSize)));
  return { rows, ...builder.finish() };
}
