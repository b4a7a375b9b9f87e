/**
 * The token layer's names for the callers a token proves. They are the `Caller` members of ./caller.ts (one type),
 * kept under these names for identity's own token, session and guard code.
 */
import type { AuthenticatedCaller, CitizenCaller, ClientCaller, StaffCaller } from './caller';
import { citizenCaller, clientCaller, staffCaller } from './caller';

export type { ClientScope, StaffRole } from './caller';
export { STAFF_ROLES } from './caller';

export type Principal = AuthenticatedCaller;
export type PrincipalKind = Principal['kind'];
export type CitizenPrincipal = CitizenCaller;
export type StaffPrincipal = StaffCaller;
export type ClientPrincipal = ClientCaller;

export const citizenPrincipal = citizenCaller;
export const staffPrincipal = staffCaller;
export const clientPrincipal = clientCaller;
