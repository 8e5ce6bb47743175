/// <reference lib="dom" />
/**
 * An administrator creates an account (errors next to the fields first) and finds it in the audit
 * log; a session that ends on the server sends the user to the sign-in page and back; a user
 * changes their own password, with the rules explained in the form.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, canRun, E2E_PASSWORD, login, openPage, startHarness, type Harness } from './browser.js';

describe.skipIf(!canRun)('accounts in the browser', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    await addAccount(h, 'admin');
    await addAccount(h, 'viewer');
    ({ context, page } = await openPage(h, errors));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Mitra' });

  it('creates an agency account for its organisation, with errors next to the fields first', async () => {
    await login(page, h, 'admin@e2e.test');
    await nav().getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByText('Enter an email address such as name@example.org.').waitFor();
    await form.getByLabel('Email').fill('sari@kemenkes.e2e.test');
    await form.getByLabel('Name').fill('Sari Kemenkes');
    await form.getByLabel('Role').selectOption('agency');
    await form.getByLabel('Initial password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByText('Use at least 12 characters.').waitFor();
    await form.getByText('Choose the organisation this account acts for.').waitFor();
    expect(await form.getByLabel('Initial password').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Organisation').selectOption('ID-KEMENKES');
    await form.getByLabel('Initial password').fill('Empat-kata-yang-panjang-2026');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account sari@kemenkes.e2e.test created.').waitFor();
    const row = page.getByRole('row', { name: /sari@kemenkes\.e2e\.test/ });
    await expect.poll(() => row.innerText()).toContain('Implementing ministry or agency');

    // The same email again: the server's answer shows next to the email field.
    await page.getByRole('button', { name: 'New account' }).click();
    await form.getByLabel('Email').fill('SARI@kemenkes.e2e.test');
    await form.getByLabel('Name').fill('Sari again');
    await form.getByLabel('Initial password').fill('Empat-kata-yang-panjang-2026');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByText('An account with this email already exists.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('finds the new account in the audit log, with the filters in the URL', async () => {
    await nav().getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Record type').selectOption('user');
    await page.getByLabel('Action').selectOption('create');
    await page.getByRole('cell', { name: /^Account: sari@kemenkes\.e2e\.test/ }).waitFor();
    // The account's fields with their labels: the role by its name, not its code.
    const entry = page.getByRole('row', { name: /Account: sari@kemenkes\.e2e\.test/ });
    expect(await entry.innerText()).toMatch(/Role\s+—\s+→\s+changed to\s+Implementing ministry or agency/);
    const params = new URL(page.url()).searchParams;
    expect([params.get('entity'), params.get('action')]).toEqual(['user', 'create']);
    expect(await page.getByRole('cell', { name: 'E2E admin' }).count()).toBeGreaterThan(0);
    // The password never appears, not even hashed.
    expect(await page.content()).not.toContain('Empat-kata');
  });

  it('sends a user whose session ended to the sign-in page, then back to where they were', async () => {
    await page.goto(`${h.url}/programs`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const admin = await h.app.deps.store.repos.users.findByEmail('admin@e2e.test');
    await h.app.deps.store.repos.sessions.deleteForUser(admin?.id ?? 0);
    await nav().getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email', { exact: true }).fill('admin@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('changes the own password, explaining the rules', async () => {
    await login(page, h, 'viewer@e2e.test');
    await page.getByRole('group', { name: 'Your account' }).getByRole('link', { name: 'Change password' }).click();
    const newPassword = page.getByLabel(/^New password \(/);
    const again = page.getByLabel(/^New password again/);
    const submit = page.getByRole('button', { name: 'Change password' });
    await page.getByLabel('Current password').fill(E2E_PASSWORD);
    await newPassword.fill('short');
    await submit.click();
    await page.getByText('Use at least 12 characters.').waitFor();
    await newPassword.fill('aaaaaaaaaaaaaaaa');
    await submit.click();
    await page.getByText('Use more different characters.').waitFor();
    await newPassword.fill('Lima-kata-baru-yang-aman');
    await again.fill('Lima-kata-baru-yang-lain');
    await submit.click();
    await page.getByText('The two new passwords differ.').waitFor();
    await page.getByLabel('Current password').fill('not-the-password');
    await again.fill('Lima-kata-baru-yang-aman');
    await submit.click();
    await page.getByText('The current password is wrong.').waitFor();
    await page.getByLabel('Current password').fill(E2E_PASSWORD);
    await submit.click();
    await page.getByText('Your password is changed. Your other sessions have ended.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login(page, h, 'viewer@e2e.test', 'Lima-kata-baru-yang-aman');
    await page.getByRole('group', { name: 'Your account' }).getByText('E2E viewer').waitFor();
    expect(errors).toEqual([]);
  });
});
