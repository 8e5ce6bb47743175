import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '../shared/reference');
const committed = join(root, 'src/domain/reference/data');

describe('generated reference tables', () => {
  it.skipIf(!existsSync(shared))('match what the script builds from ../shared/reference today', () => {
    const out = mkdtempSync(join(tmpdir(), 'mitra-ref-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-reference.ts'), '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      // iati-rulesets.ts has its own generator (npm run iati-rulesets).
      const rulesets = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-iati-rulesets.ts'), '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(rulesets.status, rulesets.stderr).toBe(0);
      for (const file of readdirSync(committed)) {
        expect(readFileSync(join(out, file), 'utf8'), `${file} is stale: run npm run reference`).toBe(
          readFileSync(join(committed, file), 'utf8'),
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
