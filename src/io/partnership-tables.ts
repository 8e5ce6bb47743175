/**
 * The partnership lists as tables: the rows of the CSV and XLSX downloads of the API
 * (server/partner.routes.ts, agreement.routes.ts, engagement.routes.ts) and of the CLI
 * (cli/partnership.commands.ts), one copy for both. Codes become labels in the language asked;
 * the column names stay English codes.
 */
import { flagshipAreas, organisationKinds } from '../domain/codes.js';
import { agreementKinds, agreementStatuses } from '../domain/partnership/agreement.js';
import { engagementKinds, followUpStatuses, itemSides } from '../domain/partnership/engagement.js';
import type { AgreementWithRenewal, Engagement, FollowUpRow, PartnerSummary } from '../domain/partnership/partnership.js';

export type TableLang = 'en' | 'id';
export type TableCell = string | number | null;

/** A list as a table: the file's name (without extension), the sheet's title, columns and rows. */
export interface ListTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

const yes = (b: boolean, lang: TableLang) => (b ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no');

/** Partners with their counts; the in-range column is named after the years asked. */
export function partnerTable(
  items: readonly PartnerSummary[],
  range: { since?: number | null; upTo?: number | null },
  lang: TableLang,
): ListTable {
  return {
    name: 'partners',
    title: lang === 'id' ? 'Mitra pembangunan' : 'Partners',
    columns: [
      'code',
      'acronym',
      'name',
      'kind',
      'country',
      'programs',
      'triangular',
      `triangular_${range.since ?? 'all'}_${range.upTo ?? 'all'}`,
      'agreements',
      'engagements',
      'last_engagement',
    ],
    rows: items.map((p) => [
      p.code,
      p.acronym,
      lang === 'id' ? (p.nameId ?? p.nameEn) : p.nameEn,
      organisationKinds.label(p.kind, lang),
      p.country,
      p.programs,
      p.triangular,
      p.triangularInRange,
      p.agreements,
      p.engagements,
      p.lastEngagement,
    ]),
  };
}

export const AGREEMENT_COLUMNS = [
  'reference',
  'kind',
  'title',
  'status',
  'parties',
  'flagship_areas',
  'signed_on',
  'valid_from',
  'valid_until',
  'days_left',
  'owner',
  'programs',
  'documents',
  'illustrative',
] as const;

export function agreementRows(items: readonly AgreementWithRenewal[], lang: TableLang): TableCell[][] {
  return items.map((a) => [
    a.reference,
    agreementKinds.label(a.kind, lang),
    lang === 'id' ? (a.titleId ?? a.titleEn) : a.titleEn,
    agreementStatuses.label(a.status, lang),
    a.parties.map((p) => p.org ?? p.country).join('; '),
    a.areas.map((x) => flagshipAreas.label(x, lang)).join('; '),
    a.signedOn,
    a.validFrom,
    a.validUntil,
    a.renewal.daysLeft,
    a.ownerOrg,
    a.programCount,
    a.documentCount,
    yes(a.illustrative, lang),
  ]);
}

export function agreementTable(items: readonly AgreementWithRenewal[], lang: TableLang): ListTable {
  return {
    name: 'agreements',
    title: lang === 'id' ? 'Perjanjian' : 'Agreements',
    columns: AGREEMENT_COLUMNS,
    rows: agreementRows(items, lang),
  };
}

export const ENGAGEMENT_COLUMNS = [
  'reference',
  'kind',
  'title',
  'starts_on',
  'ends_on',
  'place',
  'country',
  'partner',
  'counterpart',
  'purpose',
  'offers',
  'requests',
  'programs',
  'open_follow_ups',
  'overdue_follow_ups',
  'owner',
  'illustrative',
] as const;

export function engagementRows(items: readonly Engagement[], lang: TableLang): TableCell[][] {
  return items.map((e) => [
    e.reference,
    engagementKinds.label(e.kind, lang),
    lang === 'id' ? (e.titleId ?? e.title) : e.title,
    e.startsOn,
    e.endsOn,
    e.place,
    e.country,
    e.partnerOrg,
    e.counterpart,
    lang === 'id' ? (e.purposeId ?? e.purpose) : e.purpose,
    e.items
      .filter((i) => i.kind === 'offer')
      .map((i) => `${itemSides.label(i.side, lang)}: ${i.description}`)
      .join(' | '),
    e.items
      .filter((i) => i.kind === 'request')
      .map((i) => `${itemSides.label(i.side, lang)}: ${i.description}`)
      .join(' | '),
    e.items.flatMap((i) => (i.program ? [i.program.identifier] : [])).join('; '),
    e.followUps.filter((f) => f.status === 'open').length,
    e.followUps.filter((f) => f.overdue).length,
    e.ownerOrg,
    yes(e.illustrative, lang),
  ]);
}

export function engagementTable(items: readonly Engagement[], lang: TableLang): ListTable {
  return {
    name: 'engagements',
    title: lang === 'id' ? 'Kunjungan dan pertemuan' : 'Engagements',
    columns: ENGAGEMENT_COLUMNS,
    rows: engagementRows(items, lang),
  };
}

export const FOLLOW_UP_COLUMNS = ['engagement', 'engagement_title', 'action', 'owner', 'due_on', 'status', 'done_on', 'overdue'] as const;

export function followUpTable(items: readonly FollowUpRow[], lang: TableLang): ListTable {
  return {
    name: 'follow-ups',
    title: lang === 'id' ? 'Tindak lanjut' : 'Follow-ups',
    columns: FOLLOW_UP_COLUMNS,
    rows: items.map((f) => [
      // A follow-up of a program's evaluation (issue 25) names the program instead of an engagement.
      f.engagementReference ?? f.programIdentifier,
      lang === 'id'
        ? (f.engagementTitleId ?? f.engagementTitle ?? f.programTitleId ?? f.programTitleEn)
        : (f.engagementTitle ?? f.programTitleEn ?? f.programTitleId),
      lang === 'id' ? (f.actionId ?? f.action) : f.action,
      f.owner,
      f.dueOn,
      followUpStatuses.label(f.status, lang),
      f.doneOn,
      yes(f.overdue, lang),
    ]),
  };
}

/** Every page of a list, for a download (the lists are bounded by the registry's size). */
export async function allPages<T>(
  fetch: (page: number) => Promise<{ items: readonly T[]; total: number; pageSize: number }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let p = 1; ; p++) {
    const result = await fetch(p);
    out.push(...result.items);
    if (result.items.length < result.pageSize || out.length >= result.total) return out;
  }
}
