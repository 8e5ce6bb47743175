/**
 * The little of oidc-provider 8 (which ships no types) that the tests use: an OpenID provider
 * started on loopback (src/testing/oidc-provider.ts).
 */
declare module 'oidc-provider' {
  import type { RequestListener } from 'node:http';

  export interface ProviderGrant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantContext {
    readonly oidc: {
      readonly client: { readonly clientId: string } | undefined;
      readonly session: { readonly accountId: string | undefined } | undefined;
      readonly provider: { Grant: new (init: { clientId: string; accountId: string }) => ProviderGrant };
    };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Readonly<Record<string, unknown>>);
    callback(): RequestListener;
  }
}
