import { SetMetadata } from '@nestjs/common';

/** Metadata key of a handler's (or controller's) access policy; read by identity's global guard. */
export const ACCESS_POLICY = 'identity:access-policy';

/** Who may call a handler: anybody (`public`), or callers of these kinds (and, for staff, these roles). */
export interface AccessPolicy {
  readonly public?: boolean;
  readonly kinds: readonly string[];
  /** Staff only: the roles allowed; empty = any staff role. */
  readonly roles: readonly string[];
  /** API clients only: the scopes allowed; empty = any scope. */
  readonly scopes?: readonly string[];
}

/**
 * Open to anybody, on purpose. The guard denies every route that declares no policy, so a new route is closed until
 * its author says who may call it (the route inventory test lists every route with its policy).
 */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_POLICY, { public: true, kinds: [], roles: [] } satisfies AccessPolicy);
}
