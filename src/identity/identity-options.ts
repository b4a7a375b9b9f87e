import { EidClientSettings } from './eid/eid-client-settings';

export interface CredentialPair {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What AppModule tells the identity module about this deployment. */
export interface IdentityOptions {
  readonly eid: EidClientSettings;
  /** Seed SANDBOX_STAFF (sandbox registries in use); otherwise sandbox accounts are deactivated. */
  readonly seedSandboxStaff: boolean;
  /** `PORTAL_CLIENTS`. */
  readonly portalClients: readonly CredentialPair[];
  /** The `portal-sandbox` client, in sandbox mode only. */
  readonly sandboxPortalClient?: CredentialPair;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
