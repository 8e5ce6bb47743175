/**
 * Frozen editions of a year's figures (issue 23, docs/editions.md): edition N of a year is an
 * immutable copy of the annual summary and of the program records it was computed from. This
 * module holds the types, the edition's name and the input schemas; the comparison of an
 * edition with the live figures or with another edition is in edition-diff.ts.
 */
import { z } from 'zod';
import type { AnnualSummary } from './summary.js';
import type { EditionDifferences } from './edition-diff.js';

import type { CollectionRound, RoundPart } from '../rounds/round.js';

export type { ProgramSnapshot } from './program-snapshot.js';

/** A collection round of the year as it stood at the freeze: which round the figures were collected in, and who confirmed what. */
export interface EditionRound {
  readonly round: CollectionRound;
  readonly parts: readonly RoundPart[];
}

export const EDITION_STATUSES = ['frozen', 'published'] as const;
/** frozen: a draft the coordination team may still write the narrative of; published: public, final. */
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** 'all': every lifecycle stage (the coordinators' report); 'published': what the public sees. */
export const EDITION_SCOPES = ['all', 'published'] as const;
export type EditionScope = (typeof EDITION_SCOPES)[number];

export type EditionLang = 'en' | 'id';

/** Limits shared by the server, the CLI and the forms. */
export const EDITION_TEXT_MAX = 2_000;
export const NARRATIVE_MAX = 50_000;

/** What stops a year from being frozen (open collection rounds, unconfirmed agencies, missing rates…). */
export interface FreezeBlocker {
  /** A stable code: 'missing_exchange_rate', later 'open_round', 'unconfirmed_agency'. */
  readonly kind: string;
  /** What it is about (a currency, a round's id, an agency's code). */
  readonly subject: string;
  readonly message: string;
}

export interface Edition {
  readonly id: number;
  readonly year: number;
  readonly number: number;
  readonly status: EditionStatus;
  readonly titleEn: string;
  readonly titleId: string;
  readonly frozenAt: string;
  readonly frozenByUserId: number | null;
  readonly frozenBy: string;
  readonly overrideReason: string | null;
  readonly blockers: readonly FreezeBlocker[];
  readonly errataReason: string | null;
  readonly previousId: number | null;
  /** What changed against the previous edition (errata), null for edition 1. */
  readonly changes: EditionDifferences | null;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly narrativeEn: string | null;
  readonly narrativeId: string | null;
  readonly narrativeUpdatedAt: string | null;
}

/** An edition with the figures the actor may see. */
export interface EditionWithFigures {
  readonly edition: Edition;
  readonly scope: EditionScope;
  readonly summary: AnnualSummary;
}

const MONTHS: Record<EditionLang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

/** "15 Maret 2019" of an instant or a day (the calendar day in UTC, as every date Mitra stores). */
export function longDate(instantOrDay: string, lang: EditionLang): string {
  const [y, m, d] = instantOrDay.slice(0, 10).split('-').map(Number);
  return `${d ?? ''} ${MONTHS[lang][(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/**
 * The edition's name, which every document produced from it carries: "Laporan Tahunan 2018,
 * edisi 1, 15 Maret 2019" / "Annual Report 2018, edition 1, 15 March 2019". The date is the
 * freeze's: the figures are those of that day, and the name stays the same from the draft to
 * the published edition (docs/editions.md).
 */
export function editionTitle(year: number, number: number, frozenAt: string, lang: EditionLang): string {
  return lang === 'id'
    ? `Laporan Tahunan ${year}, edisi ${number}, ${longDate(frozenAt, 'id')}`
    : `Annual Report ${year}, edition ${number}, ${longDate(frozenAt, 'en')}`;
}

const reasonText = z.string().trim().min(1).max(EDITION_TEXT_MAX);

/** Freezing a year: why despite the blockers (override), and why a new edition (errata, N > 1). */
export const freezeInputSchema = z.object({
  overrideReason: reasonText.optional(),
  reason: reasonText.optional(),
});
export type FreezeInput = z.infer<typeof freezeInputSchema>;

export const narrativeInputSchema = z.object({
  lang: z.enum(['en', 'id']),
  /** The foreword in that language; empty clears it. */
  text: z.string().max(NARRATIVE_MAX),
});
export type NarrativeInput = z.infer<typeof narrativeInputSchema>;

/** The blockers the summary itself shows: spending in a currency without an exchange rate is left out of a total. */
export function summaryBlockers(summary: AnnualSummary): FreezeBlocker[] {
  return summary.spending.missingRates.map((m) => ({
    kind: 'missing_exchange_rate',
    subject: m.currency,
    message: `no exchange rate for ${m.currency} between ${m.firstDate} and ${m.lastDate}: ${m.transactions} transaction(s) left out of ${m.missing.map((t) => t.toUpperCase()).join(' and ')}`,
  }));
}

/** What a document made from an edition carries: its name and its narrative in the document's language. */
export function editionDocument(edition: Edition, lang: EditionLang): { title: string; narrative: string | null } {
  return lang === 'id'
    ? { title: edition.titleId, narrative: edition.narrativeId }
    : { title: edition.titleEn, narrative: edition.narrativeEn };
}
