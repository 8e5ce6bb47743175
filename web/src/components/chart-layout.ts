/**
 * The arithmetic of the plain SVG charts (Charts.tsx): axis ticks, label fitting and positions.
 * Pure functions, so that they are tested without a browser.
 */

/** Font size of axis labels, in pixels (as ECharts drew them; styles.css `.chart text`). */
export const LABEL_PX = 12;
/** Average advance of a character of the system sans-serif fonts, in ems. */
const CHAR_EM = 0.58;

/** Width in pixels of a label as drawn; the browser measures it, tests and jsdom estimate it. */
export type Measure = (text: string) => number;

/** An estimate of a label's width at LABEL_PX (SVG text does not wrap or report its size before it is drawn). */
export const estimateWidth: Measure = (text) => text.length * LABEL_PX * CHAR_EM;

/**
 * Ticks of a value axis from 0 to at least `max`, about `target` of them, at a step of 1, 2 or 5
 * times a power of ten and never below 1: charts count programs, countries and people.
 */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** The label cut to `widthPx` with an ellipsis (the whole label stays in the tooltip). */
export function fitLabel(text: string, widthPx: number, measure: Measure = estimateWidth): string {
  if (measure(text) <= widthPx) return text;
  let chars = text.length - 1;
  while (chars > 1 && measure(`${text.slice(0, chars).trimEnd()}…`) > widthPx) chars--;
  return `${text.slice(0, chars).trimEnd()}…`;
}

/** The label broken into at most `maxLines` lines of `widthPx`, at spaces; the last line cut with an ellipsis. */
export function wrapLabel(text: string, widthPx: number, maxLines = 2, measure: Measure = estimateWidth): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > widthPx) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => fitLabel(l, widthPx, measure));
  const kept = lines.slice(0, maxLines - 1);
  const last = fitLabel(lines.slice(maxLines - 1).join(' '), widthPx, measure);
  return [...kept.map((l) => fitLabel(l, widthPx, measure)), last.endsWith('…') ? last : `${last}…`];
}

/** A band scale: `count` equal bands over `length` pixels; `start(i)`, `centre(i)` and the band's width. */
export function bands(count: number, length: number) {
  const width = count > 0 ? length / count : length;
  return { width, start: (i: number) => i * width, centre: (i: number) => (i + 0.5) * width };
}
