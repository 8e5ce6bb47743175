/** What a form sends of what was typed: trimmed text, empty as null, codes only from their set. */
import type { CodeSet } from '../../../src/domain/code-set.js';

/** The trimmed text, or null when nothing was typed. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The code chosen (the form's selects offer only the set's codes), or null for none. */
export const codeOrNull = <C extends string>(codes: CodeSet<C>, s: string): C | null => {
  const code = s.trim();
  return codes.is(code) ? code : null;
};
