/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) over the main pages, as the public, a
 * coordinator and an agency officer, in English and in Indonesian, on a desktop and on a phone
 * screen. No serious or critical violation may remain; a failure lists each rule with the
 * elements it found, so that the fix can start from the message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, openPage, startHarness, type Harness } from './browser.js';
import { afterAll, beforeAll } from 'vitest';

// Evaluated through the browser's debugging protocol, which the app's Content Security Policy
// (script-src 'self') does not block as it blocks an injected script tag: the policy stays on.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  readonly target: readonly unknown[];
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly AxeNode[];
}

/** The serious and critical violations on the page as it stands, one line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (): Promise<AxeViolation[]> => {
    // axe is the global the script tag above defines.
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
}

/**
 * Opens a page and waits until the app has drawn it (its main region, no request pending); says
 * so when the page has no level-1 heading (WCAG 1.3.1 and 2.4.6: a page names its content).
 */
async function visit(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('main').first().waitFor();
  // Lists and charts fill in after their queries: let the last ones settle.
  await page.waitForLoadState('networkidle');
  return (await page.getByRole('heading', { level: 1 }).count()) > 0 ? [] : ['no level-1 heading'];
}

const PUBLIC_PAGES = [
  '/',
  '/programs',
  '/programs/{program}',
  '/reports/annual/2018',
  '/reports/editions/2018',
  '/analytics',
  '/priorities',
  '/money',
  '/offers',
  '/alumni',
  '/countries/FJ',
  '/login',
];
const COORDINATOR_PAGES = [
  '/',
  '/programs/new',
  '/programs/{program}/edit',
  '/programs/{program}/attendance',
  '/requests',
  '/requests/new',
  '/import',
  '/other-providers',
  '/other-providers/activities',
  '/other-providers/compare?country=FJ&fromYear=2015&toYear=2020',
  '/plan/2018',
  '/reports/editions/2018',
  '/quality?year=2017&agency=ID-KEMLU',
  '/follow-ups',
  '/partners',
  '/agreements',
  '/engagements',
  '/nominations',
  '/surveys',
  '/admin/users',
  '/admin/audit',
  '/account/password',
];
const AGENCY_PAGES = ['/', '/programs/{program}', '/programs/new'];

describe.skipIf(!canRun)('accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations', () => {
  let h: Harness;
  let program: number;
  beforeAll(async () => {
    h = await startHarness();
    await addAccount(h, 'coordinator');
    await addAccount(h, 'agency');
    // A 2018 program of the demo's Ministry of Health, which the agency officer may edit.
    const res = await fetch(`${h.url}/api/v1/activities?year=2018&implementingOrg=ID-KEMENKES&pageSize=1`);
    const body = (await res.json()) as { items: { id: number }[] };
    program = body.items[0]?.id ?? 1;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const cases = [
    { who: 'the public', email: null, pages: PUBLIC_PAGES },
    { who: 'a coordinator', email: 'coordinator@e2e.test', pages: COORDINATOR_PAGES },
    { who: 'an agency officer', email: 'agency@e2e.test', pages: AGENCY_PAGES },
  ] as const;

  for (const lang of ['en', 'id'] as const) {
    for (const { who, email, pages } of cases) {
      it(`${who}, in ${lang === 'en' ? 'English' : 'Indonesian'}, on a desktop screen`, async () => {
        const errors: string[] = [];
        const { context, page } = await openPage(h, errors, { viewport: { width: 1366, height: 900 } });
        try {
          if (email) await login(page, h, email);
          else await page.goto(`${h.url}/login`);
          await page.evaluate((l) => localStorage.setItem('mitra.lang', l), lang);
          const found: string[] = [];
          for (const path of pages) {
            const missing = await visit(page, `${h.url}${path.replace('{program}', String(program))}`);
            expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
            found.push(...[...missing, ...(await seriousViolations(page))].map((v) => `${path}: ${v}`));
          }
          expect(found).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 180_000);
    }

    it(`the main public pages on a 390 px phone, in ${lang === 'en' ? 'English' : 'Indonesian'}`, async () => {
      const errors: string[] = [];
      const { context, page } = await openPage(h, errors, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        await page.goto(`${h.url}/login`);
        await page.evaluate((l) => localStorage.setItem('mitra.lang', l), lang);
        const found: string[] = [];
        for (const path of ['/', '/programs', '/programs/{program}', '/money']) {
          const missing = await visit(page, `${h.url}${path.replace('{program}', String(program))}`);
          found.push(...[...missing, ...(await seriousViolations(page))].map((v) => `${path}: ${v}`));
        }
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
