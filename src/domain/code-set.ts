import { isOneOf, keysOf } from './guards.js';
import { normalizeName } from './text.js';

export interface CodeLabel {
  readonly en: string;
  readonly id: string;
  /** Other words people use for it in spreadsheets (English or Indonesian). */
  readonly aliases?: readonly string[];
}

export interface CodeSet<C extends string> {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, CodeLabel>>;
  is(value: string): value is C;
  /** Reads a code, its English or Indonesian label or an alias, ignoring case and punctuation. */
  parse(value: string): C | undefined;
  label(code: C, lang: 'en' | 'id'): string;
}

/** A closed set of stable lower_snake codes with their bilingual labels and accepted words. */
export function defineCodeSet<const C extends string>(labels: Record<C, CodeLabel>): CodeSet<C> {
  const codes = keysOf(labels);
  const lookup = new Map<string, C>();
  for (const code of codes) {
    const label = labels[code];
    for (const word of [code, label.en, label.id, ...(label.aliases ?? [])]) {
      lookup.set(normalizeName(word), code);
    }
  }
  return {
    codes,
    labels,
    is: (value: string): value is C => isOneOf(codes, value),
    parse: (value: string) => lookup.get(normalizeName(value)),
    label: (code: C, lang: 'en' | 'id') => labels[code][lang],
  };
}
