/**
 * Normalises a name for matching: case, accents, punctuation and spacing are ignored, and the
 * abbreviation "St" is read as "saint" ("St. Lucia" = "Saint Lucia").
 */
export function normalizeName(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word))
    .join(' ');
}

/** Damerau-Levenshtein (optimal string alignment) distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  // The table row by row: the one two back (for a transposition), the previous one, the current one.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(previous, j) + 1, cell(row, j - 1) + 1, cell(previous, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, cell(before, j - 2) + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return cell(previous, b.length);
}

/** A cell of a row already filled up to `j`. */
function cell(row: readonly number[], j: number): number {
  const value = row[j];
  if (value === undefined) throw new RangeError(`editDistance read cell ${j} of a row of ${row.length}`);
  return value;
}

/**
 * A text's Indonesian variant after an edit: the one the edit gives (null clears it); else the
 * stored one while the text stays as it was; a changed text without one drops the old variant,
 * which no longer says the same.
 */
export function indonesianAfterEdit(
  given: string | null | undefined,
  text: string | null,
  was: { readonly text: string | null; readonly indonesian: string | null },
): string | null {
  if (given !== undefined) return given;
  return text === was.text ? was.indonesian : null;
}
