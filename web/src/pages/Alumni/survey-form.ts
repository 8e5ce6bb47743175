/** Pure helpers of the survey forms (tested without a browser). */

/** The list with the item at `from` moved to `to` (reordering questions). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** The answers of the public form as the API takes them: empty answers left out. */
export function answersOf(
  values: Readonly<Record<string, string>>,
  kinds: Readonly<Record<string, string>>,
): Record<string, boolean | number | string> {
  const out: Record<string, boolean | number | string> = {};
  for (const [id, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '') continue;
    const kind = kinds[id];
    if (kind === 'yes_no') out[id] = value === 'yes';
    else if (kind === 'scale_1_5') out[id] = Number(value);
    else out[id] = value;
  }
  return out;
}
