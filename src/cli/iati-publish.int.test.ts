import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';
import { canValidateIati, IATI_ORGANISATIONS_XSD, xsdErrors } from '../testing/iati.js';
import type { Manifest } from '../domain/iati/publication.js';

const identifiers = (xml: string) => [...xml.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1]!);
const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

describeCliOnEachEngine(
  'mitra iati publish',
  (mitra, env) => {
    it('prints the plan on a dry run and writes nothing', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'mitra-publish-'));
      const dir = join(parent, 'iati');
      const run = await mitra(['iati', 'publish', '--dry-run', '--out', dir, '--max-file-mb', '0.02']);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(/dry run: would publish \d+ dataset\(s\) of nct-sstc/);
      expect(run.out).toContain('nct-sstc-2018');
      expect(run.out).toContain('"format": "IATI-XML"');
      expect(run.out).toContain('"key": "filetype"');
      expect(readdirSync(parent)).toEqual([]);
      // The IATI Standard's checks of what would be published: no demo program records a sector (rule 6.2.2).
      expect(run.out).toMatch(/IATI checks \(the IATI Standard's rulesets and codelists\): (\d+) of \1 activities with errors/);
      expect(run.out).toContain('error 6.2.2 ×');
      const asJson = await mitra(['iati', 'publish', '--dry-run', '--json', '--max-file-mb', '0.02']);
      const plan = JSON.parse(asJson.out) as {
        datasets: Array<{ name: string; bytes: number; activityCount: number; url: string }>;
        checks: { activities: number; withErrors: number; rules: Array<{ ruleId: string; activities: number }>; organisation: unknown[] };
      };
      const activityCount = plan.datasets.reduce((n, d) => n + (d.activityCount ?? 0), 0);
      expect(plan.checks).toMatchObject({ activities: activityCount, withErrors: activityCount });
      expect(plan.checks.rules).toContainEqual(expect.objectContaining({ ruleId: '6.2.2', activities: activityCount }));
      expect(Array.isArray(plan.checks.organisation)).toBe(true);
      expect(plan.datasets.length).toBeGreaterThan(1);
      // The activity files by year, and the organisation file.
      expect(plan.datasets.at(-1)).toMatchObject({ name: 'nct-sstc-org', activityCount: null });
      for (const d of plan.datasets) {
        expect(d.name).toMatch(/^nct-sstc-(\d{4}(-\d+)?|org)$/);
        expect(d.bytes).toBeLessThanOrEqual(0.02 * 1024 * 1024);
        expect(d.url).toBe(`http://localhost:3000/iati/${d.name}.xml`);
      }
      expect((await mitra(['iati', 'publish', '--dry-run', '--max-file-mb', 'lots'])).code).toBe(3);
      expect((await mitra(['iati', 'publish', '--dry-run', '--url', 'ftp://x'])).code).toBe(3);
    });

    it('publishes schema-valid files within the limit and a manifest; again unchanged, the same bytes', async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'mitra-publish-')), 'iati');
      const run = await mitra(['iati', 'publish', '--out', dir, '--max-file-mb', '0.02']);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(/^published \d+ dataset\(s\), \d+ activities/);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.publisher).toMatchObject({ ref: 'ID-NCT-SSTC', registryName: 'nct-sstc' });
      expect(readdirSync(dir).sort()).toEqual(['manifest.json', ...manifest.datasets.map((d) => d.fileName)].sort());
      // A year over the limit is cut into numbered parts, each within it.
      expect(manifest.datasets.map((d) => d.name)).toEqual(expect.arrayContaining(['nct-sstc-2018-1', 'nct-sstc-2018-2']));
      const seen: string[] = [];
      const org = manifest.datasets.find((d) => d.kind === 'organisation');
      expect(org).toMatchObject({ name: 'nct-sstc-org', fileName: 'nct-sstc-org.xml', activityCount: null });
      if (canValidateIati) expect(xsdErrors(join(dir, 'nct-sstc-org.xml'), IATI_ORGANISATIONS_XSD)).toBe('');
      for (const d of manifest.datasets.filter((x) => x.kind === 'activity')) {
        const path = join(dir, d.fileName);
        const bytes = readFileSync(path);
        expect(bytes.length).toBe(d.bytes);
        expect(d.bytes).toBeLessThanOrEqual(0.02 * 1024 * 1024);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
        expect(identifiers(bytes.toString('utf8'))).toHaveLength(d.activityCount!);
        expect(bytes.toString('utf8')).toContain(`generated-datetime="${d.lastUpdated}"`);
        seen.push(...identifiers(bytes.toString('utf8')));
        if (canValidateIati) expect(xsdErrors(path)).toBe('');
      }
      expect(new Set(seen).size).toBe(seen.length);
      // Ordered by year, then identifier, within and across files.
      const years = manifest.datasets
        .filter((d) => d.kind === 'activity')
        .map((d) => d.name.slice('nct-sstc-'.length, 'nct-sstc-'.length + 4));
      expect(years).toEqual([...years].sort());

      const before = files(dir);
      const again = await mitra(['iati', 'publish', '--out', dir, '--max-file-mb', '0.02']);
      expect(again.out).toMatch(/^unchanged: /);
      expect(files(dir)).toEqual(before);
      // One file when all fit.
      const one = await mitra(['iati', 'publish', '--out', dir, '--json']);
      const published = JSON.parse(one.out) as { manifest: Manifest; changed: boolean };
      expect(published.manifest.datasets.map((d) => d.name)).toEqual(['nct-sstc-activities', 'nct-sstc-org']);
      expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nct-sstc-activities.xml', 'nct-sstc-org.xml']);
      // The earlier sets are gone from beside it.
      expect(readdirSync(join(dir, '..')).filter((f) => f.startsWith('.iati.'))).toHaveLength(1);
    });

    it('publishes only what the public sees, and leaves out a program no longer published', async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'mitra-publish-')), 'iati');
      expect((await mitra(['iati', 'publish', '--out', dir])).code).toBe(0);
      const file = join(dir, 'nct-sstc-activities.xml');
      const before = identifiers(readFileSync(file, 'utf8'));
      const list = JSON.parse((await mitra(['programs', 'list', '--stage', 'approved', '--json'])).out) as {
        items: Array<{ identifier: string }>;
      };
      const program = list.items.find((p) => before.includes(`ID-NCT-SSTC-${p.identifier}`))!.identifier;
      const gone = `ID-NCT-SSTC-${program}`;
      const cancelled = await mitra(['programs', 'transition', program, 'cancel', '--comment', 'no longer offered']);
      expect(cancelled.code, cancelled.err).toBe(0);
      expect((await mitra(['iati', 'publish', '--out', dir])).code).toBe(0);
      const after = identifiers(readFileSync(file, 'utf8'));
      expect(after).not.toContain(gone);
      expect(after).toHaveLength(before.length - 1);
      // The demo's request has no dates: left out as the public would not see it anyway.
      expect(after).not.toContain('ID-NCT-SSTC-ENG-2017-0002-2');
    });

    it('takes its defaults from the configuration and refuses a bad publisher name', async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'mitra-publish-')), 'pub');
      const run = await runMitra(['iati', 'publish'], {
        ...env(),
        MITRA_IATI_PUBLISH_DIR: dir,
        MITRA_IATI_PUBLISHER_NAME: 'kemlu_ri',
        MITRA_IATI_MAX_FILE_MB: '0.05',
        MITRA_PUBLIC_URL: 'https://mitra.example.go.id',
      });
      expect(run.code, run.err).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.datasets[0]!.name).toMatch(/^kemlu_ri-/);
      expect(manifest.datasets[0]!.url).toMatch(/^https:\/\/mitra\.example\.go\.id\/iati\/kemlu_ri-.+\.xml$/);
      expect(statSync(dir).isDirectory()).toBe(true);
      const bad = await runMitra(['iati', 'publish', '--dry-run'], { ...env(), MITRA_IATI_PUBLISHER_NAME: 'NCT SSTC' });
      expect(bad.code).toBe(7);
      expect(bad.err).toContain('MITRA_IATI_PUBLISHER_NAME');
      expect(existsSync(join(dir, '..', 'NCT SSTC'))).toBe(false);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
