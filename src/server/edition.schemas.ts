/** Schemas and presenters of the edition routes (edition.routes.ts). */
import { z } from 'zod';
import { EDITION_SCOPES, EDITION_STATUSES, type Edition, type EditionWithFigures } from '../domain/report/edition.js';
import type { EditionDifferences } from '../domain/report/edition-diff.js';
import { presentSummary, summarySchema } from './report.schemas.js';

const text = z.string().nullable();
const figureValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const recordRefSchema = z.object({ id: z.number().int(), identifier: z.string(), titleEn: text, titleId: text });

export const differencesSchema = z
  .object({
    figures: z.array(
      z.object({
        path: z
          .string()
          .meta({ description: 'where in the annual summary, rows keyed by their code: "topRecipients[country=PG].programs"' }),
        before: figureValue.optional().meta({ description: 'in the edition (or the earlier edition); absent when the row is not there' }),
        after: figureValue.optional().meta({ description: 'live (or in the later edition); absent when the row is not there' }),
      }),
    ),
    added: z.array(recordRefSchema),
    removed: z.array(recordRefSchema),
    changed: z.array(
      recordRefSchema.extend({
        versionBefore: z.number().int(),
        versionAfter: z.number().int(),
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    ),
  })
  .meta({ id: 'EditionDifferences' });

export const editionSchema = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    number: z.number().int(),
    status: z.enum(EDITION_STATUSES),
    titleEn: z
      .string()
      .meta({ description: 'the name every document of the edition carries: "Annual Report 2018, edition 1, 15 March 2019"' }),
    titleId: z.string().meta({ description: '"Laporan Tahunan 2018, edisi 1, 15 Maret 2019"' }),
    frozenAt: z.string(),
    frozenBy: z.string(),
    overrideReason: text,
    blockers: z.array(z.object({ kind: z.string(), subject: z.string(), message: z.string() })),
    errataReason: text,
    previousId: z.number().int().nullable(),
    changes: differencesSchema.nullable().meta({ description: 'what changed against the previous edition (errata)' }),
    programs: z.number().int(),
    countries: z.number().int(),
    participants: z.number().int(),
    publishedAt: text,
    publishedBy: text,
    narrativeEn: text,
    narrativeId: text,
    narrativeUpdatedAt: text,
  })
  .meta({ id: 'Edition' });

export const editionFiguresSchema = z
  .object({
    edition: editionSchema,
    scope: z.enum(EDITION_SCOPES).meta({ description: "'published': the figures of published programs only (what the public sees)" }),
    summary: summarySchema,
  })
  .meta({ id: 'EditionFigures' });

const copyDifferences = (d: EditionDifferences): z.output<typeof differencesSchema> => ({
  figures: d.figures.map((f) => ({ ...f })),
  added: d.added.map((r) => ({ ...r })),
  removed: d.removed.map((r) => ({ ...r })),
  changed: d.changed.map((r) => ({ ...r, fields: r.fields.map((f) => ({ ...f })) })),
});

export function presentEdition(e: Edition): z.output<typeof editionSchema> {
  return {
    id: e.id,
    year: e.year,
    number: e.number,
    status: e.status,
    titleEn: e.titleEn,
    titleId: e.titleId,
    frozenAt: e.frozenAt,
    frozenBy: e.frozenBy,
    overrideReason: e.overrideReason,
    blockers: e.blockers.map((b) => ({ ...b })),
    errataReason: e.errataReason,
    previousId: e.previousId,
    changes: e.changes && copyDifferences(e.changes),
    programs: e.programs,
    countries: e.countries,
    participants: e.participants,
    publishedAt: e.publishedAt,
    publishedBy: e.publishedBy,
    narrativeEn: e.narrativeEn,
    narrativeId: e.narrativeId,
    narrativeUpdatedAt: e.narrativeUpdatedAt,
  };
}

export const presentDifferences = copyDifferences;

export function presentEditionFigures(f: EditionWithFigures): z.output<typeof editionFiguresSchema> {
  return { edition: presentEdition(f.edition), scope: f.scope, summary: presentSummary(f.summary) };
}
