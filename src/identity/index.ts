/** What other modules use from identity. */
export { Authenticated, CitizenOnly, ClientOnly, Public, StaffOnly } from './guards/access-policy.decorator';
export { CurrentPrincipal } from './guards/current-principal.decorator';
export type {
  CitizenPrincipal,
  ClientPrincipal,
  ClientScope,
  Principal,
  PrincipalKind,
  StaffPrincipal,
  StaffRole,
} from './principal';
export { STAFF_ROLES } from './principal';
export { IdentityModule } from './identity.module';
export { AccessTokenService } from './tokens/access-token.service';
