/** Exchange rates: how many units of a currency one US dollar buys on a day. */
import { z } from 'zod';
import { calendarDate, currencyCode } from './schema-helpers.js';

export const exchangeRateInputSchema = z.strictObject({
  currency: currencyCode,
  date: calendarDate,
  unitsPerUsd: z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d+(\.\d{1,8})?$/, { message: 'must be a positive decimal number with at most 8 decimals' })
        .transform(Number),
    ])
    .pipe(z.number().positive({ message: 'must be greater than 0' }).max(1e12)),
  source: z.string().trim().max(200).nullable().optional(),
});

export type ExchangeRateInput = z.output<typeof exchangeRateInputSchema>;

export interface ExchangeRate {
  readonly currency: string;
  readonly date: string;
  readonly unitsPerUsd: number;
  readonly source: string | null;
}
