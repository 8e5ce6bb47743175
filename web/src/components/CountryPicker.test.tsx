// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { CountryPicker, searchCountries } from './CountryPicker.js';

describe('CountryPicker', () => {
  beforeAll(async () => {
    await initI18n('id');
  });

  it('searches English, Indonesian names, codes and variants', () => {
    expect(searchCountries('nugini')[0]).toBe('PG');
    expect(searchCountries('Papua New')[0]).toBe('PG');
    expect(searchCountries('timor leste')[0]).toBe('TL');
    expect(searchCountries('yordania')[0]).toBe('JO');
    expect(searchCountries('PSE')[0]).toBe('PS');
    expect(searchCountries('')).toEqual([]);
  });

  it('picks with the keyboard and shows names in the active language', () => {
    const onPick = vi.fn();
    render(<CountryPicker label="Negara penerima" onPick={onPick} />);
    const box = screen.getByRole('combobox', { name: 'Negara penerima' });
    fireEvent.change(box, { target: { value: 'papua' } });
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('Papua Nugini');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('PG');
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('leaves out the countries already chosen', () => {
    render(<CountryPicker label="x" exclude={['PG']} onPick={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'x' }), { target: { value: 'papua' } });
    expect(screen.queryAllByRole('option').some((o) => o.textContent?.includes('(PG)'))).toBe(false);
  });
});
