// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Breach } from '../../api/personal-data-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { BreachItem } from './BreachSection.js';

const breach: Breach = {
  id: 7,
  discoveredAt: '2026-11-24T09:00:00.000Z',
  occurredAt: null,
  description: 'A laptop was lost',
  categories: ['identity', 'contact'],
  recordsAffected: null,
  personsAffected: 35,
  measures: null,
  subjectsNotifiedAt: null,
  authorityNotifiedAt: '2026-11-25T09:00:00.000Z',
  notificationNote: null,
  closedAt: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: 'coordinator@test',
  updatedAt: '2026-11-25T09:00:00.000Z',
  version: 2,
  deadlineAt: '2026-11-27T09:00:00.000Z',
  overdue: true,
  notifiedLate: false,
  hoursLeft: -24,
};

describe('BreachItem', () => {
  beforeAll(async () => {
    await initI18n();
  });
  afterEach(cleanup);

  it('shows the deadline as overdue and records the missing notification', async () => {
    await setLanguage('en');
    const onChange = vi.fn();
    render(<BreachItem breach={breach} busy={false} onChange={onChange} />);
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByText('Identity, Contact details')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record: authority notified now' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Record: persons notified now' }));
    expect(Object.keys(onChange.mock.calls[0]?.[0] ?? {})).toEqual(['subjectsNotifiedAt']);
  });

  it('counts the hours left in Indonesian while the deadline is ahead', async () => {
    await setLanguage('id');
    render(<BreachItem breach={{ ...breach, overdue: false, hoursLeft: 51 }} busy={false} onChange={() => {}} />);
    expect(screen.getByText(/sisa 51 jam/)).toBeTruthy();
    expect(screen.queryByText('Terlambat')).toBeNull();
  });
});
