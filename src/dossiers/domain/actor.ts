import { StaffRole } from './dossier-workflow';

/** Who does something to a dossier, as the dossier module needs to know it (mapped from the identity principal). */
export interface Actor {
  type: 'citizen' | 'staff' | 'portal' | 'system';
  /** Citizen: personal ID; staff: username; portal: client id; system: job name. */
  id: string;
  name?: string;
  role?: StaffRole;
  /** Staff's center; null for province-level staff. */
  centerCode?: string | null;
  requestId?: string;
}
