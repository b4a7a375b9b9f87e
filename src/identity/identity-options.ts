import { EidClientSettings } from './eid/eid-client-settings';
import type { StaffRole } from './principal';

/** A published test account (sandbox mode only: its password is public). */
export interface SandboxStaffSeed {
  readonly username: string;
  readonly password: string;
  readonly role: StaffRole;
  readonly centerCode: string | null;
  readonly fullName: string;
}

export interface CredentialPair {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What AppModule tells the identity module about this deployment. */
export interface IdentityOptions {
  readonly eid: EidClientSettings;
  /** Sandbox accounts to seed (sandbox mode); empty: every sandbox account left in the database is deactivated. */
  readonly sandboxStaff: readonly SandboxStaffSeed[];
  /** `PORTAL_CLIENTS`. */
  readonly portalClients: readonly CredentialPair[];
  /** The `portal-sandbox` client, in sandbox mode only. */
  readonly sandboxPortalClient?: CredentialPair;
  /** `SOCIAL_INSURANCE_CLIENTS`: the provincial social insurance office (scope `social_insurance`). */
  readonly socialInsuranceClients?: readonly CredentialPair[];
  /** The sandbox office's client, when the sandbox office is in use. */
  readonly sandboxSocialInsuranceClient?: CredentialPair;
  /** `PEER_CLIENTS` (or the shared `PEER_CLIENT_ID` pair): other provinces delivering transfers (scope `peer_province`). */
  readonly peerClients?: readonly CredentialPair[];
  /** `STAFF_TWO_FACTOR_ROLES`: roles that must use two-factor sign-in besides director and admin (always). */
  readonly twoFactorRoles?: readonly StaffRole[];
  /** The province's identity provider for staff sign-in (`STAFF_OIDC_*`); unset: local passwords only. */
  readonly staffOidc?: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    employeeClaim: string;
    scope: string;
  };
  /** `PUBLIC_BASE_URL` (the staff provider's redirect URI is built on it). */
  readonly publicBaseUrl?: string;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
