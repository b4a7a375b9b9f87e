import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { AuthenticatedCaller, withRequestId } from '../caller';

/** Where `AccessGuard` leaves the caller on the Fastify request. */
export const PRINCIPAL_KEY = 'principal';

export function principalOf(request: unknown): AuthenticatedCaller | undefined {
  return (request as Record<string, AuthenticatedCaller | undefined>)[PRINCIPAL_KEY];
}

/**
 * The authenticated caller, with the request id for the audit trail. Use on handlers guarded by `@CitizenOnly()`,
 * `@StaffOnly()`, `@ClientOnly()` or `@Authenticated()`; on an unguarded handler it answers 401. Type the parameter
 * with the `Caller` member the guard admits (`CitizenCaller`, `StaffCaller`, `ClientCaller`) or `Caller`.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedCaller => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const caller = principalOf(request);
  if (!caller) throw DomainError.unauthenticated();
  return withRequestId(caller, request.id);
});

/** The former name of `CurrentCaller` (same decorator). */
export const CurrentPrincipal = CurrentCaller;
