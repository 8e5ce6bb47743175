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
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
