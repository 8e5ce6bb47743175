/** The attendance sheet's edits: which marks a save sends. */

export interface SheetRowMarks {
  readonly participantId: number;
  readonly editable: boolean;
  /** As saved, one per course day: present, absent, not recorded (null). */
  readonly marks: readonly (boolean | null)[];
}

export const cellKey = (participantId: number, day: string) => `${participantId}|${day}`;

/** A cell as shown: the edit when there is one, else the saved mark (not recorded: unticked). */
export function cellValue(edits: ReadonlyMap<string, boolean>, row: SheetRowMarks, dayIndex: number, day: string): boolean {
  return edits.get(cellKey(row.participantId, day)) ?? row.marks[dayIndex] === true;
}

/**
 * The marks to save: every day with an edit is sent whole, for every editable row (ticked:
 * present; not ticked: absent), so a day once saved has no "not recorded" cell left.
 */
export function marksToSave(
  days: readonly string[],
  rows: readonly SheetRowMarks[],
  edits: ReadonlyMap<string, boolean>,
): { participantId: number; day: string; present: boolean }[] {
  const touched = new Set([...edits.keys()].map((k) => k.slice(k.indexOf('|') + 1)));
  const out: { participantId: number; day: string; present: boolean }[] = [];
  days.forEach((day, i) => {
    if (!touched.has(day)) return;
    for (const r of rows) if (r.editable) out.push({ participantId: r.participantId, day, present: cellValue(edits, r, i, day) });
  });
  return out;
}
