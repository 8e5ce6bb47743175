/**
 * Maps an IATI activity as read from a publisher's file to a Mitra program. What Mitra has a
 * field for is mapped; what it has no field for, or does not recognise (a recipient region, a
 * country or sector code that is not in its tables, a tag of another vocabulary), is kept as
 * written in the program's IATI details and reported, never replaced by a guess. What makes the
 * activity unusable (no identifier, a malformed date or amount, no currency, an unknown status)
 * is an issue: the activity is invalid. docs/iati.md lists the mapping. This module maps the
 * identifier, narratives, status, dates and the codes kept; the elements' parts are beside it:
 * iati-recipients-sectors.ts, iati-money.ts (transactions, budgets), iati-participating-orgs.ts,
 * and iati-values.ts (reading values, the issues and unknown codes).
 */
import { activityStatuses, type ActivityStatus, type CooperationType, type IatiOrgRole, type Modality, type SscRole } from '../codes.js';
import { isOneOf } from '../guards.js';
import { IATI_IDENTIFIER_PATTERN as IDENTIFIER, LIMITS } from '../schema-helpers.js';
import { stageOfStatus } from '../program/lifecycle.js';
import type { ProgramData } from '../program/program.js';
import type { IatiDetails } from './iati-details.js';
import type { RawIatiActivity } from './raw-activity.js';
import { clip, iatiFindings, preferred, iatiDay, type IatiIssue, type IatiUnknownCode } from './iati-values.js';
import { activityRecipients, iatiSectors, iatiTags, recipientsByWeight } from './iati-recipients-sectors.js';
import { iatiBudgets, iatiTransactions } from './iati-money.js';
import { participatingOrgs, type IatiOrgRef } from './iati-participating-orgs.js';

export type { IatiDetails } from './iati-details.js';

export interface MappedIatiActivity {
  readonly line: number;
  readonly identifier: string;
  /** The program without its organisations (resolved against the registry by the importer). */
  readonly data: Omit<ProgramData, 'implementingOrg' | 'partners'>;
  readonly implementing: IatiOrgRef | null;
  readonly partners: readonly { org: IatiOrgRef; iatiRole: IatiOrgRole; sscRole: SscRole }[];
  readonly details: IatiDetails;
  readonly issues: readonly IatiIssue[];
  readonly unknown: readonly IatiUnknownCode[];
}

export interface IatiMappingOptions {
  /** Mitra's own reporting-org identifier: its own published identifiers map back to the program's. */
  readonly ownReportingRef: string | null;
}

/** IATI ActivityDateType codes: planned start, actual start, planned end, actual end. */
const DATE_TYPES = ['1', '2', '3', '4'] as const;

/** Modalities that an IATI aid type names without doubt (D02 "other technical assistance" does not). */
const MODALITY_OF_AID_TYPE: Readonly<Record<string, Modality>> = { D01: 'expert_dispatch', E01: 'scholarship' };

export function mapIatiActivity(raw: RawIatiActivity, options: IatiMappingOptions): MappedIatiActivity {
  const findings = iatiFindings();
  const { issue } = findings;
  const lang = raw.defaultLang;

  // Identifier: Mitra's own published identifiers carry its reporting-org prefix; the program's does not.
  const reportingRef = raw.reportingOrg?.ref?.trim() || null;
  let identifier = raw.identifier.trim();
  const own = options.ownReportingRef;
  if (own && reportingRef === own && identifier.startsWith(`${own}-`)) identifier = identifier.slice(own.length + 1);
  if (!identifier) issue('iati-identifier', 'iati_missing', 'is missing or empty');
  else if (!IDENTIFIER.test(identifier))
    issue('iati-identifier', 'invalid_identifier', 'must not contain spaces or any of / & | ? (IATI rule)', identifier);
  else if (identifier.length > LIMITS.identifier)
    issue(
      'iati-identifier',
      { code: 'too_long', params: { max: LIMITS.identifier } },
      `must be at most ${LIMITS.identifier} characters`,
      identifier,
    );

  const title = preferred(raw.titles, lang);
  if (!title) issue('title', 'iati_no_text', 'has no text in any language');
  const titleEn = raw.titles.en ?? (!raw.titles.id && title ? title.text : null);
  const titleId = raw.titles.id ?? null;
  const general = raw.descriptions.find((d) => d.type === '1' || d.type === null) ?? raw.descriptions[0];
  const description = general ? preferred(general.texts, lang) : null;
  const descriptionEn = general ? (general.texts.en ?? (!general.texts.id && description ? description.text : null)) : null;
  const descriptionId = general?.texts.id ?? null;

  let activityStatus: ActivityStatus = 'pipeline';
  const status = raw.status?.trim() ?? '';
  const statusCode = /^[1-6]$/.test(status) ? activityStatuses.parse(status) : undefined;
  if (!status) issue('activity-status', 'iati_missing', 'is missing');
  else if (!statusCode)
    issue(
      'activity-status',
      { code: 'iati_bad_code', params: { codelist: 'ActivityStatus', expected: '1–6' } },
      'is not an IATI ActivityStatus code (1–6)',
      status,
    );
  else activityStatus = statusCode;

  const dates: Partial<Record<(typeof DATE_TYPES)[number], string>> = {};
  for (const d of raw.dates) {
    const type = d.type?.trim() ?? '';
    if (!isOneOf(DATE_TYPES, type)) {
      issue(
        'activity-date',
        { code: 'iati_bad_code', params: { codelist: 'ActivityDateType', expected: '1–4' } },
        'has no valid type (1–4)',
        type,
      );
      continue;
    }
    const day = iatiDay(d.isoDate);
    if (!day) issue(`activity-date type ${type}`, 'invalid_date', 'is not a real calendar day (YYYY-MM-DD)', d.isoDate);
    else dates[type] ??= day;
  }

  // Recipient countries: at activity level, or else per transaction (shares follow the values).
  const { recipients: activityLevel, keepCountries } = activityRecipients(raw, findings);
  const { transactions, countryWeights, sectorWeights } = iatiTransactions(raw, findings);
  const recipientsFromTransactions = !raw.recipientCountries.length && countryWeights.size > 0;
  const recipients = recipientsFromTransactions ? recipientsByWeight(countryWeights) : activityLevel;
  const { sectors, unknownSectors, sectorsFromTransactions } = iatiSectors(raw, sectorWeights, findings);
  const { sdgs, otherTags } = iatiTags(raw);
  const budgets = iatiBudgets(raw, findings);

  // Organisations: the first implementing one implements; every other role is a partner.
  const { implementing, partners, unplaced } = participatingOrgs(raw, reportingRef, findings);
  const collaboration = raw.collaborationType?.trim() || null;
  const triangularPartner = partners.some((p) => p.sscRole === 'second_provider' || p.sscRole === 'facilitator');
  const cooperationType: CooperationType = collaboration === '8' && triangularPartner ? 'triangular' : 'bilateral';
  const aidType = raw.defaultAidType?.trim() || null;

  const details: IatiDetails = {
    reportingOrg: raw.reportingOrg
      ? { ref: reportingRef, type: raw.reportingOrg.type, name: preferred(raw.reportingOrg.names, lang)?.text ?? null }
      : null,
    lastUpdated: raw.lastUpdated,
    defaultCurrency: raw.defaultCurrency,
    collaborationType: collaboration,
    defaultAidType: aidType,
    ...(title && title.lang !== 'en' && title.lang !== 'id' && titleEn === title.text ? { titleLang: title.lang || 'unknown' } : {}),
    ...(keepCountries ? { recipientCountries: raw.recipientCountries } : {}),
    ...(raw.recipientRegions.length ? { recipientRegions: raw.recipientRegions } : {}),
    ...(recipientsFromTransactions ? { recipientsFromTransactions } : {}),
    ...(sectorsFromTransactions ? { sectorsFromTransactions } : {}),
    ...(unknownSectors.length ? { sectors: unknownSectors } : {}),
    ...(otherTags.length ? { tags: otherTags } : {}),
    ...(unplaced.length ? { participatingOrgs: unplaced } : {}),
  };

  return {
    line: raw.line,
    identifier,
    data: {
      identifier,
      titleEn: titleEn ? clip(titleEn, LIMITS.title) : null,
      titleId: titleId ? clip(titleId, LIMITS.title) : null,
      descriptionEn: descriptionEn ? clip(descriptionEn, LIMITS.description) : null,
      descriptionId: descriptionId ? clip(descriptionId, LIMITS.description) : null,
      modality: aidType ? (MODALITY_OF_AID_TYPE[aidType] ?? null) : null,
      flagshipArea: null,
      cooperationType,
      activityStatus,
      lifecycleStage: stageOfStatus(activityStatus),
      plannedStart: dates['1'] ?? null,
      actualStart: dates['2'] ?? null,
      plannedEnd: dates['3'] ?? null,
      actualEnd: dates['4'] ?? null,
      venueCity: null,
      venueCountry: null,
      fundingSource: null,
      participantsPlanned: null,
      illustrative: false,
      recipients: recipients.slice(0, LIMITS.listItems),
      sectors: sectors.slice(0, LIMITS.listItems),
      sdgs,
      budgets,
      transactions,
    },
    implementing,
    partners,
    details,
    issues: findings.issues,
    unknown: findings.unknown,
  };
}

/** The IATI element that a program field's rule issue concerns. */
export function iatiFieldOf(path: string): string {
  const [head, index, rest] = path.split('.');
  const n = index !== undefined && /^\d+$/.test(index) ? ` ${Number(index) + 1}` : '';
  switch (head) {
    case 'titleEn':
    case 'titleId':
      return 'title';
    case 'plannedStart':
      return 'activity-date type 1';
    case 'actualStart':
      return 'activity-date type 2';
    case 'plannedEnd':
      return 'activity-date type 3';
    case 'actualEnd':
      return 'activity-date type 4';
    case 'recipients':
      return `recipient-country${n}`;
    case 'sectors':
      return `sector${n}`;
    case 'partners':
      return `participating-org${n}`;
    case 'implementingOrg':
      return 'participating-org role 4';
    case 'sdgs':
      return `tag${n}`;
    case 'budgets':
      return `budget${n}${rest === 'periodEnd' ? ' / period-end' : rest === 'periodStart' ? ' / period-start' : ''}`;
    case 'transactions':
      return `transaction${n}`;
    default:
      return head ?? path;
  }
}
