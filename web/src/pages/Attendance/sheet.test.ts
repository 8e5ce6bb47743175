import { describe, expect, it } from 'vitest';
import { cellKey, marksToSave } from './sheet.js';

describe('marksToSave', () => {
  const days = ['2026-03-02', '2026-03-03', '2026-03-04'];
  const rows = [
    { participantId: 1, editable: true, marks: [true, null, null] },
    { participantId: 2, editable: true, marks: [false, null, null] },
    { participantId: 3, editable: false, marks: [true, true, true] },
  ];

  it('sends nothing without edits', () => {
    expect(marksToSave(days, rows, new Map())).toEqual([]);
  });

  it('sends an edited day whole for the editable rows: ticked present, the others absent', () => {
    const edits = new Map([[cellKey(2, '2026-03-03'), true]]);
    expect(marksToSave(days, rows, edits)).toEqual([
      { participantId: 1, day: '2026-03-03', present: false },
      { participantId: 2, day: '2026-03-03', present: true },
    ]);
  });

  it('keeps saved marks of an edited day unless changed', () => {
    const edits = new Map([[cellKey(2, '2026-03-02'), true]]);
    expect(marksToSave(days, rows, edits)).toEqual([
      { participantId: 1, day: '2026-03-02', present: true },
      { participantId: 2, day: '2026-03-02', present: true },
    ]);
  });
});
