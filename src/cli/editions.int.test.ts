import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { AnnualSummary } from '../domain/report/summary.js';
import type { EditionDifferences } from '../domain/report/edition-diff.js';
import { REPORT_RATES_CSV, REPORT_YEAR, reportPrograms } from '../testing/annual-report.js';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { flatText, pdfText } from '../testing/pdf.js';

const bytesOf = (file: string | Uint8Array | undefined): Buffer => {
  if (file === undefined) throw new Error('the command wrote no file');
  return Buffer.from(file);
};

// The hand-known 2016 data set (testing/annual-report.ts): 4 programs, 125 participants, and
// XOF spending without an exchange rate, which blocks a freeze.
describeCliOnEachEngine(
  'mitra editions',
  (mitra) => {
    it('refuses a freeze with the list of blockers, freezes with an override reason, and keeps the edition while the live figures change', async () => {
      const refused = await mitra(['editions', 'freeze', String(REPORT_YEAR)]);
      expect(refused.code).toBe(5);
      expect(refused.err).toMatch(/2016 cannot be frozen yet \(1 blocker\(s\)\)/);
      expect(refused.err).toMatch(/blockers: no exchange rate for XOF between 2016-05-06 and 2016-05-06/);

      const frozen = await mitra(['editions', 'freeze', '2016', '--override-reason', 'XOF rate not published', '--json']);
      expect(frozen.code, frozen.err).toBe(0);
      const edition = JSON.parse(frozen.out) as { number: number; overrideReason: string; titleId: string; frozenBy: string };
      expect(edition).toMatchObject({ number: 1, overrideReason: 'XOF rate not published', frozenBy: 'system:cli' });
      expect(edition.titleId).toMatch(/^Laporan Tahunan 2016, edisi 1, \d{1,2} \w+ \d{4}$/);

      const list = await mitra(['editions', 'list', '2016']);
      expect(list.out).toMatch(/2016\s+1\s+frozen/);

      const before = JSON.parse((await mitra(['report', 'summary', '--year', '2016', '--edition', '1', '--json'])).out) as AnnualSummary;
      expect([before.programs, before.participants]).toEqual([4, 125]);

      // A later edit: the live figures move, the edition's do not.
      const programs = JSON.parse((await mitra(['programs', 'list', '--year', '2016', '--json'])).out) as {
        items: { id: number; modality: string }[];
      };
      const workshop = programs.items.find((p) => p.modality === 'workshop');
      const update = await mitra(['programs', 'update', String(workshop?.id), '--file', 'p.json'], {
        'p.json': '{"participantsPlanned": 15}',
      });
      expect(update.code, update.err).toBe(0);
      const live = JSON.parse((await mitra(['report', 'summary', '--year', '2016', '--json'])).out) as AnnualSummary;
      expect(live.participants).toBe(135);
      const after = JSON.parse((await mitra(['report', 'summary', '--year', '2016', '--edition', '1', '--json'])).out) as AnnualSummary;
      expect(after).toEqual(before);
      const text = await mitra(['report', 'summary', '--year', '2016', '--edition', '1', '--lang', 'id']);
      expect(text.out.split('\n')[0]).toMatch(/^Laporan Tahunan 2016, edisi 1, /);

      const diff = JSON.parse((await mitra(['editions', 'diff', '2016', '--edition', '1', '--json'])).out) as EditionDifferences;
      expect(diff.figures[0]).toEqual({ path: 'participants', before: 125, after: 135 });
      expect(diff.changed.map((c) => [c.id, c.fields])).toEqual([[workshop?.id, [{ field: 'participants', before: 5, after: 15 }]]]);
      expect((await mitra(['editions', 'diff', '2016', '--edition', '1'])).out).toMatch(/changed program\s+field\s+edition\s+live/);
    });

    it('needs a reason for an errata edition, writes the narrative of a draft, publishes, and then refuses changes', async () => {
      const noReason = await mitra(['editions', 'freeze', '2016', '--override-reason', 'still no XOF rate']);
      expect(noReason.code).toBe(3);
      expect(noReason.err).toMatch(/reason: an edition after the first needs a reason/);
      const errata = await mitra([
        'editions',
        'freeze',
        '2016',
        '--override-reason',
        'still no XOF rate',
        '--reason',
        'workshop count corrected',
      ]);
      expect(errata.code, errata.err).toBe(0);
      expect(errata.out).toMatch(/errata \(corrects the previous edition\): workshop count corrected/);
      expect(errata.out).toMatch(/changes against the previous edition: \d+ figure\(s\), 0 program\(s\) added, 0 removed, 1 changed/);

      const narrative = await mitra(['editions', 'narrative', '2016', '--edition', '2', '--lang', 'id', '--file', 'n.txt'], {
        'n.txt': 'Kata pengantar edisi kedua.',
      });
      expect(narrative.code, narrative.err).toBe(0);
      expect((await mitra(['editions', 'publish', '2016', '--edition', '2'])).out).toMatch(/^published Annual Report 2016, edition 2, /);
      const again = await mitra(['editions', 'narrative', '2016', '--edition', '2', '--lang', 'en', '--file', 'n.txt'], {
        'n.txt': 'Later',
      });
      expect(again.code).toBe(5);
      expect(again.err).toMatch(/is published: its narrative no longer changes/);
      expect((await mitra(['editions', 'publish', '2016', '--edition', '2'])).code).toBe(5);
      const shown = JSON.parse((await mitra(['editions', 'show', '2016', '--edition', '2', '--json'])).out) as {
        edition: { status: string; narrativeId: string };
        summary: AnnualSummary;
      };
      expect([shown.edition.status, shown.edition.narrativeId, shown.summary.participants]).toEqual([
        'published',
        'Kata pengantar edisi kedua.',
        135,
      ]);
    });

    it('writes the documents of an edition with its name on the cover and in the workbook, and its narrative', async () => {
      const files: Record<string, string | Uint8Array> = {};
      const run = await mitra(
        ['report', 'annual', '--year', '2016', '--edition', '2', '--lang', 'id', '--pdf', 'e.pdf', '--xlsx', 'e.xlsx'],
        files,
      );
      expect(run.code, run.err).toBe(0);
      const text = pdfText(bytesOf(files['e.pdf']));
      const cover = flatText(text.split('\f')[0] ?? '');
      expect(cover).toMatch(/Laporan Tahunan 2016, edisi 2, \d{1,2} \w+ \d{4}/);
      expect(flatText(text)).toContain('Kata pengantar edisi kedua.');
      expect(text).toMatch(/^\s*Peserta\s+135\s*$/m);
      const book = new ExcelJS.Workbook();
      // exceljs types predate Node's generic Buffer; the bytes are a plain Buffer.
      await book.xlsx.load(bytesOf(files['e.xlsx']) as unknown as ArrayBuffer);
      const summary = book.getWorksheet('Ringkasan 2016') ?? book.worksheets[0];
      const last = summary?.getRow(summary.rowCount).values as unknown[];
      expect(last.slice(1, 2)).toEqual(['Edisi']);
      expect(String(last[2])).toMatch(/^Laporan Tahunan 2016, edisi 2, /);
    });

    it('bundles an edition into a new folder, reconciled, and refuses a folder that is not empty', async () => {
      const dir = join(await mkdtemp(join(tmpdir(), 'mitra-cli-bundle-')), 'out');
      try {
        const run = await mitra(['editions', 'bundle', '2016', '--edition', '1', '--out', dir]);
        expect(run.code, run.err).toBe(0);
        expect(run.out).toMatch(/Annual Report 2016, edition 1, .* — bundle in /);
        expect(run.out).toMatch(/laporan-tahunan-2016-edisi-1\.pdf/);
        expect(run.out).toMatch(/tossd-2016-edition-1\.csv/);
        // Every carried total reconciles: the last column (unexplained) is 0 on every row.
        const rows = run.out.split('\n').filter((l) => /^(report|iati|tossd|segib|un)\s/.test(l));
        expect(rows.length).toBeGreaterThan(20);
        expect(rows.every((l) => /\s0(\.00)?$/.test(l))).toBe(true);
        const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
          unexplainedDifferences: number;
          programs: number;
        };
        expect(manifest).toMatchObject({ unexplainedDifferences: 0, programs: 4 });
        const again = await mitra(['editions', 'bundle', '2016', '--edition', '1', '--out', dir]);
        expect([again.code, again.err]).toEqual([3, expect.stringMatching(/is not empty: give a new or empty folder/)]);
      } finally {
        await rm(dirname(dir), { recursive: true, force: true });
      }
    });

    it('explains a bad edition number, an edition that does not exist and --stage with --edition', async () => {
      const bad = await mitra(['report', 'summary', '--year', '2016', '--edition', 'x']);
      expect([bad.code, bad.err]).toEqual([3, expect.stringMatching(/--edition must be an edition number/)]);
      const stage = await mitra(['report', 'summary', '--year', '2016', '--edition', '1', '--stage', 'completed']);
      expect([stage.code, stage.err]).toEqual([3, expect.stringMatching(/--stage does not apply to an edition/)]);
      const missing = await mitra(['editions', 'show', '2016', '--edition', '9']);
      expect([missing.code, missing.err]).toEqual([4, expect.stringMatching(/2016 has no edition 9/)]);
    });
  },
  async (mitra) => {
    expect((await mitra(['db', 'migrate'])).code).toBe(0);
    expect((await mitra(['import', 'rates', 'rates.csv'], { 'rates.csv': REPORT_RATES_CSV })).code).toBe(0);
    for (const program of reportPrograms()) {
      const created = await mitra(['activities', 'create', '--file', 'p.json'], { 'p.json': JSON.stringify(program) });
      expect(created.code, created.err).toBe(0);
    }
  },
);
