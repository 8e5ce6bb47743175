import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the IATI publishing configuration', () => {
  it('defaults: 20 MB, nct-sstc, iati/ beside the SQLite file, no Registry', () => {
    expect(loadConfig({}).iatiPublishing).toEqual({
      maxFileMb: 20,
      publisherName: 'nct-sstc',
      publishDir: 'data/iati',
      registryUrl: null,
      registryKey: null,
    });
    expect(loadConfig({ DATABASE_URL: 'file:/srv/mitra/db.sqlite' }).iatiPublishing.publishDir).toBe('/srv/mitra/iati');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/mitra' }).iatiPublishing.publishDir).toBe('data/iati');
  });

  it('takes the variables, and names each bad one', () => {
    const c = loadConfig({
      MITRA_IATI_MAX_FILE_MB: '0.5',
      MITRA_IATI_PUBLISHER_NAME: 'kemlu_ri',
      MITRA_IATI_PUBLISH_DIR: '/var/www/iati',
      MITRA_IATI_REGISTRY_URL: 'https://iatiregistry.org/',
      MITRA_IATI_REGISTRY_KEY: 'k',
    }).iatiPublishing;
    expect(c).toEqual({
      maxFileMb: 0.5,
      publisherName: 'kemlu_ri',
      publishDir: '/var/www/iati',
      registryUrl: 'https://iatiregistry.org',
      registryKey: 'k',
    });
    const bad = (() => {
      try {
        loadConfig({ MITRA_IATI_MAX_FILE_MB: '0', MITRA_IATI_PUBLISHER_NAME: 'NCT/SSTC', MITRA_IATI_REGISTRY_URL: 'iatiregistry.org' });
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(ConfigError);
    expect((bad as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'MITRA_IATI_MAX_FILE_MB',
      'MITRA_IATI_PUBLISHER_NAME',
      'MITRA_IATI_REGISTRY_URL',
    ]);
    expect(() => loadConfig({ MITRA_IATI_PUBLISHER_NAME: 'a'.repeat(81) })).toThrow(/MITRA_IATI_PUBLISHER_NAME/);
  });
});

describe('the roles that must use a second factor', () => {
  it('are administrators and coordinators by default, also when the variable is empty; "none" means none', () => {
    expect(loadConfig({}).totpRequiredRoles).toEqual(['admin', 'coordinator']);
    expect(loadConfig({ MITRA_TOTP_REQUIRED_ROLES: '' }).totpRequiredRoles).toEqual(['admin', 'coordinator']);
    expect(loadConfig({ MITRA_TOTP_REQUIRED_ROLES: 'none' }).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ MITRA_TOTP_REQUIRED_ROLES: ' admin , agency,admin' }).totpRequiredRoles).toEqual(['admin', 'agency']);
  });

  it('refuses a role that does not exist', () => {
    expect(() => loadConfig({ MITRA_TOTP_REQUIRED_ROLES: 'admin,superuser' })).toThrow(
      /MITRA_TOTP_REQUIRED_ROLES: must be "none" or roles/,
    );
  });
});
