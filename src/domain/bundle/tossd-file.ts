/**
 * The TOSSD output of an edition's bundle (docs/tossd.md): the edition's programs as rows of the
 * TOSSD activity file, one row per program and TOSSD recipient, with the field names of the
 * published TOSSD activity-level file (TOSSD Reporting Instructions, International Forum on TOSSD;
 * the 53 published columns as listed by ONEcampaign/tossd-reader src/tossd_reader/_data/schema.csv).
 *
 * - Amounts are in thousands of US dollars, as in the TOSSD file. A program's spending (and, for a
 *   program with none, its in-kind estimate) is split over its recipients by their percentages,
 *   else in equal shares, in whole cents (largest remainder), so its rows add up to its total; the
 *   reconciliation sums those cents, never the rounded thousands.
 * - Eligibility: a recipient on the list of TOSSD recipients gets its row. A program counts in
 *   TOSSD when at least one of its recipients is a TOSSD recipient; its other recipients' shares
 *   are left out (exclusions, by rule); a program none of whose recipients is a TOSSD recipient is
 *   left out whole. A program with no recipient country is one row for 998 "Developing countries,
 *   unspecified", a TOSSD recipient code.
 * - Whatever TOSSD asks and the record does not hold is an empty cell and a checklist item.
 */
import { codelistName } from '../reference/codelists.js';
import {
  collaborationTypeOf,
  projectNumber,
  purposeCodeOf,
  recipientShares,
  recipientWeights,
  spentOf,
  splitCents,
} from '../finance/tossd.js';
import type { Spending } from '../report/summary.js';
import {
  CHANNEL_CENTRAL_GOVERNMENT,
  ELIGIBILITY_LABELS,
  FIRST_TOSSD_YEAR,
  FRAMEWORK_SOUTH_SOUTH,
  FRAMEWORK_TRIANGULAR,
  PILLAR_CROSS_BORDER,
  STANDARD_GRANT,
  TOSSD_MODALITY_NAMES,
  TOSSD_MODALITY_OF,
  tossdProviderOf,
  tossdRecipientOf,
  UNSPECIFIED_RECIPIENT,
  type TossdEligibility,
} from './tossd-codes.js';
import { tossdSummarySheets, TossdTally, type ExcludedEligibility, type RecipientPart } from './tossd-tally.js';
import type { BundleContext, BundleOutputBuilder, ChecklistItem, FrozenProgram } from './types.js';

type Cell = string | number | null;

export const TOSSD_FILE_COLUMNS = [
  'Year',
  'provider',
  'ProviderNameE',
  'agencyname_E',
  'ProjectNumber',
  'recipientcode',
  'recipientnamee',
  'ChannelCode',
  'ChannelName_E',
  'Financeinstrument',
  'FinanceinstrumentName_e',
  'FrameworkOfCollaboration',
  'FrameworkOfCollaborationName_e',
  'modality',
  'Aid_T_Description_E',
  'ProjectTitle',
  'ProjectDescription',
  'sdgcode',
  'purposecode',
  'purposename_e',
  'sector3',
  'TossdPillar',
  'USD_Commitment',
  'USD_disbursements',
  // Mitra's own columns, not in the published file: the CRS collaboration type (bi_multi), the
  // recipient's share of the program, its TOSSD eligibility, and how the amount is valued.
  'bi_multi',
  'Recipient share (%)',
  'TOSSD eligibility',
  'Valuation method',
] as const;

/** TOSSD asks for up to ten SDG goals or targets per activity. */
export const MAX_SDG_FOCUS = 10;

const ACTUAL_COST = 'Actual cost: recorded disbursements and expenditure, converted at each value date';
const UNIT_COST_ESTIMATE = "Estimate: Mitra's in-kind estimate (unit costs × people × days, and flights)";

/** TOSSD amounts are in thousands of US dollars; Mitra counts hundredths of a dollar. */
export const usdThousands = (cents: number): number => cents / 100_000;

const isKept = (part: RecipientPart): boolean =>
  part.status === null || part.status.eligibility === 'oda' || part.status.eligibility === 'tossd_only';

/** Commitments (IATI transaction type 2) dated in the reporting year, converted at each value date. */
function commitmentsOf(fp: FrozenProgram, ctx: BundleContext): Spending {
  return spentOf(fp.program, ctx.rates, ['2'], (t) => t.date.startsWith(`${ctx.year}-`));
}

function partsOf(fp: FrozenProgram, ctx: BundleContext, commitments: Spending): RecipientPart[] {
  const recipients = fp.program.recipients;
  const weights = recipientWeights(recipients);
  const usd = splitCents(fp.spent.usdMinor, weights);
  const inKind = splitCents(fp.inKind?.usdMinor ?? 0, weights);
  const committed = splitCents(commitments.usdMinor, weights);
  const shares = recipients.length ? recipientShares(recipients) : [100];
  const part = (i: number, iso2: string | null): RecipientPart => ({
    iso2,
    status: iso2 === null ? null : tossdRecipientOf(iso2, ctx.providerCountry),
    sharePercent: shares[i] ?? 0,
    usdMinor: usd[i] ?? 0,
    inKindUsdMinor: inKind[i] ?? 0,
    commitmentMinor: committed[i] ?? 0,
  });
  return recipients.length ? recipients.map((r, i) => part(i, r.country)) : [part(0, null)];
}

/** The cells a program's rows share, and the checklist items for what its record lacks. */
function programCells(fp: FrozenProgram, ctx: BundleContext, commitments: Spending, check: (field: string, message: string) => void) {
  const p = fp.program;
  const org = p.implementingOrg ? ctx.organisations.get(p.implementingOrg) : undefined;
  if (!p.implementingOrg) check('agencyname_E', 'No implementing ministry or agency is recorded.');
  else if (!org) check('agencyname_E', `The implementing organisation ${p.implementingOrg} is not in the organisation list.`);
  // Mitra's own programs are implemented by the provider's ministries and agencies; IATI
  // OrganisationType 10 "Government" among them is the provider's central government (CRS
  // channel 11001 under 11000 "Donor Government"). Anything else is not guessed.
  const central = org?.type === '10' && p.source !== 'iati';
  if (org && !central) {
    check(
      'ChannelCode',
      `The implementing organisation ${p.implementingOrg} (IATI organisation type ${org.type}) is not known to be the provider's central government.`,
    );
  } else if (!org) check('ChannelCode', 'The channel of delivery follows the implementing organisation, which is not known.');
  const modality = p.modality ? TOSSD_MODALITY_OF[p.modality] : (p.iatiDetails?.defaultAidType ?? null);
  const modalityName = modality ? (TOSSD_MODALITY_NAMES[modality] ?? codelistName('AidType', modality) ?? null) : null;
  if (!modality) check('modality', 'No modality (form of cooperation) is recorded.');
  const title = p.titleEn ?? p.titleId;
  if (!title) check('ProjectTitle', 'No title is recorded.');
  const description = p.descriptionEn ?? p.descriptionId;
  if (!description) check('ProjectDescription', 'No description is recorded.');
  const purpose = purposeCodeOf(p) || null;
  if (!purpose) check('purposecode', 'No DAC 5-digit purpose code (sector vocabulary 1) is recorded.');
  const sdgs = p.sdgs.map((s) => s.target ?? String(s.goal));
  if (sdgs.length === 0) check('sdgcode', 'No SDG goal or target is recorded.');
  if (sdgs.length > MAX_SDG_FOCUS)
    check('sdgcode', `${sdgs.length} SDG goals and targets are recorded; TOSSD takes the first ${MAX_SDG_FOCUS}.`);
  if (commitments.transactions === 0) check('USD_Commitment', `No commitment (IATI transaction type 2) dated in ${ctx.year} is recorded.`);
  missingRateChecks(commitments, 'USD_Commitment', check);
  missingRateChecks(fp.spent, 'USD_disbursements', check);
  if (fp.spent.transactions === 0 && !fp.inKind) {
    check('USD_disbursements', `No spending is recorded and no in-kind estimate could be made${fp.inKindGap ? `: ${fp.inKindGap}` : ''}.`);
  }
  const framework = p.cooperationType === 'triangular' ? FRAMEWORK_TRIANGULAR : FRAMEWORK_SOUTH_SOUTH;
  return {
    agency: org?.nameEn ?? null,
    projectNumber: projectNumber(p, ctx.publisherRef),
    channel: central ? CHANNEL_CENTRAL_GOVERNMENT : null,
    framework,
    modality,
    modalityName,
    title,
    description,
    sdgcode: sdgs.length ? sdgs.slice(0, MAX_SDG_FOCUS).join(';') : null,
    purpose,
    purposeName: purpose ? (codelistName('Sector', purpose) ?? null) : null,
    biMulti: collaborationTypeOf(p),
    valuation: fp.spent.transactions > 0 ? ACTUAL_COST : fp.inKind ? UNIT_COST_ESTIMATE : null,
  };
}

function missingRateChecks(spending: Spending, field: string, check: (field: string, message: string) => void): void {
  for (const m of spending.missingRates) {
    if (!m.missing.includes('usd')) continue;
    check(
      field,
      `${m.transactions} transaction(s) in ${m.currency} (${m.firstDate} to ${m.lastDate}) have no exchange rate to USD and are left out of the amount.`,
    );
  }
}

type ProgramCells = ReturnType<typeof programCells>;

function rowOf(ctx: BundleContext, cells: ProgramCells, part: RecipientPart, fp: FrozenProgram, commitments: Spending): Cell[] {
  const provider = tossdProviderOf(ctx.providerCountry);
  const recipient = part.status ?? { code: UNSPECIFIED_RECIPIENT.code, name: UNSPECIFIED_RECIPIENT.name };
  const allUnconverted = fp.spent.usdMinor === 0 && fp.spent.missingRates.some((m) => m.missing.includes('usd'));
  const disbursement =
    fp.spent.transactions > 0
      ? allUnconverted
        ? null
        : usdThousands(part.usdMinor)
      : fp.inKind
        ? usdThousands(part.inKindUsdMinor)
        : null;
  return [
    ctx.year,
    provider?.code ?? null,
    provider?.name ?? null,
    cells.agency,
    cells.projectNumber,
    recipient.code,
    recipient.name,
    cells.channel?.code ?? null,
    cells.channel?.name ?? null,
    STANDARD_GRANT.code,
    STANDARD_GRANT.name,
    cells.framework.code,
    cells.framework.name,
    cells.modality,
    cells.modalityName,
    cells.title,
    cells.description,
    cells.sdgcode,
    cells.purpose,
    cells.purposeName,
    cells.purpose ? cells.purpose.slice(0, 3) : null,
    part.status ? PILLAR_CROSS_BORDER : null,
    commitments.transactions > 0 ? usdThousands(part.commitmentMinor) : null,
    disbursement,
    cells.biMulti,
    part.sharePercent,
    ELIGIBILITY_LABELS[part.status?.eligibility ?? 'unspecified'],
    cells.valuation,
  ];
}

/** The rule a program left out whole is counted under: the first of these its recipients have. */
const PROGRAM_RULE_ORDER: readonly ExcludedEligibility[] = ['not_established', 'ineligible', 'provider'];

function excludedEligibility(e: TossdEligibility): ExcludedEligibility | null {
  return e === 'ineligible' || e === 'provider' || e === 'not_established' ? e : null;
}

export function tossdBuilder(context: BundleContext): BundleOutputBuilder {
  const tally = new TossdTally();
  const checklist: ChecklistItem[] = [];
  const item = (field: string, identifier: string | null, message: string) =>
    checklist.push({ output: 'tossd', field, identifier, message });
  if (!tossdProviderOf(context.providerCountry)) {
    item('provider', null, `The providing country ${context.providerCountry} has no TOSSD provider code in the OECD provider codelist.`);
  }
  if (context.year < FIRST_TOSSD_YEAR) {
    item(
      'Year',
      null,
      `TOSSD data are collected for activities from ${FIRST_TOSSD_YEAR} onwards; ${context.year} precedes the first collection.`,
    );
  }
  item(
    'Financeinstrument',
    null,
    'Every row is reported as 110 "Standard grant": Mitra records no financing terms. Confirm with the TOSSD Secretariat whether in-kind South-South co-operation is reported as 2100 "Direct provider spending" instead.',
  );
  return {
    output: 'tossd',
    main: { name: 'TOSSD', columns: TOSSD_FILE_COLUMNS },
    add(page) {
      const rows: Cell[][] = [];
      for (const fp of page) {
        const id = fp.program.identifier;
        const commitments = commitmentsOf(fp, context);
        const parts = partsOf(fp, context, commitments);
        for (const part of parts) {
          if (part.status?.eligibility === 'not_established') {
            item(
              'recipientcode',
              id,
              `The TOSSD recipient code and eligibility of ${part.iso2 ?? ''} are not established; its share is left out.`,
            );
          }
        }
        const kept = parts.filter(isKept);
        const rule = kept.length ? null : PROGRAM_RULE_ORDER.find((r) => parts.some((p) => p.status?.eligibility === r));
        tally.addProgram(fp, parts, rule ?? null, (p) => (p.status ? excludedEligibility(p.status.eligibility) : null));
        if (!kept.length) continue;
        const cells = programCells(fp, context, commitments, (field, message) => item(field, id, message));
        if (kept.some((p) => p.status === null))
          item(
            'TossdPillar',
            id,
            'No recipient country is recorded: the row goes to 998 "Developing countries, unspecified", whose pillar the record does not say.',
          );
        rows.push(...kept.map((part) => rowOf(context, cells, part, fp, commitments)));
      }
      return rows;
    },
    finish() {
      return { sheets: tossdSummarySheets(tally), totals: tally.totals(), checklist };
    },
  };
}
