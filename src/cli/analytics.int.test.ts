import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra analytics, priorities, country-lists and profile (demo data)',
  (mitra) => {
    it('prints the trends with year-over-year change, in Indonesian too', async () => {
      const r = await mitra(['analytics', 'trends', '--from', '2016', '--to', '2018']);
      expect(r.code, r.err).toBe(0);
      // 2017: 13 programs (+116.67% on 6), 35 countries, 288 participants (+128.57% on 126), no money.
      expect(r.out).toMatch(/^2017\s+13\s+\+116\.67%\s+35\s+288\s+\+128\.57%\s+0\.00/m);
      // 2018: 14 programs (+7.69% on 13), 53 countries, 384 participants (+33.33% on 288), USD 384,352.26.
      expect(r.out).toMatch(/^2018\s+14\s+\+7\.69%\s+53\s+384\s+\+33\.33%\s+384,352\.26/m);
      const id = await mitra(['analytics', 'trends', '--from', '2016', '--to', '2018', '--lang', 'id', '--by', 'region']);
      expect(id.out).toMatch(/tahun\s+program/);
      expect(id.out).toMatch(/Oseania/);
      const json = JSON.parse((await mitra(['analytics', 'trends', '--from', '2017', '--to', '2018', '--json'])).out);
      expect(json.totals[1]).toMatchObject({ year: 2018, programs: 14, usdMinor: 38_435_226 });
    });

    it('refuses bad ranges with a clear message', async () => {
      const r = await mitra(['analytics', 'trends', '--from', '2018', '--to', '2016']);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/"from" \(2018\) is after "to" \(2016\)/);
      expect((await mitra(['analytics', 'trends', '--from', 'last'])).err).toMatch(/--from must be a year/);
    });

    it('prints the concentration and the triangular network', async () => {
      const c = await mitra(['analytics', 'concentration', '--from', '2018', '--to', '2018']);
      expect(c.code, c.err).toBe(0);
      expect(c.out).toMatch(/^2018\s+[\d.]+\s+[\d.]+\s+2750\s/m);
      const n = await mitra(['analytics', 'network', '--from', '2017', '--to', '2017']);
      expect(n.out).toMatch(/BNPB.*\s+JICA\s+1/);
    });

    it('sets targets over a range of years and shows who is behind', async () => {
      const set = await mitra([
        'priorities',
        'set',
        '--subject',
        'group:pif',
        '--metric',
        'program_share',
        '--target',
        '25',
        '--years',
        '2017-2018',
        '--note',
        'Pacific priority',
      ]);
      expect(set.code, set.err).toBe(0);
      expect(set.out).toMatch(/set 2 target\(s\): group:PIF program_share ≥ 25 for 2017, 2018/);
      await mitra(['priorities', 'set', '--subject', 'country:PS', '--metric', 'programs', '--target', '3', '--years', '2018']);
      const show = await mitra(['priorities', 'show', '--from', '2017', '--to', '2018']);
      // 2018: PIF 5 of 14 programs = 35.71%; Palestine 2 programs, 1 short.
      expect(show.out).toMatch(/Pacific Islands Forum.*2018\s+≥ 25\s+35\.71\s+10\.71\s+met/);
      expect(show.out).toMatch(/Palestin.*2018\s+≥ 3\s+2\s+-1\s+behind/);
      const bad = await mitra(['priorities', 'set', '--subject', 'club:X', '--metric', 'programs', '--target', '1', '--years', '2018']);
      expect(bad.code).toBe(3);
      expect(bad.err).toMatch(/--subject must be KIND:CODE/);
      const share = await mitra([
        'priorities',
        'set',
        '--subject',
        'region:africa',
        '--metric',
        'participant_share',
        '--target',
        '150',
        '--years',
        '2018',
      ]);
      expect(share.err).toMatch(/target: a share is a percentage between 0 and 100/);
    });

    it('keeps country lists and breaks a subject down', async () => {
      const set = await mitra([
        'country-lists',
        'set',
        'melanesia',
        '--name-en',
        'Melanesia',
        '--name-id',
        'Melanesia',
        '--countries',
        'PG,FJ,SB,VU,NC',
      ]);
      expect(set.out).toMatch(/created melanesia: 5 countries/);
      const b = await mitra(['priorities', 'breakdown', '--subject', 'list:melanesia', '--year', '2018']);
      expect(b.out).toMatch(/^PG\s+Papua New Guinea\s+3\s+47$/m);
      const bad = await mitra(['country-lists', 'set', 'x', '--name-en', 'X', '--name-id', 'X', '--countries', 'FJ,ZZ']);
      expect(bad.code).toBe(3);
      expect(bad.err).toMatch(/countries\.1: "ZZ" is not an ISO 3166-1 alpha-2 country code/);
    });

    it('profiles a country and a partner', async () => {
      const pg = await mitra(['profile', 'country', 'PNG', '--lang', 'id']);
      expect(pg.code, pg.err).toBe(0);
      expect(pg.out).toMatch(/^Papua Nugini \(PG\/PNG\)/);
      expect(pg.out).toMatch(/PIF/);
      const jica = await mitra(['profile', 'partner', 'JICA', '--since', '2010']);
      expect(jica.out).toMatch(/2 programs, 2 triangular, 10 recipient countries/);
      expect(jica.out).toMatch(/cash USD 145,000\.00 \(2 programs\)/);
      expect((await mitra(['profile', 'partner', 'NOPE'])).code).toBe(4);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
