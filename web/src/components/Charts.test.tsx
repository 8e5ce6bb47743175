// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { BarChart, LineChart } from './Charts.js';

describe('BarChart and LineChart', () => {
  // jsdom lays nothing out: give every box a width, as the browser would.
  const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  beforeAll(async () => {
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
    await initI18n('en');
  });
  afterAll(() => {
    if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
  });

  const regions = ['Asia', 'Oceania', 'Africa'];
  const series = [
    { name: 'Programs', values: [8, 5, 4] },
    { name: 'Countries', values: [17, 12, 17] },
  ];

  it('draws one bar per value and makes each category a link to its programs', () => {
    const onSelect = vi.fn();
    const { container } = render(<BarChart label="By region" categories={regions} series={series} onSelect={onSelect} />);
    const chart = screen.getByRole('group', { name: 'By region' });
    expect(container.querySelectorAll('rect[fill]')).toHaveLength(6);
    const africa = within(chart).getByRole('link', { name: 'Africa: Programs 4, Countries 17' });
    fireEvent.click(africa);
    fireEvent.keyDown(within(chart).getByRole('link', { name: /^Oceania:/ }), { key: 'Enter' });
    expect(onSelect.mock.calls).toEqual([[2], [1]]);
  });

  it('hides a series from the legend, and the axis follows the series shown', () => {
    const { container } = render(<BarChart label="Hidden" categories={regions} series={series} />);
    const chart = screen.getByRole('img', { name: 'Hidden' });
    expect(within(chart).getByText('20')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Countries' }).at(-1) as HTMLElement);
    expect(container.querySelectorAll('rect[fill]')).toHaveLength(3);
    expect(within(chart).queryByText('20')).toBeNull();
    expect(within(chart).getByText('8')).toBeTruthy();
  });

  it('describes a chart without links in words, for screen readers', () => {
    render(<LineChart label="Over the years" categories={['2016', '2017']} series={[{ name: 'Programs', values: [1200, 3] }]} />);
    const chart = screen.getByRole('img', { name: 'Over the years' });
    expect(chart.querySelector('desc')?.textContent).toBe('2016: Programs 1,200; 2017: Programs 3');
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
  });
});
