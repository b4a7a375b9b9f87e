import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ClientScope, PrincipalKind, StaffRole } from '../principal';

export { ACCESS_POLICY, Public } from '../../platform/http/access-policy';
import { ACCESS_POLICY, AccessPolicy as BaseAccessPolicy } from '../../platform/http/access-policy';

/** Who may call a handler (or every handler of a controller). Checked by the global `AccessGuard`. */
export interface AccessPolicy extends BaseAccessPolicy {
  readonly kinds: readonly PrincipalKind[];
  /** Staff only: the roles allowed; empty = any staff role. */
  readonly roles: readonly StaffRole[];
  /** Clients only: the scopes allowed (absent: `portal`). */
  readonly clientScopes?: readonly ClientScope[];
}

/** A logged-in citizen (session cookie or bearer token from the e-ID login). */
export function CitizenOnly(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, { kinds: ['citizen'], roles: [] } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiCookieAuth(),
  );
}

/** Staff, optionally restricted to some roles (none listed = any role). */
export function StaffOnly(...roles: StaffRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, { kinds: ['staff'], roles } satisfies AccessPolicy),
    ApiBearerAuth(),
  );
}

/** An API client authenticated with client credentials, of the given scopes (default: the national portal gateway). */
export function ClientOnly(...scopes: ClientScope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, {
      kinds: ['client'],
      roles: [],
      clientScopes: scopes.length ? scopes : ['portal'],
    } satisfies AccessPolicy),
    ApiBearerAuth(),
  );
}

/** Any authenticated caller of the listed kinds (default: every kind). */
export function Authenticated(...kinds: PrincipalKind[]): MethodDecorator & ClassDecorator {
  const allowed: PrincipalKind[] = kinds.length ? kinds : ['citizen', 'staff', 'client'];
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, { kinds: allowed, roles: [] } satisfies AccessPolicy),
    ApiBearerAuth(),
  );
}
