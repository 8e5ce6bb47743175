/**
 * A program as an IATI 2.03 `iati-activity` (DESIGN.md "IATI mapping"), with its elements in
 * the order the schema requires. Pure: the organisations' names and types and the participant
 * counts come in the context.
 */
import { ACTIVITY_STATUS_IATI, modalities, type Modality } from '../codes.js';
import { countryName } from '../reference/countries.js';
import type { Program } from '../program/program.js';
import { formatMinor } from '../money.js';
import type { Framework } from '../results/framework.js';
import { attendanceActuals, resultNodes, type AttendanceCount } from './result-xml.js';
import { el, type XmlNode } from './xml-node.js';

export interface IatiOrg {
  readonly ref: string;
  readonly type: string;
  readonly nameEn: string;
  readonly nameId: string | null;
}

export interface IatiContext {
  /** The publishing organisation: its ref prefixes every identifier. */
  readonly reportingOrg: IatiOrg;
  /** Organisations named by programs, by code. */
  readonly orgs: ReadonlyMap<string, IatiOrg>;
  /** Participant records, and those who attended or completed, per program id (absent: no records). */
  readonly attendance: ReadonlyMap<number, AttendanceCount>;
  /** Results frameworks per program id (absent: none; docs/results.md). */
  readonly results?: ReadonlyMap<number, Framework>;
  /** When the file is generated (ISO instant). */
  readonly now: string;
  /** Public documents per program id, as IATI document-link (absent: none). */
  readonly documents?: ReadonlyMap<number, readonly IatiDocumentLink[]>;
}

/** A program's public document (docs/documents.md): its stable public URL, IANA media type and IATI DocumentCategory. */
export interface IatiDocumentLink {
  readonly url: string;
  readonly format: string;
  readonly titleEn: string;
  readonly titleId: string | null;
  readonly description: string | null;
  readonly category: string;
  readonly languages: readonly string[];
  readonly documentDate: string | null;
}

/** document-link elements, their children in the schema's order (title, description, category, language, document-date). */
export function documentLinkNodes(links: readonly IatiDocumentLink[]): XmlNode[] {
  return links.map((d) =>
    el('document-link', { url: d.url, format: d.format }, [
      el('title', {}, narratives(d.titleEn, d.titleId)),
      d.description ? el('description', {}, narratives(d.description, null)) : null,
      el('category', { code: d.category }),
      ...d.languages.map((code) => el('language', { code })),
      d.documentDate ? el('document-date', { 'iso-date': d.documentDate }) : null,
    ]),
  );
}

/** IATI AidType (vocabulary 1) of each modality. */
export const AID_TYPE_OF_MODALITY: Readonly<Record<Modality, string>> = {
  expert_dispatch: 'D01',
  training: 'D02',
  seminar: 'D02',
  workshop: 'D02',
  study_visit: 'D02',
  internship: 'D02',
  knowledge_sharing: 'D02',
  scholarship: 'E01',
  equipment_grant: 'C01',
};

/** The published identifier: the program's own, prefixed with the reporting organisation's ref. */
export function iatiIdentifier(identifier: string, reportingRef: string): string {
  return identifier === reportingRef || identifier.startsWith(`${reportingRef}-`) ? identifier : `${reportingRef}-${identifier}`;
}

/**
 * Percentages for items that have none: equal shares in hundredths, the remainder going to the
 * first ones, so that they sum to exactly 100.
 */
export function equalShares(count: number): number[] {
  if (count === 0) return [];
  const base = Math.floor(10_000 / count);
  const extra = 10_000 - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

/** The items' own percentages when every one has one, else null. */
function givenShares(items: readonly { readonly percentage: number | null }[]): number[] | null {
  const given = items.flatMap((item) => (item.percentage === null ? [] : [item.percentage]));
  return given.length === items.length ? given : null;
}

const pct = (n: number) => Number(n.toFixed(2)).toString();

/** An English narrative (the file's default language) and an Indonesian one, those given. */
export function narratives(en: string | null, id: string | null): XmlNode[] {
  // English is the activity's default language (xml:lang="en" on iati-activity).
  return [en ? el('narrative', {}, en) : null, id ? el('narrative', { 'xml:lang': 'id' }, id) : null].filter(
    (n): n is XmlNode => n !== null,
  );
}

function org(name: string, o: IatiOrg | undefined, code: string, attrs: XmlNode['attrs']): XmlNode {
  return el(name, { ref: o?.ref ?? code, ...attrs, type: o?.type }, narratives(o?.nameEn ?? code, o?.nameId ?? null));
}

/** "Training in Jakarta, 2018-07-15 to 2018-07-21, for Kenya and Tanzania." from the recorded fields. */
export function summaryOf(a: Program, lang: 'en' | 'id'): string {
  const what = a.modality ? modalities.label(a.modality, lang) : lang === 'en' ? 'Program' : 'Program';
  const where = a.venueCity ? (lang === 'en' ? ` in ${a.venueCity}` : ` di ${a.venueCity}`) : '';
  const start = a.actualStart ?? a.plannedStart;
  const end = a.actualEnd ?? a.plannedEnd;
  const when = start ? (end && end !== start ? `, ${start} ${lang === 'en' ? 'to' : 'sampai'} ${end}` : `, ${start}`) : '';
  const names = a.recipients.map((r) => countryName(r.country, lang));
  const and = lang === 'en' ? ' and ' : ' dan ';
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}` : (names[0] ?? '');
  const forWhom = list ? (lang === 'en' ? ` for ${list}` : ` untuk ${list}`) : '';
  return `${what}${where}${when}${forWhom}.`;
}

export function iatiActivityNode(a: Program, ctx: IatiContext): XmlNode {
  // A program taken from another publisher's file is published as that publisher's activity.
  const imported = a.source === 'iati' && a.iatiDetails?.reportingOrg?.ref ? a.iatiDetails : null;
  const publisher = imported?.reportingOrg;
  const reporting: IatiOrg = publisher?.ref
    ? {
        ref: publisher.ref,
        type: publisher.type && /^\d+$/.test(publisher.type) ? publisher.type : '90',
        nameEn: publisher.name ?? publisher.ref,
        nameId: null,
      }
    : ctx.reportingOrg;
  const recipientShares = givenShares(a.recipients) ?? equalShares(a.recipients.length);
  const sectorsByVocabulary = new Map<string, typeof a.sectors>();
  for (const s of a.sectors) sectorsByVocabulary.set(s.vocabulary, [...(sectorsByVocabulary.get(s.vocabulary) ?? []), s]);
  const sectorNodes = [...sectorsByVocabulary.values()].flatMap((list) => {
    const shares = givenShares(list) ?? equalShares(list.length);
    return list.map((s, i) => el('sector', { vocabulary: s.vocabulary, code: s.code, percentage: pct(shares[i] ?? 0) }));
  });
  // Each organisation once per role: the reporting organisation funds (unless partners alone do),
  // the partners in their roles, the implementing agency implements.
  const roles: { code: string; role: number }[] = [];
  const addRole = (code: string, role: number) => {
    if (!roles.some((r) => r.code.toLowerCase() === code.toLowerCase() && r.role === role)) roles.push({ code, role });
  };
  if (a.fundingSource !== 'partner' && !imported) addRole(reporting.ref, 1);
  for (const p of a.partners) addRole(p.org, p.iatiRole);
  if (a.implementingOrg) addRole(a.implementingOrg, 4);
  const orgNodes = roles.map((r) =>
    r.code === reporting.ref
      ? el('participating-org', { ref: reporting.ref, role: r.role, type: reporting.type }, narratives(reporting.nameEn, reporting.nameId))
      : org('participating-org', ctx.orgs.get(r.code), r.code, { role: r.role }),
  );
  const dates = [
    a.plannedStart && el('activity-date', { 'iso-date': a.plannedStart, type: 1 }),
    a.actualStart && el('activity-date', { 'iso-date': a.actualStart, type: 2 }),
    a.plannedEnd && el('activity-date', { 'iso-date': a.plannedEnd, type: 3 }),
    a.actualEnd && el('activity-date', { 'iso-date': a.actualEnd, type: 4 }),
  ];
  const currencies = [...a.budgets.map((b) => b.currency), ...a.transactions.map((t) => t.currency)];
  const start = a.actualStart ?? a.plannedStart;
  const end = a.actualEnd ?? a.plannedEnd ?? start;
  // Planned is the recorded total; attended is counted from the records, when there are any,
  // with the attended by sex and by recipient country (docs/results.md: the computed indicator).
  const attendance = ctx.attendance.get(a.id);
  const result =
    start && end && (a.participantsPlanned !== null || attendance)
      ? el('result', { type: 1, 'aggregation-status': 1 }, [
          el('title', {}, narratives('Participants trained', 'Peserta yang dilatih')),
          el('indicator', { measure: 1, ascending: 1 }, [
            el('title', {}, narratives('Number of participants (planned and attended)', 'Jumlah peserta (rencana dan hadir)')),
            el('period', {}, [
              el('period-start', { 'iso-date': start }),
              el('period-end', { 'iso-date': end }),
              a.participantsPlanned !== null && el('target', { value: a.participantsPlanned }),
              attendance && el('actual', { value: attendance.attended }),
              ...(attendance ? attendanceActuals(attendance) : []),
            ]),
          ]),
        ])
      : null;

  return el(
    'iati-activity',
    {
      'last-updated-datetime': a.updatedAt,
      'xml:lang': 'en',
      'default-currency': currencies[0] ?? null,
      humanitarian: 0,
    },
    [
      el('iati-identifier', {}, imported ? a.identifier : iatiIdentifier(a.identifier, reporting.ref)),
      el('reporting-org', { ref: reporting.ref, type: reporting.type }, narratives(reporting.nameEn, reporting.nameId)),
      el('title', {}, narratives(a.titleEn ?? (a.titleId ? null : a.identifier), a.titleId)),
      // IATI 2.03 requires a description: without one, a summary of the recorded fields.
      a.descriptionEn || a.descriptionId
        ? el('description', { type: 1 }, narratives(a.descriptionEn, a.descriptionId))
        : el('description', { type: 1 }, narratives(summaryOf(a, 'en'), summaryOf(a, 'id'))),
      ...orgNodes,
      el('activity-status', { code: ACTIVITY_STATUS_IATI[a.activityStatus] }),
      ...dates,
      a.recipients.length > 1 && el('activity-scope', { code: 3 }),
      ...a.recipients.map((r, i) => el('recipient-country', { code: r.country, percentage: pct(recipientShares[i] ?? 0) })),
      ...sectorNodes,
      ...a.sdgs.map((s) => (s.target ? el('tag', { vocabulary: 3, code: s.target }) : el('tag', { vocabulary: 2, code: s.goal }))),
      el('collaboration-type', { code: a.cooperationType === 'triangular' ? 8 : (imported?.collaborationType ?? 1) }),
      a.modality
        ? el('default-aid-type', { code: AID_TYPE_OF_MODALITY[a.modality], vocabulary: 1 })
        : imported?.defaultAidType && el('default-aid-type', { code: imported.defaultAidType, vocabulary: 1 }),
      ...a.budgets.map((b) =>
        el('budget', { type: b.type, status: b.status }, [
          el('period-start', { 'iso-date': b.periodStart }),
          el('period-end', { 'iso-date': b.periodEnd }),
          el('value', { currency: b.currency, 'value-date': b.valueDate ?? b.periodStart }, formatMinor(b.amountMinor)),
        ]),
      ),
      ...a.transactions.map((t) =>
        el('transaction', {}, [
          el('transaction-type', { code: t.type }),
          el('transaction-date', { 'iso-date': t.date }),
          el('value', { currency: t.currency, 'value-date': t.valueDate ?? t.date }, formatMinor(t.amountMinor)),
          t.description && el('description', {}, narratives(t.description, null)),
        ]),
      ),
      ...documentLinkNodes(ctx.documents?.get(a.id) ?? []),
      ...resultNodes(ctx.results?.get(a.id)),
      result,
    ],
  );
}
