import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the generated IATI rulesets table', () => {
  it.skipIf(!existsSync(join(root, '../shared/reference/iati/rulesets/standard.json')))(
    'is what scripts/build-iati-rulesets.ts builds today (npm run iati-rulesets when this fails)',
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-iati-rulesets.ts'), '--check'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/rules translated: 107, untranslated: 0; codelist checks: 107/);
    },
  );
});
