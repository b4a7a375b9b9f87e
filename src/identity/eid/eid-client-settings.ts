/** How our service talks to the national e-ID (VNeID) OpenID Connect provider, or to the sandbox provider. */
export interface EidClientSettings {
  /** Issuer identifier, exactly as the provider's discovery document states it. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Registered at the provider: `<PUBLIC_BASE_URL>/auth/eid/callback`. */
  readonly redirectUri: string;
  readonly scope: string;
  /** ID-token (or userinfo) claim carrying the 12-digit personal ID. */
  readonly subjectClaim: string;
  /**
   * Server-to-server calls (discovery, token, JWKS, userinfo) to URLs starting with `from` go to `to` instead;
   * the browser still uses the issuer's public URLs. For a provider reachable from here only at an internal address.
   */
  readonly reachVia?: { readonly from: string; readonly to: string };
  /** For logs and messages, e.g. `VNeID` or `e-ID SANDBOX`. */
  readonly label: string;
}

export const EID_CLIENT_SETTINGS = Symbol('EID_CLIENT_SETTINGS');
