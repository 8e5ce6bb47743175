/// <reference lib="dom" />
/**
 * Each role signs in and sees its own menus; a wrong password is refused with a clear message;
 * signing out returns to the public view, which shows no participant's name anywhere.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/actor.js';
import { DEMO_PARTICIPANTS } from '../../src/services/demo/demo-participants.js';
import { addAccount, canRun, E2E_PASSWORD, login, openPage, startHarness, type Harness } from './browser.js';

const MENUS = ['Dashboard', 'Programs', 'New program', 'Import', 'Annual report', 'Annual plan', 'Users', 'Audit log'] as const;
const EXPECTED: Readonly<Record<Role | 'public', readonly (typeof MENUS)[number][]>> = {
  public: ['Dashboard', 'Programs', 'Annual report'],
  viewer: ['Dashboard', 'Programs', 'Annual report', 'Annual plan'],
  embassy: ['Dashboard', 'Programs', 'New program', 'Annual report', 'Annual plan'],
  focal_point: ['Dashboard', 'Programs', 'New program', 'Annual report', 'Annual plan'],
  agency: ['Dashboard', 'Programs', 'New program', 'Annual report', 'Annual plan'],
  coordinator: ['Dashboard', 'Programs', 'New program', 'Import', 'Annual report', 'Annual plan'],
  admin: ['Dashboard', 'Programs', 'New program', 'Import', 'Annual report', 'Annual plan', 'Users', 'Audit log'],
};

describe.skipIf(!canRun)('roles in the browser', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    for (const role of ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer'] as const) await addAccount(h, role);
    ({ context, page } = await openPage(h, errors));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  const menus = async () => {
    const nav = page.getByRole('navigation', { name: 'Mitra' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    // The session decides the menus: wait until the header shows who is signed in (or "Sign in").
    await page.locator('.user').waitFor();
    const names = await nav.getByRole('link').allInnerTexts();
    return MENUS.filter((m) => names.includes(m));
  };

  it('shows the public menus and a sign-in link before signing in', async () => {
    await page.goto(`${h.url}/`);
    expect(await menus()).toEqual(EXPECTED.public);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
  });

  it('refuses a wrong password with a clear message and stays on the sign-in page', async () => {
    await page.goto(`${h.url}/login`);
    await page.getByLabel('Email', { exact: true }).fill('admin@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('The email or password is wrong.');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  for (const role of ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer'] as const) {
    it(`shows the ${role}'s menus after signing in, and the public ones after signing out`, async () => {
      await login(page, h, `${role}@e2e.test`);
      await expect.poll(menus, { timeout: 10_000 }).toEqual(EXPECTED[role]);
      await page.getByRole('group', { name: 'Your account' }).getByText(`E2E ${role}`).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(menus, { timeout: 10_000 }).toEqual(EXPECTED.public);
    });
  }

  it('lets an administrator give a recipient government’s ministry a focal point account, named by its role', async () => {
    await login(page, h, 'admin@e2e.test');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Email').fill('focal.fiji@e2e.test');
    await form.getByLabel('Name').fill('Focal point of Fiji');
    await form.getByLabel('Role').selectOption('focal_point');
    await form.getByLabel('Initial password').fill('Empat-kata-yang-panjang-2026');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByText('Choose the organisation this account acts for.').waitFor();
    // Fiji's ministry is offered among the recipient institutions.
    expect(await form.locator('optgroup[label="Recipient institution"] option[value="FJ-MFA"]').count()).toBe(1);
    await form.getByLabel('Organisation').selectOption('FJ-MFA');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account focal.fiji@e2e.test created.').waitFor();
    await expect
      .poll(() => page.getByRole('row', { name: /focal\.fiji@e2e\.test/ }).innerText())
      .toMatch(/Recipient-government focal point[\s\S]*Ministry of Foreign Affairs of the Republic of Fiji/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login(page, h, 'focal.fiji@e2e.test', 'Empat-kata-yang-panjang-2026');
    await page.getByRole('group', { name: 'Your account' }).getByText('Recipient-government focal point').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('returns to the page the user was reading after signing in from the header', async () => {
    await page.goto(`${h.url}/programs?year=2018`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email', { exact: true }).fill('agency@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/programs');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2018');
    // The header names the organisation the agency acts for.
    await page.getByRole('group', { name: 'Your account' }).getByText('Kemenkes').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('keeps the pages of other roles closed, with a reason', async () => {
    await login(page, h, 'viewer@e2e.test');
    await page.goto(`${h.url}/admin/users`);
    await page.getByText('Your role does not give access to this page.').waitFor();
    await page.goto(`${h.url}/programs/new`);
    await page.getByText('Your role does not give access to this page.').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${h.url}/admin/audit`);
    await page.getByText('Sign in to see this page.').waitFor();
    await page.goto(`${h.url}/import`);
    await page.getByText('Sign in to see this page.').waitFor();
    // The sign-in link leads back to the page asked for.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email', { exact: true }).fill('coordinator@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/import');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('shows the public no participant names, while a coordinator sees them', async () => {
    const program = await h.app.deps.store.repos.programs.findByIdentifier(DEMO_PARTICIPANTS.activityIdentifier);
    const someone = DEMO_PARTICIPANTS.participants[0]?.fullName ?? '';
    expect(someone).not.toBe('');
    await page.goto(`${h.url}/programs/${program?.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('20 participants').first().waitFor();
    expect(await page.content()).not.toContain(someone);
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(`${h.url}/programs/${program?.id}`);
    await page.getByText(someone).first().waitFor();
    expect(errors).toEqual([]);
  });
});
