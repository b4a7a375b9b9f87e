/** Staff roles of docs/api.md. `director` and `admin` are province-level (no center). */
export type StaffRole = 'receiver' | 'reviewer' | 'center_head' | 'director' | 'admin';

export const STAFF_ROLES: readonly StaffRole[] = ['receiver', 'reviewer', 'center_head', 'director', 'admin'];

export type PrincipalKind = 'citizen' | 'staff' | 'client';

/** What an API client may do: `portal` (the national portal gateway), `social_insurance` (payment reports only), `peer_province` (another province delivering benefit transfers). */
export type ClientScope = 'portal' | 'social_insurance' | 'peer_province';

/**
 * Who is calling, as proven by one of our access tokens. Read it with `@CurrentPrincipal()`.
 * - citizen: `subject` = `personalId` (12 digits, from the e-ID provider), `fullName` from the e-ID claims;
 * - staff: `subject` = `username`, with `role` and `centerCode` (`null` for province-level roles);
 * - client: `subject` = `clientId` (the national portal gateway).
 */
export interface Principal {
  readonly kind: PrincipalKind;
  readonly subject: string;
  readonly personalId?: string;
  readonly username?: string;
  readonly fullName?: string;
  readonly role?: StaffRole;
  readonly centerCode?: string | null;
  readonly clientId?: string;
  readonly clientScope?: ClientScope;
}

export interface CitizenPrincipal extends Principal {
  readonly kind: 'citizen';
  readonly personalId: string;
}

export interface StaffPrincipal extends Principal {
  readonly kind: 'staff';
  readonly username: string;
  readonly role: StaffRole;
  readonly centerCode: string | null;
}

export interface ClientPrincipal extends Principal {
  readonly kind: 'client';
  readonly clientId: string;
  readonly clientScope: ClientScope;
}

export function citizenPrincipal(personalId: string, fullName?: string): CitizenPrincipal {
  return { kind: 'citizen', subject: personalId, personalId, ...(fullName ? { fullName } : {}) };
}

export function staffPrincipal(account: {
  username: string;
  fullName: string;
  role: StaffRole;
  centerCode: string | null;
}): StaffPrincipal {
  return {
    kind: 'staff',
    subject: account.username,
    username: account.username,
    fullName: account.fullName,
    role: account.role,
    centerCode: account.centerCode,
  };
}

export function clientPrincipal(clientId: string, name?: string, scope: ClientScope = 'portal'): ClientPrincipal {
  return { kind: 'client', subject: clientId, clientId, clientScope: scope, ...(name ? { fullName: name } : {}) };
}
