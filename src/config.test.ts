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

describe('the single sign-on configuration', () => {
  const base = { MITRA_OIDC_ISSUER: 'https://sso.kemlu.go.id/realms/mitra', MITRA_OIDC_CLIENT_ID: 'mitra' };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems; // loadConfig throws only ConfigError
    }
  };

  it('is off without MITRA_OIDC_ variables, and has defaults with the issuer and client id', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ ...base, MITRA_PUBLIC_URL: 'https://mitra.kemlu.go.id/' }).oidc).toEqual({
      issuer: 'https://sso.kemlu.go.id/realms/mitra',
      clientId: 'mitra',
      clientSecret: null,
      redirectUrl: 'https://mitra.kemlu.go.id/api/v1/auth/oidc/callback',
      scopes: 'openid email profile',
      label: 'single sign-on',
      roleClaim: null,
      roleMap: [],
      orgClaim: null,
      localPasswords: true,
      breakGlassEmail: null,
    });
  });

  it('takes the mapping, and local passwords off with a break-glass administrator', () => {
    const oidc = loadConfig({
      ...base,
      MITRA_OIDC_CLIENT_SECRET: 's3cret',
      MITRA_OIDC_ROLE_CLAIM: 'groups',
      MITRA_OIDC_ROLE_MAP: 'mitra-admin=admin,mitra-coord=coordinator',
      MITRA_OIDC_ORG_CLAIM: 'org_code',
      MITRA_OIDC_LOCAL_PASSWORDS: 'false',
      MITRA_OIDC_BREAK_GLASS_EMAIL: 'Admin@Kemlu.go.id',
      MITRA_OIDC_LABEL: 'SSO Kemlu',
    }).oidc;
    expect(oidc).toMatchObject({
      clientSecret: 's3cret',
      roleClaim: 'groups',
      roleMap: [
        ['mitra-admin', 'admin'],
        ['mitra-coord', 'coordinator'],
      ],
      orgClaim: 'org_code',
      localPasswords: false,
      breakGlassEmail: 'admin@kemlu.go.id',
      label: 'SSO Kemlu',
    });
  });

  it('names what is missing or contradictory in a partial setting', () => {
    expect(problemsOf({ MITRA_OIDC_CLIENT_SECRET: 'x' })).toEqual([
      'MITRA_OIDC_ISSUER and MITRA_OIDC_CLIENT_ID: required when any MITRA_OIDC_ variable is set (single sign-on)',
    ]);
    expect(problemsOf({ ...base, MITRA_OIDC_ROLE_CLAIM: 'roles' })).toEqual([
      'MITRA_OIDC_ROLE_CLAIM and MITRA_OIDC_ROLE_MAP: set both (roles from the provider) or neither (roles managed in Mitra)',
    ]);
    expect(problemsOf({ ...base, MITRA_OIDC_ROLE_CLAIM: 'roles', MITRA_OIDC_ROLE_MAP: 'a=boss' })).toEqual([
      'MITRA_OIDC_ROLE_MAP: "a=boss": boss is not a role (admin, coordinator, agency, embassy, focal_point, viewer)',
    ]);
    expect(problemsOf({ ...base, MITRA_OIDC_BREAK_GLASS_EMAIL: 'a@b.id' })[0]).toMatch(
      /^MITRA_OIDC_BREAK_GLASS_EMAIL: only with MITRA_OIDC_LOCAL_PASSWORDS=false/,
    );
    expect(
      problemsOf({ MITRA_OIDC_ISSUER: 'http://sso.kemlu.go.id', MITRA_OIDC_CLIENT_ID: 'm', MITRA_OIDC_SCOPES: 'email' }).map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['MITRA_OIDC_ISSUER', 'MITRA_OIDC_SCOPES']);
    expect(loadConfig({ ...base, MITRA_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dev' }).oidc?.issuer).toBe(
      'http://127.0.0.1:8080/realms/dev',
    );
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
