import { EntityManager } from 'typeorm';

/**
 * What identity needs to know of the service centers (owned by dossiers' `CenterDirectory`, which sits above
 * identity): whether a center code exists, so an account is never assigned to an unknown center. Bound in the
 * application module.
 */
export interface StaffCenters {
  /** Whether a center with this code exists (open or closed), read in the caller's transaction when given. */
  exists(code: string, em?: EntityManager): Promise<boolean>;
}

export const STAFF_CENTERS = Symbol('STAFF_CENTERS');
