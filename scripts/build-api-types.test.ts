import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from './build-api-types.js';

describe('the web app API types', () => {
  it('match the server OpenAPI document (npm run api-types when this fails)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url)), 'utf8');
    expect(await generateApiTypes()).toBe(committed);
  });
});
