/** Small zod building blocks shared by the input schemas. */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { describeCountryFailure, resolveCountry } from './reference/countries.js';
import { isCodeIn } from './reference/codelists.js';
import { parseAmountToMinor } from './money.js';
import type { CodeSet } from './code-set.js';

/**
 * What an IATI identifier (of an activity or an organisation) may be: no spaces and none of
 * / & | ? (IATI rules 1.1.x and 1.8.13).
 */
export const IATI_IDENTIFIER_PATTERN = /^[^\s/&|?]+$/;

/** Why a sector code is not one of its vocabulary (DAC codes are checked), or null when it is. */
export function sectorCodeProblem(vocabulary: string, code: string): string | null {
  if (!isCodeIn('SectorVocabulary', vocabulary)) return `unknown sector vocabulary "${vocabulary}"`;
  if (vocabulary === '1' && !isCodeIn('Sector', code)) return `"${code}" is not a DAC 5-digit sector code`;
  if (vocabulary === '2' && !isCodeIn('SectorCategory', code)) return `"${code}" is not a DAC 3-digit sector category`;
  return null;
}

export const LIMITS = {
  identifier: 150,
  title: 500,
  description: 20_000,
  shortText: 200,
  email: 254,
  listItems: 500,
} as const;

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a real calendar day written YYYY-MM-DD', params: { code: 'invalid_date' } })
  .meta({ format: 'date', example: '2018-04-16' });

/** Optional free text: trimmed, empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional();
}

/** A code of a Mitra code set; also accepts its labels and aliases (Indonesian or English). */
export function codeOf<C extends string>(set: CodeSet<C>, what: string) {
  return z
    .string()
    .transform((value, ctx) => {
      const code = set.parse(value);
      if (code === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${what} "${value}"; expected one of ${set.codes.join(', ')}`,
          params: { code: 'unknown_code', what, value, expected: set.codes.join(', ') },
        });
        return z.NEVER;
      }
      return code;
    })
    .meta({ enum: [...set.codes] });
}

/** A country in any form the resolver accepts; becomes the ISO alpha-2 code. */
export const countryCode = z
  .string()
  .transform((value, ctx) => {
    const resolved = resolveCountry(value);
    if (!resolved.ok) {
      const suggestions = resolved.suggestions.map((c) => `${c.nameEn} (${c.iso2})`).join(', ');
      ctx.addIssue({
        code: 'custom',
        message: describeCountryFailure(value, resolved),
        params: { code: 'unknown_country', value, reason: resolved.reason, suggestions },
      });
      return z.NEVER;
    }
    return resolved.country.iso2;
  })
  .meta({ description: 'ISO 3166-1 alpha-2/alpha-3 code or a country name (English or Indonesian)', example: 'PS' });

/** An ISO 4217 currency in the IATI Currency codelist. */
export const currencyCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((c) => isCodeIn('Currency', c), {
    message: 'must be an ISO 4217 currency code (e.g. IDR, USD)',
    params: { code: 'unknown_currency' },
  })
  .meta({ example: 'IDR' });

/** An exact amount, as a decimal string or a number with at most two decimals; becomes hundredths. */
export const amountMinor = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const minor = parseAmountToMinor(value);
    if (minor === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a decimal amount with at most two decimals', params: { code: 'invalid_amount' } });
      return z.NEVER;
    }
    if (minor < 0) {
      ctx.addIssue({ code: 'custom', message: 'must not be negative', params: { code: 'negative_amount' } });
      return z.NEVER;
    }
    return minor;
  })
  .meta({ description: 'decimal amount, e.g. "1250000.50"', example: '1250000.00' });

/** A percentage 0–100 with at most two decimals. */
export const percentage = z
  .number()
  .min(0, { message: 'must be between 0 and 100' })
  .max(100, { message: 'must be between 0 and 100' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-7, { message: 'must have at most two decimals' });
