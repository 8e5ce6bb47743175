/**
 * Selection within quotas: candidates in the implementing agency's order take the free places
 * of their country and of the offer; the ones left wait as reserves in the same order, unless
 * their country has no place at all (quota 0), which makes them not selected.
 */

export interface SelectionQuotas {
  /** Places per country given by the offer. */
  readonly byCountry: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Places of a country not in byCountry; null: no limit per country. */
  readonly quotaDefault: number | null;
  /** Places in all; null: no overall limit. */
  readonly quotaTotal: number | null;
}

export interface SelectionCandidate {
  readonly id: number;
  readonly country: string;
}

export interface SelectionResult {
  readonly selected: readonly number[];
  /** In the agency's order; rank 1 is the first to be promoted. */
  readonly reserves: readonly { id: number; rank: number }[];
  readonly notSelected: readonly number[];
}

export interface SelectionOptions {
  /** Places already held (selected to completed) per country. */
  readonly holders?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** At most this many reserves; the others are not selected (default: no limit). */
  readonly maxReserves?: number;
  /** Ranks of the reserves start after this one (reserves already ranked). */
  readonly firstRank?: number;
}

const isMap = (m: ReadonlyMap<string, number> | Readonly<Record<string, number>>): m is ReadonlyMap<string, number> => m instanceof Map;

function lookup(m: ReadonlyMap<string, number> | Readonly<Record<string, number>> | undefined, key: string): number | undefined {
  if (!m) return undefined;
  if (isMap(m)) return m.get(key);
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

function entries(m: ReadonlyMap<string, number> | Readonly<Record<string, number>> | undefined): [string, number][] {
  if (!m) return [];
  return m instanceof Map ? [...m.entries()] : Object.entries(m);
}

/** The places of a country (its quota, else the default, else null: unlimited). */
export function countryQuota(quotas: SelectionQuotas, country: string): number | null {
  return lookup(quotas.byCountry, country) ?? quotas.quotaDefault;
}

/** Pure: who is selected, who becomes a reserve (ranked) and who is not selected. */
export function selectWithinQuotas(
  candidates: readonly SelectionCandidate[],
  quotas: SelectionQuotas,
  options: SelectionOptions = {},
): SelectionResult {
  const held = new Map(entries(options.holders));
  let heldTotal = [...held.values()].reduce((a, b) => a + b, 0);
  const selected: number[] = [];
  const reserves: { id: number; rank: number }[] = [];
  const notSelected: number[] = [];
  let rank = options.firstRank ?? 0;
  const maxReserves = options.maxReserves ?? Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const own = countryQuota(quotas, c.country);
    const heldHere = held.get(c.country) ?? 0;
    const countryRoom = own === null || heldHere < own;
    const totalRoom = quotas.quotaTotal === null || heldTotal < quotas.quotaTotal;
    if (countryRoom && totalRoom) {
      selected.push(c.id);
      held.set(c.country, heldHere + 1);
      heldTotal++;
    } else if (own !== 0 && quotas.quotaTotal !== 0 && reserves.length < maxReserves) {
      reserves.push({ id: c.id, rank: ++rank });
    } else {
      notSelected.push(c.id);
    }
  }
  return { selected, reserves, notSelected };
}
