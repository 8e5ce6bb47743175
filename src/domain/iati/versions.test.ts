import { describe, expect, it } from 'vitest';
import { warningMessage } from '../import/problem-messages.js';
import { iatiVersionWarning, isIati1x } from './versions.js';

describe('IATI versions', () => {
  it('reads 1.01 to 1.05, and a file without a version, with the 1.0x upgrade rules', () => {
    expect(['1.01', '1.02', '1.03', '1.04', '1.05', ' 1.05 ', null, ''].every(isIati1x)).toBe(true);
    expect(['2.01', '2.02', '2.03', '2.04', '3.0', '10.1'].some(isIati1x)).toBe(false);
  });

  it('says nothing about 2.01 to 2.03', () => {
    expect(iatiVersionWarning('2.01')).toBeNull();
    expect(iatiVersionWarning('2.02')).toBeNull();
    expect(iatiVersionWarning(' 2.03')).toBeNull();
  });

  it('warns that a 1.0x file was read with the upgrade rules, in English and Indonesian', () => {
    const w = iatiVersionWarning('1.05');
    expect(w).toMatchObject({ code: 'iati_upgraded', params: { version: '1.05' } });
    expect(w?.message).toMatch(/^the file is IATI version 1\.05: read with the IATI 1\.0x → 2\.01 upgrade rules \(/);
    expect(warningMessage(w!, 'en')).toBe(w?.message);
    expect(warningMessage(w!, 'id')).toMatch(/^berkas adalah IATI versi 1\.05: dibaca dengan aturan peningkatan IATI 1\.0x → 2\.01/);
  });

  it('warns that a file without a version was read as 1.01, and that an unknown version was read as 2.03', () => {
    const none = iatiVersionWarning(null);
    expect(none).toMatchObject({ code: 'iati_no_version', params: { version: '1.01' } });
    expect(none?.message).toMatch(/declares no IATI version: read as 1\.01/);
    expect(warningMessage(none!, 'id')).toMatch(/tidak menyatakan versi IATI: dibaca sebagai 1\.01/);
    const future = iatiVersionWarning('2.04');
    expect(future).toMatchObject({ code: 'iati_version', params: { version: '2.04' } });
    expect(future?.message).toBe('the file declares IATI version 2.04, which Mitra does not know: read as 2.03 (Mitra reads 1.01 to 2.03)');
    expect(warningMessage(future!, 'id')).toBe(
      'berkas menyatakan IATI versi 2.04 yang tidak dikenal Mitra: dibaca sebagai 2.03 (Mitra membaca versi 1.01 sampai 2.03)',
    );
  });
});
