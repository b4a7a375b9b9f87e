import type { Caller } from '../../identity/caller';
import { DomainError } from '../../platform/errors/domain-error';

/** What the caller wants with the dossier: see it (views, files, documents, payments) or act on it (workflow step). */
export type DossierIntent = 'read' | 'act';

/** Why access is refused: `not_found` → 404 (existence not revealed), the others → 403. */
export type DossierRefusal = 'not_found' | 'other_center' | 'no_role';

export type DossierAccess = { readonly allowed: true } | { readonly allowed: false; readonly reason: DossierRefusal };

/** The two facts of a dossier that decide who may reach it. */
export interface DossierScope {
  readonly personalId: string;
  readonly centerCode: string;
}

const ALLOWED: DossierAccess = { allowed: true };
const refused = (reason: DossierRefusal): DossierAccess => ({ allowed: false, reason });

/**
 * Who may see or act on a dossier — the one rule every module applies:
 * - a citizen: their own dossiers only; anyone else's is "not found", as is a dossier that does not exist;
 * - staff: the dossiers of their center; province-level staff (director, admin: no center) every center's;
 *   administrators read but take no workflow action;
 * - an API client (the national portal, the social insurance office) and the service's own scheduled work read
 *   any dossier; clients take no workflow action (they file and report through their own routes).
 * Which workflow step a party may take in which status is the workflow table's `guard`, after this.
 */
export function dossierAccess(
  caller: Caller,
  dossier: DossierScope | null | undefined,
  intent: DossierIntent,
): DossierAccess {
  if (!dossier) return refused('not_found');
  switch (caller.kind) {
    case 'citizen':
      return caller.personalId === dossier.personalId ? ALLOWED : refused('not_found');
    case 'staff':
      if (caller.centerCode !== null && caller.centerCode !== dossier.centerCode) return refused('other_center');
      return intent === 'act' && caller.role === 'admin' ? refused('no_role') : ALLOWED;
    case 'client':
      return intent === 'act' ? refused('no_role') : ALLOWED;
    case 'system':
      return ALLOWED;
  }
}

/** `dossierAccess` as a guard: returns the dossier when allowed, else throws the problem the refusal maps to. */
export function assertDossierAccess<D extends DossierScope>(
  caller: Caller,
  dossier: D | null | undefined,
  intent: DossierIntent,
): D {
  const access = dossierAccess(caller, dossier, intent);
  if (access.allowed) return dossier!;
  throw dossierAccessError(access.reason);
}

export function dossierAccessError(reason: DossierRefusal): DomainError {
  switch (reason) {
    case 'not_found':
      return DomainError.notFound('Không tìm thấy hồ sơ.');
    case 'other_center':
      return DomainError.forbidden('Hồ sơ thuộc trung tâm khác.');
    case 'no_role':
      return DomainError.forbidden('Vai trò của bạn không xử lý hồ sơ.');
  }
}
