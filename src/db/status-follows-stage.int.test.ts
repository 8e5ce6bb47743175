/** Migration 20261207150500_status_follows_stage on both engines: stored programs get the status of their stage. */
import { expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import type { LifecycleStage } from '../domain/codes.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { migrationsFor } from './migrations/index.js';

describeEachEngine('migration: the status follows the stage', (app) => {
  const system = (stage: LifecycleStage) => createProgram(app().deps, programInputSchema.parse(aProgram({ lifecycleStage: stage })));

  it('gives stored programs whose status contradicts their stage the status of the stage, keeping a suspension', async () => {
    const { db, engine } = app().database;
    const stale = [
      ['implementation', 1],
      ['evaluated', 1],
      ['completed', 4],
      ['implementation', 6],
      ['approved', 1],
    ] as const;
    const ids: number[] = [];
    for (const [stage] of stale) ids.push((await system(stage)).id);
    for (const [i, [, code]] of stale.entries())
      await db.updateTable('activities').set({ activity_status: code }).where('id', '=', ids[i]!).execute();
    await migrationsFor(engine)['20261207150500_status_follows_stage']?.up(db);
    const rows = await db
      .selectFrom('activities')
      .select(['id', 'activity_status', 'version'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.activity_status, r.version])).toEqual([
      [2, 2],
      [4, 2],
      [3, 2],
      [6, 1],
      [1, 1],
    ]);
  });
});
