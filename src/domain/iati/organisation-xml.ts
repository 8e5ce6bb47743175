/**
 * The reporting organisation as an IATI 2.03 `iati-organisation` (iati-organisations-schema.xsd),
 * its elements in the order the schema requires: organisation-identifier, name, reporting-org,
 * total-budget, recipient-country-budget, total-expenditure, document-link. Pure: the figures
 * come from organisation-figures.ts, already in the reporting currency. Recipient-org and
 * recipient-region budgets are left out: Mitra gives no core funding to institutions, and
 * regions are the sum of their countries.
 */
import { countryName } from '../reference/countries.js';
import { formatMinor } from '../money.js';
import { narratives, type IatiOrg } from './activity-xml.js';
import type { OrganisationTotals } from './organisation-figures.js';
import { el, type XmlNode } from './xml-node.js';

/** A public document about the organisation (IATI DocumentCategory B…). */
export interface OrganisationDocument {
  readonly url: string;
  /** IANA media type (IATI FileFormat). */
  readonly format: string;
  readonly titleEn: string;
  readonly titleId: string;
  /** IATI DocumentCategory code, e.g. B01 "Annual report". */
  readonly category: string;
  /** ISO 639-1 language of the document. */
  readonly language: 'en' | 'id';
}

export interface OrganisationContext {
  readonly publisher: IatiOrg;
  /** When the file is generated (ISO instant): the last update when no program was read. */
  readonly generatedAt: string;
  readonly documents: readonly OrganisationDocument[];
}

/**
 * The annual report PDFs (GET /api/v1/reports/annual.pdf) of the years with programs, in English
 * and Indonesian, up to the year of `today`: anyone may read them (the public counts published
 * programs). `publicUrl` is where people reach this server, without a trailing slash.
 */
export function annualReportDocuments(publicUrl: string, years: readonly number[], today: string): OrganisationDocument[] {
  const current = Number(today.slice(0, 4));
  return years
    .filter((y) => y <= current)
    .flatMap((year) =>
      (['en', 'id'] as const).map((language) => ({
        url: `${publicUrl}/api/v1/reports/annual.pdf?year=${year}&lang=${language}`,
        format: 'application/pdf',
        titleEn: `South-South and Triangular Cooperation Annual Report ${year}${language === 'id' ? ' (in Indonesian)' : ''}`,
        titleId: `Laporan Tahunan Kerja Sama Selatan-Selatan dan Triangular ${year}${language === 'en' ? ' (dalam bahasa Inggris)' : ''}`,
        category: 'B01',
        language,
      })),
    );
}

/** A calendar year's period and value (converted amounts: the value date is the period start). */
function period(year: number): XmlNode[] {
  return [el('period-start', { 'iso-date': `${year}-01-01` }), el('period-end', { 'iso-date': `${year}-12-31` })];
}

const value = (currency: string, year: number, minor: number) =>
  el('value', { currency, 'value-date': `${year}-01-01` }, formatMinor(minor));

/** A sub-total (budget-line, expense-line) with what it counts. */
function line(name: string, ref: string, currency: string, year: number, minor: number, en: string, id: string): XmlNode {
  return el(name, { ref }, [value(currency, year, minor), ...narratives(en, id)]);
}

/** A country's English name, and its Indonesian one when it differs ("Kenya" is the same in both). */
function countryNarratives(code: string): XmlNode[] {
  const en = countryName(code, 'en');
  const id = countryName(code, 'id');
  return narratives(en, id === en ? null : id);
}

export function iatiOrganisationNode(totals: OrganisationTotals, ctx: OrganisationContext): XmlNode {
  const { publisher } = ctx;
  const cur = totals.currency;
  return el(
    'iati-organisation',
    { 'last-updated-datetime': totals.lastUpdatedAt ?? ctx.generatedAt, 'xml:lang': 'en', 'default-currency': cur },
    [
      el('organisation-identifier', {}, publisher.ref),
      el('name', {}, narratives(publisher.nameEn, publisher.nameId)),
      el('reporting-org', { ref: publisher.ref, type: publisher.type }, narratives(publisher.nameEn, publisher.nameId)),
      ...totals.budgets.map((b) =>
        el('total-budget', { status: b.status }, [
          ...period(b.year),
          value(cur, b.year, b.valueMinor),
          // The split is worth giving only when the year mixes committed and indicative budgets.
          b.committedMinor !== 0 &&
            b.indicativeMinor !== 0 &&
            line(
              'budget-line',
              'committed',
              cur,
              b.year,
              b.committedMinor,
              'Committed program budgets',
              'Anggaran program yang telah ditetapkan',
            ),
          b.committedMinor !== 0 &&
            b.indicativeMinor !== 0 &&
            line('budget-line', 'indicative', cur, b.year, b.indicativeMinor, 'Indicative program budgets', 'Anggaran program indikatif'),
        ]),
      ),
      ...totals.countryBudgets.map((c) =>
        el('recipient-country-budget', { status: c.status }, [
          el('recipient-country', { code: c.country }, countryNarratives(c.country)),
          ...period(c.year),
          value(cur, c.year, c.valueMinor),
        ]),
      ),
      ...totals.expenditure.map((e) =>
        el('total-expenditure', {}, [
          ...period(e.year),
          value(cur, e.year, e.valueMinor),
          e.disbursementMinor !== 0 &&
            e.expenditureMinor !== 0 &&
            line('expense-line', '3', cur, e.year, e.disbursementMinor, 'Disbursements', 'Pencairan dana'),
          e.disbursementMinor !== 0 &&
            e.expenditureMinor !== 0 &&
            line('expense-line', '4', cur, e.year, e.expenditureMinor, 'Expenditure', 'Pengeluaran'),
        ]),
      ),
      ...ctx.documents.map((d) =>
        el('document-link', { format: d.format, url: d.url }, [
          el('title', {}, narratives(d.titleEn, d.titleId)),
          el('category', { code: d.category }),
          el('language', { code: d.language }),
        ]),
      ),
    ],
  );
}
