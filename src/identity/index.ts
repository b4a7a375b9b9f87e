/** What other modules use from identity. */
export { Authenticated, CitizenOnly, ClientOnly, Public, StaffOnly } from './guards/access-policy.decorator';
export { CurrentCaller, CurrentPrincipal } from './guards/current-principal.decorator';
export type {
  ActorType,
  AuthenticatedCaller,
  Caller,
  CallerKind,
  CitizenCaller,
  ClientCaller,
  ClientScope,
  StaffCaller,
  StaffRole,
  SystemCaller,
} from './caller';
export { actorRef, actorTypeOf, STAFF_ROLES, systemCaller } from './caller';
export type { CitizenPrincipal, ClientPrincipal, Principal, PrincipalKind, StaffPrincipal } from './principal';
export { IdentityModule } from './identity.module';
export { AccessTokenService } from './tokens/access-token.service';
