import { expect, it } from 'vitest';
import { describeEachEngine } from '../../testing/engines.js';
import { loadDemoData } from './load-demo.js';
import { DEMO_SIGN_OFF_LABEL, DEMO_SIGN_OFFS } from './demo-sign-offs.js';

describeEachEngine('demo sign-offs', (app) => {
  it('records the illustrative sign-offs of 2016–2018 programs, every required ministry agreeing', async () => {
    const deps = app().deps;
    await loadDemoData(deps);
    for (const demo of DEMO_SIGN_OFFS) {
      const program = await deps.store.repos.programs.findByIdentifier(demo.identifier);
      expect(program, demo.identifier).toBeDefined();
      const signOffs = await deps.store.repos.signOffs.listByProgram(program?.id ?? 0);
      expect(signOffs.map((s) => `${s.step}:${s.orgCode}`).sort()).toEqual([
        'assessment:ID-BAPPENAS',
        'assessment:ID-KEMENKEU',
        'assessment:ID-KEMENSETNEG',
        'assessment:ID-KEMLU',
        'funding:ID-BAPPENAS',
        'funding:ID-KEMENKEU',
      ]);
      expect(signOffs.every((s) => s.signedByLabel === DEMO_SIGN_OFF_LABEL && s.opinion !== 'disagree')).toBe(true);
    }
  });
});
