/** Staff roles of docs/api.md. `director` and `admin` are province-level (no center). */
export type StaffRole = 'receiver' | 'reviewer' | 'center_head' | 'director' | 'admin';

export const STAFF_ROLES: readonly StaffRole[] = ['receiver', 'reviewer', 'center_head', 'director', 'admin'];

/** What an API client may do: `portal` (the national portal gateway), `social_insurance` (payment reports only). */
export type ClientScope = 'portal' | 'social_insurance' | 'peer_province';

interface CallerFields {
  /** Citizen: personal ID; staff: username; client: client id; system: the job's name. */
  readonly subject: string;
  readonly fullName?: string;
  /** The HTTP request the call came with (audit rows, registry read logs); absent for scheduled work. */
  readonly requestId?: string;
}

/**
 * A citizen logged in with the national e-ID. The fields of the other kinds are declared `undefined` here (and
 * likewise in each member) so that code may read e.g. `caller.centerCode` before narrowing and get `undefined`.
 */
export interface CitizenCaller extends CallerFields {
  readonly kind: 'citizen';
  /** 12 digits, from the e-ID provider (= subject). */
  readonly personalId: string;
  readonly username?: undefined;
  readonly role?: undefined;
  readonly centerCode?: undefined;
  readonly clientId?: undefined;
  readonly clientScope?: undefined;
}

/** A member of staff; `centerCode` is null for the province-level roles (director, admin). */
export interface StaffCaller extends CallerFields {
  readonly kind: 'staff';
  /** = subject. */
  readonly username: string;
  readonly role: StaffRole;
  readonly centerCode: string | null;
  readonly personalId?: undefined;
  readonly clientId?: undefined;
  readonly clientScope?: undefined;
}

/** An API client authenticated with client credentials (the national portal gateway, the social insurance office). */
export interface ClientCaller extends CallerFields {
  readonly kind: 'client';
  /** = subject. */
  readonly clientId: string;
  readonly clientScope: ClientScope;
  readonly personalId?: undefined;
  readonly username?: undefined;
  readonly role?: undefined;
  readonly centerCode?: undefined;
}

/** The service itself: scheduled work (closing notice windows, sweeps); `subject` names the job. */
export interface SystemCaller extends CallerFields {
  readonly kind: 'system';
  readonly personalId?: undefined;
  readonly username?: undefined;
  readonly role?: undefined;
  readonly centerCode?: undefined;
  readonly clientId?: undefined;
  readonly clientScope?: undefined;
}

/**
 * Who is calling: the one caller type of every module. HTTP handlers read it with `@CurrentCaller()`; scheduled
 * work uses `systemCaller(job)`. Narrow on `kind`.
 */
export type Caller = CitizenCaller | StaffCaller | ClientCaller | SystemCaller;

/** What one of our access tokens can prove (every kind but `system`). */
export type AuthenticatedCaller = CitizenCaller | StaffCaller | ClientCaller;

export type CallerKind = Caller['kind'];

/**
 * The actor type written in audit rows, dossier history and outgoing event payloads. These stored names predate
 * the caller type and stay as they are: an API client is recorded as `portal`.
 */
export type ActorType = 'citizen' | 'staff' | 'portal' | 'system';

export function actorTypeOf(caller: Caller): ActorType {
  return caller.kind === 'client' ? 'portal' : caller.kind;
}

/** The caller as stored references name it: `{ type, id }` (type as in `actorTypeOf`, id = subject). */
export function actorRef(caller: Caller): { type: ActorType; id: string } {
  return { type: actorTypeOf(caller), id: caller.subject };
}

export function citizenCaller(personalId: string, fullName?: string): CitizenCaller {
  return { kind: 'citizen', subject: personalId, personalId, ...(fullName ? { fullName } : {}) };
}

export function staffCaller(account: {
  username: string;
  fullName: string;
  role: StaffRole;
  centerCode: string | null;
}): StaffCaller {
  return {
    kind: 'staff',
    subject: account.username,
    username: account.username,
    fullName: account.fullName,
    role: account.role,
    centerCode: account.centerCode,
  };
}

export function clientCaller(clientId: string, name?: string, scope: ClientScope = 'portal'): ClientCaller {
  return { kind: 'client', subject: clientId, clientId, clientScope: scope, ...(name ? { fullName: name } : {}) };
}

export function systemCaller(job: string, fullName = 'Hệ thống'): SystemCaller {
  return { kind: 'system', subject: job, fullName };
}

/** The same caller, tagged with the request it came with. */
export function withRequestId<C extends Caller>(caller: C, requestId: string | undefined): C {
  return requestId === undefined ? caller : { ...caller, requestId };
}
