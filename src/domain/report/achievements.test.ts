import { describe, expect, it } from 'vitest';
import { frameworkInputSchema, withIds } from '../results/framework.js';
import { achievementsOf, type ProgramAchievements } from './achievements.js';
import { achievementsTable } from './tables.js';

const framework = withIds(
  frameworkInputSchema.parse({
    results: [
      {
        type: '1',
        titleEn: 'Officers trained',
        indicators: [
          {
            measure: '1',
            titleEn: 'Officers certified',
            titleId: 'Petugas bersertifikat',
            periods: [
              { start: '2017-07-01', end: '2018-06-30', target: { value: 20 }, actual: { value: 18 } },
              { start: '2018-07-01', end: '2019-06-30', target: { value: 25 } },
              { start: '2019-07-01', end: '2020-06-30', target: { value: 30 } },
            ],
          },
          {
            measure: '2',
            titleEn: 'Share running a hatchery',
            periods: [{ start: '2018-01-01', end: '2018-12-31', target: { value: 60 }, actual: { value: 55.5 } }],
          },
          {
            measure: '5',
            titleEn: 'Steadier supply',
            periods: [
              {
                start: '2018-01-01',
                end: '2018-12-31',
                actual: { commentEn: 'Reported in two districts', commentId: 'Dilaporkan di dua distrik' },
              },
            ],
          },
        ],
      },
    ],
  }),
  1,
);

const programs: ProgramAchievements[] = [
  {
    identifier: 'P-1',
    titleEn: 'Aquaculture training',
    titleId: 'Pelatihan budi daya perikanan',
    results: framework.results,
    participants: { start: '2018-07-15', end: '2018-07-21', planned: 20, attended: 18 },
  },
  {
    identifier: 'P-2',
    titleEn: null,
    titleId: 'Lokakarya',
    results: [],
    participants: { start: '2018-03-01', end: '2018-03-05', planned: 15, attended: null },
  },
  {
    identifier: 'P-3',
    titleEn: 'Of 2016',
    titleId: null,
    results: [],
    participants: { start: '2016-03-01', end: '2016-03-05', planned: 9, attended: 9 },
  },
];

describe('achievementsOf', () => {
  it('takes the periods that overlap the year, and sums participants trained alone', () => {
    const a = achievementsOf(programs, 2018);
    expect(a.rows.map((r) => `${r.identifier} ${r.indicatorEn} ${r.start} ${r.target ?? '-'} ${r.actual ?? '-'}`)).toEqual([
      'P-1 Officers certified 2017-07-01 20 18',
      'P-1 Officers certified 2018-07-01 25 -',
      'P-1 Share running a hatchery 2018-01-01 60 55.5',
      'P-1 Steadier supply 2018-01-01 - -',
      'P-1 Participants trained (planned and attended) 2018-07-15 20 18',
      'P-2 Participants trained (planned and attended) 2018-03-01 15 -',
    ]);
    // 20 + 15 planned; 18 attended (P-2 has no records); P-3 is of 2016.
    expect(a.participants).toEqual({ planned: 35, attended: 18 });
  });
});

describe('achievementsTable', () => {
  it('shows percentages with their sign, qualitative indicators by their comment, and the participants total, in Indonesian', () => {
    const t = achievementsTable(programs, 2018, 'id');
    expect(t.title).toBe('Capaian 2018');
    expect(t.columns).toEqual(['Program', 'Indikator', 'Tanggal', 'Target', 'Realisasi', 'Catatan']);
    expect(t.rows[0]).toEqual(['Pelatihan budi daya perikanan', 'Petugas bersertifikat', '2017-07-01 – 2018-06-30', 20, 18, '']);
    expect(t.rows[2]?.slice(3, 5)).toEqual(['60%', '55,5%']);
    expect(t.rows[3]?.slice(3)).toEqual(['', '', 'Dilaporkan di dua distrik']);
    expect(t.rows.at(-1)).toEqual(['Peserta yang dilatih, semua program', '', '', 35, 18, '']);
  });
  it('names the section in English', () => {
    const t = achievementsTable(programs, 2018, 'en');
    expect(t.rows[2]?.slice(3, 5)).toEqual(['60%', '55.5%']);
    expect(t.rows.at(-1)?.[0]).toBe('Participants trained, all programs');
  });
});
