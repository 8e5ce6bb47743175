/** `mitra personal-data …` on the demo data (docs/privacy.md): an access request's export as JSON and PDF. */
import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { flatText, pdfText } from '../testing/pdf.js';

describeCliOnEachEngine(
  'mitra personal-data (demo data)',
  (mitra) => {
    it('exports a person as JSON and PDF, and refuses an unclear lookup', async () => {
      const files: Record<string, string | Uint8Array> = {};
      const r = await mitra(['personal-data', 'export', '--participant', '1'], files);
      expect(r.code, r.err).toBe(0);
      const e = JSON.parse(r.out) as { personKey: string; participants: { id: number; fullName: string }[] };
      expect(e.participants.map((p) => p.id)).toContain(1);
      const byKey = await mitra(['personal-data', 'export', '--person-key', e.personKey]);
      expect(JSON.parse(byKey.out)).toMatchObject({ personKey: e.personKey });
      const pdf = await mitra(['personal-data', 'export', '--participant', '1', '--format', 'pdf', '--out', 'p.pdf'], files);
      expect(pdf.code, pdf.err).toBe(0);
      const bytes = files['p.pdf'];
      expect(bytes).toBeInstanceOf(Uint8Array);
      if (bytes instanceof Uint8Array) expect(flatText(pdfText(bytes))).toContain(e.participants[0]?.fullName ?? '?');
      expect((await mitra(['personal-data', 'export', '--participant', '1', '--email', 'x@y.test'])).code).toBe(3);
      expect((await mitra(['personal-data', 'export', '--participant', '99999999'])).code).not.toBe(0);
    });

    it('lists and changes the retention rules, and runs them with a dry run first', async () => {
      const rules = await mitra(['personal-data', 'retention-rules']);
      expect(rules.code, rules.err).toBe(0);
      expect(rules.out).toMatch(/cv\s+12\s+off/);
      const changed = await mitra(['personal-data', 'retention-rule', 'contact', '--enable', '--months', '0']);
      expect(changed.code, changed.err).toBe(0);
      expect(changed.out).toMatch(/contact\s+0\s+on/);
      expect((await mitra(['personal-data', 'retention-rule', 'contact', '--enable', '--disable'])).code).toBe(3);
      expect((await mitra(['personal-data', 'retention-rule', 'nonsense', '--enable'])).code).not.toBe(0);
      // The run deletes what the dry run listed (the demo's records with a phone), then nothing is due.
      const dry = await mitra(['personal-data', 'retention', '--dry-run', '--json']);
      expect(dry.code, dry.err).toBe(0);
      const planned = JSON.parse(dry.out) as { items: { category: string }[] };
      const run = await mitra(['personal-data', 'retention', '--json']);
      expect(run.code, run.err).toBe(0);
      expect(JSON.parse(run.out)).toEqual(planned);
      const after = await mitra(['personal-data', 'retention', '--dry-run']);
      expect(after.err).toMatch(/^0 item\(s\) would be deleted as of \d{4}-\d{2}-\d{2}/);
      // Programs that end later come due later.
      expect((await mitra(['personal-data', 'retention', '--dry-run', '--today', '2040-01-01'])).err).toMatch(
        /^[1-9]\d* item\(s\) would be deleted/,
      );
      expect((await mitra(['personal-data', 'retention', '--today', '2040-01-01'])).code).toBe(3);
    });

    it('prints the register of processing activities', async () => {
      const r = await mitra(['personal-data', 'register', '--format', 'csv']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('participants.email participants.phone');
      expect(r.out.split('\n')[0]).toContain('seen_by_viewer');
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
