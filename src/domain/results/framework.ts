/**
 * A program's results framework as IATI 2.03 models it (`result` → `indicator` → `baseline`,
 * `period` → `target`/`actual` with `dimension`, `comment` and `document-link`); docs/results.md.
 * The framework is one document per program, written whole with one version (so that two users
 * editing different indicators cannot lose each other's change). Ids of results, indicators and
 * periods are small integers unique within the framework, given by the service.
 */
import { z } from 'zod';
import { IATI_CODELIST_CODES } from '../reference/data/iati-rulesets.js';
import { calendarDate, LIMITS } from '../schema-helpers.js';

/** IATI ResultType: 1 output, 2 outcome, 3 impact, 9 other. */
export const RESULT_TYPES = ['1', '2', '3', '9'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];
/** IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
export const INDICATOR_MEASURES = ['1', '2', '3', '4', '5'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];
export const MEASURE = { unit: '1', percentage: '2', nominal: '3', ordinal: '4', qualitative: '5' } as const;

/** The dimensions a target or actual may be disaggregated by (IATI `dimension` @name). */
export const DIMENSIONS = ['sex', 'recipient-country'] as const;
export type DimensionName = (typeof DIMENSIONS)[number];
export const SEX_VALUES = ['female', 'male'] as const;

export const RESULT_LIMITS = { results: 50, indicators: 50, periods: 100, documents: 20, comment: 2_000 } as const;

const text = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);
const value = z.number().finite().nullable().default(null);

/** IATI DocumentCategory codes of activities (A01–A12; B codes are organisations') and FileFormat (IANA media types). */
const documentCategories = new Set((IATI_CODELIST_CODES.DocumentCategory?.codes.split(' ') ?? []).filter((c) => c.startsWith('A')));
const fileFormats = new Set(IATI_CODELIST_CODES.FileFormat?.codes.split(' ') ?? []);

export const documentLinkSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^https?:\/\/\S+$/, { message: 'must be an http(s) address' }),
  format: z
    .string()
    .trim()
    .refine((f) => fileFormats.has(f), { message: 'must be an IANA media type of the IATI FileFormat codelist, e.g. application/pdf' }),
  titleEn: text(LIMITS.title),
  titleId: text(LIMITS.title),
  category: z
    .string()
    .trim()
    .refine((c) => documentCategories.has(c), { message: 'must be an IATI DocumentCategory code, e.g. A08' })
    .default('A08'),
  documentDate: calendarDate.nullable().default(null),
});
export type DocumentLink = z.infer<typeof documentLinkSchema>;

export const disaggregationSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  /** "female"/"male" for sex; an ISO 3166 code for recipient-country. */
  value: z.string().trim().min(1).max(50),
  amount: z.number().finite(),
});
export type Disaggregation = z.infer<typeof disaggregationSchema>;

export const measuredSchema = z.object({
  value,
  commentEn: text(RESULT_LIMITS.comment),
  commentId: text(RESULT_LIMITS.comment),
  disaggregations: z.array(disaggregationSchema).max(300).default([]),
});
export const actualSchema = measuredSchema.extend({
  documents: z.array(documentLinkSchema).max(RESULT_LIMITS.documents).default([]),
});
export type Target = z.infer<typeof measuredSchema>;
export type Actual = z.infer<typeof actualSchema>;

export const periodInputSchema = z.object({
  start: calendarDate,
  end: calendarDate,
  target: measuredSchema.nullable().default(null),
  actual: actualSchema.nullable().default(null),
});
export type PeriodInput = z.infer<typeof periodInputSchema>;

export const baselineSchema = z.object({
  year: z.number().int(),
  date: calendarDate.nullable().default(null),
  value,
  commentEn: text(RESULT_LIMITS.comment),
  commentId: text(RESULT_LIMITS.comment),
});
export type Baseline = z.infer<typeof baselineSchema>;

/** An indicator's own fields (PUT of an indicator keeps its periods). */
export const indicatorFieldsSchema = z.object({
  measure: z.enum(INDICATOR_MEASURES),
  ascending: z.boolean().default(true),
  aggregationStatus: z.boolean().default(false),
  titleEn: text(LIMITS.title),
  titleId: text(LIMITS.title),
  descriptionEn: text(LIMITS.description),
  descriptionId: text(LIMITS.description),
  baseline: baselineSchema.nullable().default(null),
});
export const indicatorInputSchema = indicatorFieldsSchema.extend({
  periods: z.array(periodInputSchema).max(RESULT_LIMITS.periods).default([]),
});
export type IndicatorFields = z.infer<typeof indicatorFieldsSchema>;
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** A result's own fields (PUT of a result keeps its indicators). */
export const resultFieldsSchema = z.object({
  type: z.enum(RESULT_TYPES),
  aggregationStatus: z.boolean().default(false),
  titleEn: text(LIMITS.title),
  titleId: text(LIMITS.title),
  descriptionEn: text(LIMITS.description),
  descriptionId: text(LIMITS.description),
});
export const resultInputSchema = resultFieldsSchema.extend({
  indicators: z.array(indicatorInputSchema).max(RESULT_LIMITS.indicators).default([]),
});
export type ResultFields = z.infer<typeof resultFieldsSchema>;
export type ResultInput = z.infer<typeof resultInputSchema>;

export const frameworkInputSchema = z.object({
  results: z.array(resultInputSchema).max(RESULT_LIMITS.results).default([]),
});
export type FrameworkInput = z.infer<typeof frameworkInputSchema>;

export type Period = PeriodInput & { readonly id: number };
export type Indicator = IndicatorFields & { readonly id: number; readonly periods: Period[] };
export type Result = ResultFields & { readonly id: number; readonly indicators: Indicator[] };

/** The stored framework: its results and the next free id. */
export interface Framework {
  readonly results: Result[];
  readonly nextId: number;
}

export const EMPTY_FRAMEWORK: Framework = { results: [], nextId: 1 };

/** The stored document, parsed again when read (written only by the service, after the rules). */
const storedPeriod = periodInputSchema.extend({ id: z.number().int() });
const storedIndicator = indicatorFieldsSchema.extend({ id: z.number().int(), periods: z.array(storedPeriod) });
export const storedResult = resultFieldsSchema.extend({ id: z.number().int(), indicators: z.array(storedIndicator) });
export const storedFrameworkSchema = z.object({ results: z.array(storedResult), nextId: z.number().int().min(1) });

export function parseStoredFramework(json: string): Framework {
  return storedFrameworkSchema.parse(JSON.parse(json));
}

/** Gives ids to what has none (a whole framework or a new result, indicator or period). */
export function withIds(input: FrameworkInput, start: number): Framework {
  let next = start;
  const results = input.results.map((r) => addResultIds(r, () => next++));
  return { results, nextId: next };
}

export function addResultIds(r: ResultInput, id: () => number): Result {
  const { indicators, ...fields } = r;
  return { ...fields, id: id(), indicators: indicators.map((i) => addIndicatorIds(i, id)) };
}

export function addIndicatorIds(i: IndicatorInput, id: () => number): Indicator {
  const { periods, ...fields } = i;
  return { ...fields, id: id(), periods: periods.map((p) => ({ ...p, id: id() })) };
}
