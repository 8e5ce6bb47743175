import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra requests (demo data)',
  (mitra) => {
    /** The demo request of a country (references carry the year of loading: the CLI runs on the real clock). */
    const refOf = async (country: string): Promise<string> => {
      const items: { country: string; reference: string }[] = JSON.parse((await mitra(['requests', 'list', '--json'])).out).items;
      return items.find((r) => r.country === country)?.reference ?? 'none';
    };

    it('lists and shows the demo requests', async () => {
      const list = await mitra(['requests', 'list', '--status', 'assessment,registered']);
      expect(list.code, list.err).toBe(0);
      expect(list.out).toMatch(/REQ-\d{4}-\d{4}\s+2026-04-08\s+TL\s+registered\s+DEV-AGR/);
      expect(list.out).toMatch(/^2 request\(s\)$/m);
      const show = await mitra(['requests', 'show', (await refOf('PS')).toLowerCase()]);
      expect(show.code, show.err).toBe(0);
      expect(show.out).toMatch(/^country\s+PS Palestine$/m);
      expect(show.out).toMatch(/^program\s+ID-KEMLU-2018-01 \(id \d+\)$/m);
      expect((await mitra(['requests', 'show', 'REQ-1999-0001'])).code).toBe(3);
      expect((await mitra(['requests', 'show', '99999'])).code).toBe(4);
    });

    it('prints the matches with their reasons in English and Indonesian', async () => {
      const en = await mitra(['requests', 'matches', await refOf('FJ')]);
      expect(en.code, en.err).toBe(0);
      expect(en.out).toMatch(/^1\s+22\s+ID-BNPB\s+National Disaster Management Authority$/m);
      expect(en.out).toMatch(
        /#1: 1 program\(s\) in Disaster risk management \(\+10\); 1 program\(s\) for Fiji \(\+8\); 1 training program\(s\) \(\+4\)/,
      );
      const id = await mitra(['requests', 'matches', await refOf('FJ'), '--lang', 'id']);
      expect(id.out).toMatch(/Kementerian\/lembaga/);
      expect(id.out).toMatch(
        /1 program di bidang Manajemen risiko bencana \(\+10\); 1 program untuk Fiji \(\+8\); 1 program berbentuk pelatihan \(\+4\)/,
      );
      expect(JSON.parse((await mitra(['requests', 'matches', '1', '--json'])).out).agencies[0].score).toBe(22);
    });

    it('registers, assesses, declines and accepts with a program', async () => {
      const bad = await mitra(['requests', 'register', '--country', 'Atlantis', '--topic', 'x']);
      expect(bad.code).toBe(3);
      expect(bad.err).toMatch(/country: unknown country "Atlantis"/);
      const reg = await mitra([
        'requests',
        'register',
        '--country',
        'Papua Nugini',
        '--topic',
        'Village fund management study visit',
        '--area',
        'GOV-LOCAL',
        '--modality',
        'kunjungan belajar',
        '--from',
        '2027-08-02',
        '--to',
        '2027-08-06',
        '--received',
        '2026-09-01',
      ]);
      expect(reg.code, reg.err).toBe(0);
      const ref = /registered (REQ-\d{4}-\d{4})/.exec(reg.out)?.[1] ?? '';
      expect(ref).toMatch(/^REQ-\d{4}-\d{4}$/);
      expect((await mitra(['requests', 'accept', ref])).code).toBe(5);
      expect((await mitra(['requests', 'assess', ref, '--expect-version', '4'])).code).toBe(5);
      expect((await mitra(['requests', 'assess', ref, '--note', 'Kemendagri consulted', '--expect-version', '1'])).out).toBe(
        `${ref} is under assessment\n`,
      );
      const accepted = await mitra(['requests', 'accept', ref, '--agency', 'ID-KEMENSETNEG', '--identifier', 'ID-KEMENSETNEG-2027-01']);
      expect(accepted.code, accepted.err).toBe(0);
      expect(accepted.out).toMatch(
        new RegExp(`^${ref} is accepted: program ID-KEMENSETNEG-2027-01 \\(id \\d+\\) created in the request stage`),
      );
      const program = JSON.parse((await mitra(['activities', 'show', 'ID-KEMENSETNEG-2027-01', '--json'])).out);
      expect(program).toMatchObject({
        lifecycleStage: 'request',
        implementingOrg: 'ID-KEMENSETNEG',
        modality: 'study_visit',
        recipients: [{ country: 'PG' }],
      });
      const timor = await refOf('TL');
      const declined = await mitra(['requests', 'decline', timor, '--note', 'Not this year']);
      expect(declined.out).toBe(`${timor} is declined\n`);
      expect((await mitra(['requests', 'decline', timor, '--note', 'again'])).code).toBe(5);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
