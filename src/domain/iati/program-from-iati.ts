/**
 * Maps an IATI activity as read from a publisher's file to a Mitra program. What Mitra has a
 * field for is mapped; what it has no field for, or does not recognise (a recipient region, a
 * country or sector code that is not in its tables, a tag of another vocabulary), is kept as
 * written in the program's IATI details and reported, never replaced by a guess. What makes the
 * activity unusable (no identifier, a malformed date or amount, no currency, an unknown status)
 * is an issue: the activity is invalid. docs/iati.md lists the mapping.
 */
import {
  activityStatuses,
  IATI_ORG_ROLES,
  type ActivityStatus,
  type CooperationType,
  type IatiOrgRole,
  type Modality,
  type SscRole,
} from '../codes.js';
import { isOneOf } from '../guards.js';
import { isCalendarDate } from '../dates.js';
import { parseAmountToMinor } from '../money.js';
import { isCodeIn } from '../reference/codelists.js';
import { isCountryCode } from '../reference/countries.js';
import { parseSdgTag, type SdgTag } from '../reference/sdgs.js';
import { IATI_IDENTIFIER_PATTERN as IDENTIFIER, LIMITS, sectorCodeProblem } from '../schema-helpers.js';
import { stageOfStatus } from '../program/lifecycle.js';
import type { ProgramData, Budget, Recipient, Sector, Transaction } from '../program/program.js';
import type { IatiDetails } from './iati-details.js';
import type { Narratives, RawIatiActivity } from './raw-activity.js';

export type { IatiDetails } from './iati-details.js';

/** An organisation as a file names it: its IATI identifier, its name, or both. */
export interface IatiOrgRef {
  readonly ref: string | null;
  readonly name: string | null;
  readonly type: string | null;
}

export interface IatiIssue {
  /** The IATI element concerned, e.g. "budget 2 / period-end". */
  readonly field: string;
  readonly value?: string;
  readonly message: string;
}

/** A code kept but not recognised, for the import's summary. */
export interface IatiUnknownCode {
  readonly what: string;
  readonly code: string;
}

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

/** An IATI BudgetType or BudgetStatus code (both are 1 or 2), or null for another. */
const budgetCode = (code: string): Budget['type'] | null => (code === '1' ? 1 : code === '2' ? 2 : null);

/** Modalities that an IATI aid type names without doubt (D02 "other technical assistance" does not). */
const MODALITY_OF_AID_TYPE: Readonly<Record<string, Modality>> = { D01: 'expert_dispatch', E01: 'scholarship' };

/** The text in English, else Indonesian, else the activity's own language, else any. */
function preferred(texts: Narratives, defaultLang: string | null): { text: string; lang: string } | null {
  for (const lang of ['en', 'id', defaultLang ?? '', '']) {
    const text = texts[lang];
    if (text) return { text, lang };
  }
  const first = Object.entries(texts).find(([, t]) => t);
  return first ? { text: first[1], lang: first[0] } : null;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "2012-01-01", "2012-01-01Z" or "2012-01-01T00:00:00" → "2012-01-01"; undefined when not a day. */
export function iatiDay(value: string | null): string | undefined {
  if (!value) return undefined;
  const day = value.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isCalendarDate(day) ? day : undefined;
}

/** An xsd:decimal amount in hundredths (more than two decimals are rounded half away from zero). */
export function iatiAmount(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  const [, decimals = ''] = text.split('.');
  if (decimals.length <= 2) return parseAmountToMinor(text.replace(/^\+/, '').replace(/\.$/, ''));
  const number = Number(text);
  const rounded = Math.sign(number) * Math.round(Math.abs(number) * 100);
  return Number.isSafeInteger(rounded) ? rounded : undefined;
}

function iatiPercentage(value: string | null): number | null | undefined {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return Math.round(n * 100) / 100;
}

/**
 * Shares in percent (two decimals, summing to exactly 100) of weighted keys; null shares when
 * every weight is zero.
 */
export function sharesByWeight(weights: ReadonlyMap<string, number>): Map<string, number | null> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const keys = [...weights.keys()];
  if (total <= 0) return new Map(keys.map((k) => [k, null]));
  const exact = keys.map((k) => ((weights.get(k) ?? 0) * 10_000) / total);
  const floors = exact.map(Math.floor);
  let rest = 10_000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest--;
  }
  return new Map(keys.map((k, i) => [k, (floors[i] ?? 0) / 100]));
}

function orgRef(o: { ref: string | null; type: string | null; names: Narratives }, defaultLang: string | null): IatiOrgRef {
  const ref = o.ref?.trim() || null;
  const name = preferred(o.names, defaultLang)?.text ?? null;
  return { ref, name: name ? clip(name, LIMITS.shortText) : null, type: o.type?.trim() || null };
}

export function mapIatiActivity(raw: RawIatiActivity, options: IatiMappingOptions): MappedIatiActivity {
  const issues: IatiIssue[] = [];
  const unknown: IatiUnknownCode[] = [];
  const issue = (field: string, message: string, value?: string | null) =>
    issues.push({ field, message, ...(value !== undefined && value !== null ? { value } : {}) });
  const lang = raw.defaultLang;

  // Identifier: Mitra's own published identifiers carry its reporting-org prefix; the program's does not.
  const reportingRef = raw.reportingOrg?.ref?.trim() || null;
  let identifier = raw.identifier.trim();
  const own = options.ownReportingRef;
  if (own && reportingRef === own && identifier.startsWith(`${own}-`)) identifier = identifier.slice(own.length + 1);
  if (!identifier) issue('iati-identifier', 'is missing or empty');
  else if (!IDENTIFIER.test(identifier)) issue('iati-identifier', 'must not contain spaces or any of / & | ? (IATI rule)', identifier);
  else if (identifier.length > LIMITS.identifier) issue('iati-identifier', `must be at most ${LIMITS.identifier} characters`, identifier);

  const title = preferred(raw.titles, lang);
  if (!title) issue('title', 'has no text in any language');
  const titleEn = raw.titles.en ?? (!raw.titles.id && title ? title.text : null);
  const titleId = raw.titles.id ?? null;
  const general = raw.descriptions.find((d) => d.type === '1' || d.type === null) ?? raw.descriptions[0];
  const description = general ? preferred(general.texts, lang) : null;
  const descriptionEn = general ? (general.texts.en ?? (!general.texts.id && description ? description.text : null)) : null;
  const descriptionId = general?.texts.id ?? null;

  let activityStatus: ActivityStatus = 'pipeline';
  const status = raw.status?.trim() ?? '';
  const statusCode = /^[1-6]$/.test(status) ? activityStatuses.parse(status) : undefined;
  if (!status) issue('activity-status', 'is missing');
  else if (!statusCode) issue('activity-status', 'is not an IATI ActivityStatus code (1–6)', status);
  else activityStatus = statusCode;

  const dates: Partial<Record<(typeof DATE_TYPES)[number], string>> = {};
  for (const d of raw.dates) {
    const type = d.type?.trim() ?? '';
    if (!isOneOf(DATE_TYPES, type)) {
      issue('activity-date', 'has no valid type (1–4)', type);
      continue;
    }
    const day = iatiDay(d.isoDate);
    if (!day) issue(`activity-date type ${type}`, 'is not a real calendar day (YYYY-MM-DD)', d.isoDate);
    else dates[type] ??= day;
  }

  // Recipient countries: at activity level, or else per transaction (shares follow the values).
  let recipients: Recipient[] = [];
  let recipientsFromTransactions = false;
  let keepCountries = false;
  if (raw.recipientCountries.length) {
    const known: { country: string; percentage: number | null }[] = [];
    let badPercentage = false;
    for (const r of raw.recipientCountries) {
      const code = r.code?.trim().toUpperCase() ?? '';
      const percentage = iatiPercentage(r.percentage);
      if (percentage === undefined) {
        issue('recipient-country', 'has a percentage that is not a number from 0 to 100', r.percentage);
        badPercentage = true;
      }
      if (!isCountryCode(code)) {
        unknown.push({ what: 'recipient-country', code: r.code ?? '' });
        keepCountries = true;
      } else if (!known.some((k) => k.country === code)) known.push({ country: code, percentage: percentage ?? null });
    }
    // Shares that also cover regions or unrecognised codes do not sum to 100 over the countries
    // Mitra keeps: the program keeps the countries, the shares stay in the details as written.
    if (keepCountries || raw.recipientRegions.length || badPercentage) {
      keepCountries = true;
      recipients = known.map((k) => ({ country: k.country, percentage: null }));
    } else recipients = known;
  }
  const transactions: Transaction[] = [];
  const countryWeights = new Map<string, number>();
  const sectorWeights = new Map<string, Map<string, number>>();
  raw.transactions.forEach((t, i) => {
    const field = `transaction ${i + 1}`;
    const type = t.type?.trim() ?? '';
    const amount = iatiAmount(t.value);
    const date = iatiDay(t.date) ?? iatiDay(t.valueDate);
    const currency = (t.currency ?? raw.defaultCurrency ?? '').trim().toUpperCase();
    const valueDate = t.valueDate ? iatiDay(t.valueDate) : null;
    let ok = true;
    const bad = (what: string, message: string, value?: string | null) => {
      issue(`${field} / ${what}`, message, value);
      ok = false;
    };
    if (!isCodeIn('TransactionType', type)) bad('transaction-type', 'is not an IATI TransactionType code', type);
    if (amount === undefined) bad('value', 'is not a decimal amount', t.value);
    if (!date) bad('transaction-date', t.date ? 'is not a real calendar day (YYYY-MM-DD)' : 'is missing', t.date);
    if (!currency) bad('value', 'has no currency (neither value/@currency nor the activity default-currency)');
    else if (!isCodeIn('Currency', currency)) bad('value', 'has a currency that is not an ISO 4217 code', currency);
    if (valueDate === undefined) bad('value/@value-date', 'is not a real calendar day (YYYY-MM-DD)', t.valueDate);
    if (!ok || amount === undefined || !date) return;
    const desc = preferred(t.description, lang);
    transactions.push({
      type,
      date,
      amountMinor: amount,
      currency,
      valueDate: valueDate ?? null,
      description: desc ? clip(desc.text, LIMITS.shortText) : null,
    });
    const weight = Math.abs(amount);
    if (!raw.recipientCountries.length && t.recipientCountry) {
      const code = t.recipientCountry.trim().toUpperCase();
      if (isCountryCode(code)) countryWeights.set(code, (countryWeights.get(code) ?? 0) + weight);
      else unknown.push({ what: 'recipient-country', code: t.recipientCountry });
    }
    if (!raw.sectors.length) {
      for (const s of t.sectors) {
        const vocabulary = s.vocabulary?.trim() || '1';
        const code = s.code?.trim() ?? '';
        if (!sectorKnown(vocabulary, code)) {
          unknown.push({ what: `sector (vocabulary ${vocabulary})`, code });
          continue;
        }
        const byCode = sectorWeights.get(vocabulary) ?? new Map<string, number>();
        byCode.set(code, (byCode.get(code) ?? 0) + weight);
        sectorWeights.set(vocabulary, byCode);
      }
    }
  });
  if (!raw.recipientCountries.length && countryWeights.size) {
    recipientsFromTransactions = true;
    recipients = [...sharesByWeight(countryWeights)].map(([country, percentage]) => ({ country, percentage }));
  }

  // Sectors: known vocabularies with known codes are the program's; the rest is kept as written.
  let sectors: Sector[] = [];
  const unknownSectors: { vocabulary: string | null; code: string | null; percentage: string | null }[] = [];
  let sectorsFromTransactions = false;
  if (raw.sectors.length) {
    const partial = new Set<string>();
    for (const s of raw.sectors) {
      const vocabulary = s.vocabulary?.trim() || '1';
      const code = s.code?.trim() ?? '';
      const percentage = iatiPercentage(s.percentage);
      if (percentage === undefined) issue('sector', 'has a percentage that is not a number from 0 to 100', s.percentage);
      if (!sectorKnown(vocabulary, code)) {
        unknown.push({ what: `sector (vocabulary ${vocabulary})`, code });
        unknownSectors.push(s);
        partial.add(vocabulary);
      } else if (!sectors.some((x) => x.vocabulary === vocabulary && x.code === code)) {
        sectors.push({ vocabulary, code, percentage: percentage ?? null });
      }
    }
    // A vocabulary with a set-aside code no longer sums to 100: its shares stay in the details.
    if (partial.size) {
      for (const s of sectors)
        if (partial.has(s.vocabulary))
          unknownSectors.push({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage === null ? null : String(s.percentage) });
      sectors = sectors.map((s) => (partial.has(s.vocabulary) ? { ...s, percentage: null } : s));
    }
  } else if (sectorWeights.size) {
    sectorsFromTransactions = true;
    for (const [vocabulary, byCode] of sectorWeights) {
      for (const [code, percentage] of sharesByWeight(byCode)) sectors.push({ vocabulary, code, percentage });
    }
  }

  const sdgs: SdgTag[] = [];
  const otherTags: { vocabulary: string | null; code: string | null }[] = [];
  for (const t of raw.tags) {
    const vocabulary = t.vocabulary?.trim() ?? '';
    const tag = (vocabulary === '2' || vocabulary === '3') && t.code ? parseSdgTag(t.code.trim()) : undefined;
    if (tag && (vocabulary === '2') === (tag.target === null)) {
      if (!sdgs.some((s) => s.goal === tag.goal && s.target === tag.target)) sdgs.push(tag);
    } else otherTags.push(t);
  }

  const budgets: Budget[] = [];
  raw.budgets.forEach((b, i) => {
    const field = `budget ${i + 1}`;
    const type = b.type?.trim() || '1';
    const status = b.status?.trim() || '1';
    const typeCode = budgetCode(type);
    const statusCode = budgetCode(status);
    const periodStart = iatiDay(b.periodStart);
    const periodEnd = iatiDay(b.periodEnd);
    const amount = iatiAmount(b.value);
    const currency = (b.currency ?? raw.defaultCurrency ?? '').trim().toUpperCase();
    const valueDate = b.valueDate ? iatiDay(b.valueDate) : null;
    const before = issues.length;
    if (typeCode === null) issue(`${field} / @type`, 'is not an IATI BudgetType code (1 or 2)', type);
    if (statusCode === null) issue(`${field} / @status`, 'is not an IATI BudgetStatus code (1 or 2)', status);
    if (!periodStart) issue(`${field} / period-start`, 'is missing or not a real calendar day', b.periodStart);
    if (!periodEnd) issue(`${field} / period-end`, 'is missing or not a real calendar day', b.periodEnd);
    if (amount === undefined) issue(`${field} / value`, 'is not a decimal amount', b.value);
    if (!currency) issue(`${field} / value`, 'has no currency (neither value/@currency nor the activity default-currency)');
    else if (!isCodeIn('Currency', currency)) issue(`${field} / value`, 'has a currency that is not an ISO 4217 code', currency);
    if (valueDate === undefined) issue(`${field} / value/@value-date`, 'is not a real calendar day (YYYY-MM-DD)', b.valueDate);
    if (issues.length > before || typeCode === null || statusCode === null || !periodStart || !periodEnd || amount === undefined) return;
    budgets.push({
      type: typeCode,
      status: statusCode,
      periodStart,
      periodEnd,
      amountMinor: amount,
      currency,
      valueDate: valueDate ?? null,
    });
  });

  // Organisations: the first implementing one implements; every other role is a partner.
  let implementing: IatiOrgRef | null = null;
  const partners: { org: IatiOrgRef; iatiRole: IatiOrgRole; sscRole: SscRole }[] = [];
  const unplaced: { ref: string | null; role: string | null; name: string | null }[] = [];
  const sameOrg = (a: IatiOrgRef, b: IatiOrgRef) =>
    a.ref && b.ref ? a.ref.toLowerCase() === b.ref.toLowerCase() : !a.ref && !b.ref && a.name?.toLowerCase() === b.name?.toLowerCase();
  for (const o of raw.participatingOrgs) {
    const ref = orgRef(o, lang);
    const role = Number(o.role?.trim());
    const usableRef = ref.ref && IDENTIFIER.test(ref.ref) && ref.ref.length <= 100 ? ref.ref : null;
    const org: IatiOrgRef = { ...ref, ref: usableRef, name: ref.name ?? (usableRef ? null : ref.ref) };
    if ((!org.ref && !org.name) || !isOneOf(IATI_ORG_ROLES, role)) {
      unplaced.push({ ref: o.ref, role: o.role, name: ref.name });
      unknown.push({ what: 'participating-org', code: !org.ref && !org.name ? '(no identifier or name)' : `role ${o.role ?? '(none)'}` });
      continue;
    }
    if (role === 4 && !implementing) {
      implementing = org;
      continue;
    }
    if (partners.some((p) => p.iatiRole === role && sameOrg(p.org, org))) continue;
    const sscRole: SscRole =
      org.ref && reportingRef && org.ref.toLowerCase() === reportingRef.toLowerCase()
        ? 'first_provider'
        : role === 1
          ? 'second_provider'
          : 'facilitator';
    partners.push({ org, iatiRole: role, sscRole });
  }
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
    issues,
    unknown,
  };
}

function sectorKnown(vocabulary: string, code: string): boolean {
  return code !== '' && sectorCodeProblem(vocabulary, code) === null;
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
