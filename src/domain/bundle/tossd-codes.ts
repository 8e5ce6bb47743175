/**
 * The TOSSD codes Mitra's TOSSD file uses, and where each comes from (docs/tossd.md).
 *
 * Codes and names are those of the OECD development finance codelists
 * (https://development-finance-codelists.oecd.org/CodesList.aspx), codes valid for TOSSD, as
 * packaged on 2026-08-28 by ONEcampaign/tossd-reader (src/tossd_reader/_data/codelists/:
 * modality.csv, codelist 14 "Co-operation modality"; framework_of_collaboration.csv, 18;
 * finance_instrument.csv, 15 "Type of finance"; pillar.csv, 19). The channel code is the CRS
 * channel of delivery (IATI CRSChannelCode: 11001 "Central Government" under 11000 "Donor
 * Government"). Recipient and provider codes are the generated table reference/tossd-areas.ts.
 */
import type { Modality } from '../codes.js';
import { getCountry } from '../reference/countries.js';
import { TOSSD_PROVIDERS, TOSSD_RECIPIENTS, type TossdProvider } from '../reference/tossd-areas.js';

/** Co-operation modalities (codelist 14) Mitra's programs map to, with their codelist names. */
export const TOSSD_MODALITY_NAMES: Readonly<Record<string, string>> = {
  C01: 'Projects',
  D01: 'In-kind technical co-operation experts',
  D02: 'Other technical co-operation',
  D021: '(for SSC providers only) Training',
  E01: 'Scholarships/training in provider country',
  J01: '(for SSC providers only) In-kind donations',
};

/**
 * Mitra's modality → TOSSD co-operation modality. Only what the record says is coded: a training
 * is D021 "Training"; seminars, workshops, study visits, internships and knowledge sharing are
 * D02 "Other technical co-operation" (the parent of D021: the codelist has no code of their own,
 * and calling them training would say more than the record does); an expert dispatch is D01
 * "In-kind technical co-operation experts" (Mitra does not split experts' costs, D011, from their
 * travel, D012); a scholarship is E01; an equipment grant is J01 "In-kind donations".
 */
export const TOSSD_MODALITY_OF: Readonly<Record<Modality, string>> = {
  training: 'D021',
  seminar: 'D02',
  workshop: 'D02',
  study_visit: 'D02',
  internship: 'D02',
  knowledge_sharing: 'D02',
  expert_dispatch: 'D01',
  scholarship: 'E01',
  equipment_grant: 'J01',
};

/** Framework of collaboration (codelist 18). */
export const FRAMEWORK_SOUTH_SOUTH = { code: 'FC01', name: 'SOUTH-SOUTH CO-OPERATION' } as const;
export const FRAMEWORK_TRIANGULAR = { code: 'FC02', name: 'TRIANGULAR CO-OPERATION' } as const;

/** Type of finance (codelist 15). */
export const STANDARD_GRANT = { code: '110', name: 'Standard grant' } as const;

/** TOSSD pillar (codelist 19): Pillar I, cross-border flows to TOSSD recipients. */
export const PILLAR_CROSS_BORDER = '1';

/** CRS channel of delivery: the provider's central government. */
export const CHANNEL_CENTRAL_GOVERNMENT = { code: '11001', name: 'Central Government' } as const;

/** Recipient code 998 "Developing countries, unspecified": a program with no recipient country recorded. */
export const UNSPECIFIED_RECIPIENT = { code: '998', name: 'Developing countries, unspecified' } as const;

/** First year of the TOSSD data collections (tossd.online/about: "data are available for activities from 2019 onwards"). */
export const FIRST_TOSSD_YEAR = 2019;

/**
 * What TOSSD makes of a recipient country:
 * - `oda` / `tossd_only`: on the list of TOSSD recipients (and on the DAC List of ODA Recipients or not);
 * - `ineligible`: a country Mitra knows that is not on the list;
 * - `provider`: the providing country itself (TOSSD Pillar I records cross-border flows);
 * - `not_established`: a code Mitra's country table does not know, so no list can say.
 */
export type TossdEligibility = 'oda' | 'tossd_only' | 'ineligible' | 'provider' | 'not_established';

export interface TossdRecipientStatus {
  readonly code: string | null;
  readonly name: string;
  readonly eligibility: TossdEligibility;
}

const recipientByIso2 = new Map(TOSSD_RECIPIENTS.flatMap((r) => (r.iso2 ? [[r.iso2, r] as const] : [])));
const providerByIso2 = new Map(TOSSD_PROVIDERS.map((p) => [p.iso2, p]));

export function tossdRecipientOf(iso2: string, providerIso2: string): TossdRecipientStatus {
  const code = iso2.toUpperCase();
  const listed = recipientByIso2.get(code);
  if (code === providerIso2.toUpperCase()) return { code: listed?.code ?? null, name: listed?.name ?? code, eligibility: 'provider' };
  if (listed) return { code: listed.code, name: listed.name, eligibility: listed.odaRecipient ? 'oda' : 'tossd_only' };
  const known = getCountry(code);
  return known ? { code: null, name: known.nameEn, eligibility: 'ineligible' } : { code: null, name: code, eligibility: 'not_established' };
}

export function tossdProviderOf(iso2: string): TossdProvider | undefined {
  return providerByIso2.get(iso2.toUpperCase());
}

/** The eligibility in words, as the file's "TOSSD eligibility" column and the summary show it. */
export const ELIGIBILITY_LABELS: Readonly<Record<TossdEligibility | 'unspecified', string>> = {
  oda: 'TOSSD recipient (also an ODA recipient)',
  tossd_only: 'TOSSD recipient (not an ODA recipient)',
  ineligible: 'Not a TOSSD recipient',
  provider: 'Providing country (not cross-border)',
  not_established: 'Eligibility not established',
  unspecified: 'TOSSD recipient code for unspecified developing countries',
};
