import { describe, expect, it } from 'vitest';
import { activityStatuses, ACTIVITY_STATUS_IATI, fieldOfFlagshipArea, flagshipAreas, modalities, sexes } from './codes.js';

describe('code sets', () => {
  it.each([
    ['training', 'training'],
    ['Pelatihan', 'training'],
    ['lokakarya', 'workshop'],
    ['Pengiriman Tenaga Ahli', 'expert_dispatch'],
    ['magang', 'internship'],
    ['Kunjungan belajar', 'study_visit'],
    ['bantuan peralatan', 'equipment_grant'],
    ['Beasiswa', 'scholarship'],
    ['expert dispatch', 'expert_dispatch'],
  ])('reads the modality %s as %s', (input, code) => {
    expect(modalities.parse(input)).toBe(code);
  });

  it.each([
    ['planned', 1],
    ['ongoing', 2],
    ['completed', 4],
    ['done', 4],
    ['direncanakan', 1],
    ['berjalan', 2],
    ['selesai', 4],
    ['dibatalkan', 5],
    ['ditangguhkan', 6],
    ['3', 3],
  ])('reads the status %s as IATI %i', (input, iati) => {
    const status = activityStatuses.parse(input);
    expect(status && ACTIVITY_STATUS_IATI[status]).toBe(iati);
  });

  it('reads sexes in Indonesian (P/L) and English', () => {
    expect(sexes.parse('P')).toBe('F');
    expect(sexes.parse('L')).toBe('M');
    expect(sexes.parse('female')).toBe('F');
    expect(sexes.parse('x')).toBe('X');
  });

  it('refuses unknown words', () => {
    expect(modalities.parse('dancing')).toBeUndefined();
  });

  it('groups flagship areas into their fields', () => {
    expect(flagshipAreas.codes).toHaveLength(14);
    expect(fieldOfFlagshipArea('DEV-DRM')).toBe('DEV');
    expect(fieldOfFlagshipArea('ECO-MICRO')).toBe('ECO');
    expect(fieldOfFlagshipArea('OTHER')).toBe('OTHER');
  });
});
