import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { Principal } from '../principal';

/** Where `AccessGuard` leaves the caller on the Fastify request. */
export const PRINCIPAL_KEY = 'principal';

export function principalOf(request: unknown): Principal | undefined {
  return (request as Record<string, Principal | undefined>)[PRINCIPAL_KEY];
}

/**
 * The authenticated caller. Use on handlers guarded by `@CitizenOnly()`, `@StaffOnly()`, `@ClientOnly()` or
 * `@Authenticated()`; on an unguarded handler it answers 401.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest());
  if (!principal) throw DomainError.unauthenticated();
  return principal;
});
