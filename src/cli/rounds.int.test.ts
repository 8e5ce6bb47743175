import { expect, it } from 'vitest';
import { aProgram } from '../testing/builders.js';
import { describeCliOnEachEngine } from '../testing/cli.js';

// Two agencies of 2031: A with a complete request and a funded program without a funding source
// or budget (two required findings), B with a complete request.
describeCliOnEachEngine(
  'mitra rounds',
  (mitra) => {
    it('opens a round, shows the agencies, refuses an incomplete confirmation, confirms, reopens, blocks the freeze, closes', async () => {
      const opened = await mitra(['rounds', 'open', '2031', '--deadline', '2020-01-31', '--json']);
      expect(opened.code, opened.err).toBe(0);
      const round = JSON.parse(opened.out) as { id: number; period: string; status: string };
      expect(round).toMatchObject({ period: 'year', status: 'open' });
      const id = String(round.id);
      expect((await mitra(['rounds', 'open', '2031', '--deadline', '2020-02-01'])).code).toBe(5);
      expect((await mitra(['rounds', 'open', '2031', '--deadline', '31-01-2020'])).code).toBe(3);

      expect((await mitra(['rounds', 'list', '2031'])).out).toMatch(new RegExp(`${id}\\s+2031\\s+year\\s+2020-01-31\\s+open`));
      const overview = await mitra(['rounds', 'show', id]);
      // The deadline is past: both parts are late.
      expect(overview.out).toMatch(/ID-RC-A\s+2\s+1\s+open\s+late/);
      expect(overview.out).toMatch(/ID-RC-B\s+1\s+1\s+open\s+late/);
      const part = await mitra(['rounds', 'show', id, '--agency', 'ID-RC-A']);
      expect(part.out).toMatch(/TEST-\S+\s+no\s+[\d.]+\s+!Budget \(from funding\); !Funding source \(from funding\)/);

      const refused = await mitra(['rounds', 'confirm', id, '--agency', 'ID-RC-A']);
      expect(refused.code).toBe(3);
      expect(refused.err).toMatch(/1 program\(s\) of ID-RC-A still have required fields to complete/);
      expect(refused.err).toMatch(/Budget \(from funding\); Funding source \(from funding\)/);
      const confirmed = await mitra(['rounds', 'confirm', id, '--agency', 'ID-RC-A', '--note', 'budget in the ministry system']);
      expect([confirmed.code, confirmed.out]).toEqual([0, expect.stringMatching(/^ID-RC-A: confirmed by system:cli on \d{4}-\d{2}-\d{2}/)]);
      expect((await mitra(['rounds', 'show', id])).out).toMatch(/ID-RC-A\s+2\s+1\s+confirmed\s+system:cli on \S+\s*\n/);

      expect((await mitra(['rounds', 'reopen', id, '--agency', 'ID-RC-A'])).code).toBe(2);
      const reopened = await mitra(['rounds', 'reopen', id, '--agency', 'ID-RC-A', '--reason', 'spending missing']);
      expect([reopened.code, reopened.out.trim()]).toEqual([0, 'ID-RC-A: reopened (spending missing)']);

      const freeze = await mitra(['editions', 'freeze', '2031']);
      expect(freeze.code).toBe(5);
      expect(freeze.err).toMatch(new RegExp(`collection round ${id} \\(2031, year, deadline 2020-01-31\\) is still open`));
      expect(freeze.err).toMatch(/ID-RC-A has not confirmed its part/);
      expect(freeze.err).toMatch(/ID-RC-B has not confirmed its part/);

      // Past the deadline, but neither agency has an account yet: nothing to send (and nothing recorded).
      const remind = await mitra(['rounds', 'remind']);
      expect([remind.code, remind.out.trim()]).toEqual([0, 'no collection round reminder is due']);
      const closed = await mitra(['rounds', 'close', id]);
      expect([closed.code, closed.out]).toEqual([0, expect.stringMatching(/closed/)]);
      const overridden = await mitra(['editions', 'freeze', '2031', '--override-reason', 'agencies report late this year', '--json']);
      expect(overridden.code, overridden.err).toBe(0);
      expect((JSON.parse(overridden.out) as { blockers: { subject: string }[] }).blockers.map((b) => b.subject)).toEqual([
        'ID-RC-A',
        'ID-RC-B',
      ]);
    });
  },
  async (mitra) => {
    expect((await mitra(['db', 'migrate'])).code).toBe(0);
    for (const code of ['ID-RC-A', 'ID-RC-B']) {
      const org = { code, nameEn: `Agency ${code}`, type: '10', countryCode: 'ID', kind: 'provider_agency' };
      expect((await mitra(['orgs', 'create', '--file', 'o.json'], { 'o.json': JSON.stringify(org) })).code).toBe(0);
    }
    const programs = [
      aProgram({ implementingOrg: 'ID-RC-A', plannedStart: '2031-03-01', plannedEnd: '2031-03-05' }),
      aProgram({ implementingOrg: 'ID-RC-A', plannedStart: '2031-09-01', plannedEnd: '2031-09-05', lifecycleStage: 'funded' }),
      aProgram({ implementingOrg: 'ID-RC-B', plannedStart: '2031-05-01', plannedEnd: '2031-05-05' }),
    ];
    for (const program of programs) {
      const created = await mitra(['activities', 'create', '--file', 'p.json'], { 'p.json': JSON.stringify(program) });
      expect(created.code, created.err).toBe(0);
    }
  },
);
