/**
 * The annual report's achievements (issue 25, docs/results.md): per program, each indicator's
 * target and actual for the periods of the year (a period counts for a year when it overlaps
 * it), and the computed participant indicator (planned and attended). Figures of different
 * indicators are not added up: only participants trained share one summable unit (persons), so
 * they alone get a total. Pure: the programs' frameworks come in (live, or frozen with an edition).
 */
import { MEASURE, type IndicatorMeasure, type Result } from '../results/framework.js';

export interface ProgramAchievements {
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly results: readonly Result[];
  /** The participant indicator: its period (the program's dates), planned and attended (null: no records). */
  readonly participants: {
    readonly start: string | null;
    readonly end: string | null;
    readonly planned: number | null;
    readonly attended: number | null;
  };
}

export interface AchievementRow {
  readonly identifier: string;
  readonly programEn: string;
  readonly programId: string;
  readonly indicatorEn: string;
  readonly indicatorId: string;
  /** null for the computed participant indicator. */
  readonly measure: IndicatorMeasure | null;
  readonly start: string;
  readonly end: string;
  readonly target: number | null;
  readonly actual: number | null;
  /** Comments, for qualitative indicators (which have no values). */
  readonly commentEn: string | null;
  readonly commentId: string | null;
}

export interface Achievements {
  readonly rows: readonly AchievementRow[];
  /** Participants trained over the rows of the participant indicator (persons: summable). */
  readonly participants: { readonly planned: number; readonly attended: number };
}

const overlaps = (start: string, end: string, year: number) => start <= `${year}-12-31` && end >= `${year}-01-01`;
const title = (en: string | null, id: string | null, fallback: string) => ({ en: en ?? id ?? fallback, id: id ?? en ?? fallback });

/** Participants trained, as the IATI export's automatic indicator names it. */
export const PARTICIPANT_INDICATOR = { en: 'Participants trained (planned and attended)', id: 'Peserta yang dilatih (rencana dan hadir)' };

export function achievementsOf(programs: readonly ProgramAchievements[], year: number): Achievements {
  const rows: AchievementRow[] = [];
  let planned = 0;
  let attended = 0;
  for (const p of programs) {
    const program = title(p.titleEn, p.titleId, p.identifier);
    const base = { identifier: p.identifier, programEn: program.en, programId: program.id };
    for (const r of p.results)
      for (const i of r.indicators) {
        const name = title(i.titleEn, i.titleId, '');
        for (const period of [...i.periods].sort((a, b) => a.start.localeCompare(b.start))) {
          if (!overlaps(period.start, period.end, year)) continue;
          rows.push({
            ...base,
            indicatorEn: name.en,
            indicatorId: name.id,
            measure: i.measure,
            start: period.start,
            end: period.end,
            target: period.target?.value ?? null,
            actual: period.actual?.value ?? null,
            commentEn: period.actual?.commentEn ?? period.target?.commentEn ?? null,
            commentId: period.actual?.commentId ?? period.target?.commentId ?? null,
          });
        }
      }
    const { start, end } = p.participants;
    if (start && end && overlaps(start, end, year) && (p.participants.planned !== null || p.participants.attended !== null)) {
      rows.push({
        ...base,
        indicatorEn: PARTICIPANT_INDICATOR.en,
        indicatorId: PARTICIPANT_INDICATOR.id,
        measure: null,
        start,
        end,
        target: p.participants.planned,
        actual: p.participants.attended,
        commentEn: null,
        commentId: null,
      });
      planned += p.participants.planned ?? 0;
      attended += p.participants.attended ?? 0;
    }
  }
  return { rows, participants: { planned, attended } };
}

/** A value as the report shows it: a percentage with its sign, a qualitative one by its comment. */
export function achievementValue(row: AchievementRow, value: number | null, lang: 'en' | 'id'): string | number {
  if (row.measure === MEASURE.qualitative || value === null) return '';
  if (row.measure === MEASURE.percentage) return `${value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}%`;
  return value;
}
