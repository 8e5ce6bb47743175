/**
 * How many participants a program counts per recipient country.
 *
 * Where participant records exist they are counted by country. Otherwise the program's recorded
 * total (participants_planned) is split over its recipients: by the recipient percentages when
 * given, else equally, with the largest-remainder method so the parts are whole people and add
 * up exactly to the total. A total with no recipient country is kept under `country: null`.
 */

export type ParticipantSource = 'records' | 'totals';

export interface CountryCount {
  readonly country: string | null;
  readonly participants: number;
  readonly source: ParticipantSource;
}

export interface AllocationInput {
  readonly recipients: readonly { readonly country: string; readonly percentage: number | null }[];
  readonly participantsPlanned: number | null;
  /** Participant records counted by country (empty when none are recorded). */
  readonly recordsByCountry: ReadonlyMap<string, number>;
}

export function allocateParticipants(input: AllocationInput): CountryCount[] {
  if (input.recordsByCountry.size > 0) {
    return [...input.recordsByCountry.entries()]
      .filter(([, n]) => n > 0)
      .map(([country, participants]) => ({ country, participants, source: 'records' as const }));
  }
  const total = input.participantsPlanned;
  if (total === null || total <= 0) return [];
  if (input.recipients.length === 0) return [{ country: null, participants: total, source: 'totals' }];
  const weights = input.recipients.every((r) => r.percentage !== null)
    ? input.recipients.map((r) => r.percentage ?? 0)
    : input.recipients.map(() => 1);
  return largestRemainder(total, weights)
    .map((participants, i) => ({ country: input.recipients[i]?.country ?? null, participants, source: 'totals' as const }))
    .filter((c) => c.participants > 0);
}

/**
 * Splits a whole number into parts proportional to the weights, each part whole, the parts
 * summing to the total; leftover units go to the largest remainders, ties to the earlier item.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
