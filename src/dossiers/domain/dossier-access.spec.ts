import fc from 'fast-check';
import {
  citizenCaller,
  clientCaller,
  staffCaller,
  STAFF_ROLES,
  systemCaller,
  type Caller,
  type StaffRole,
} from '../../identity/caller';
import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { assertDossierAccess, dossierAccess, type DossierIntent } from './dossier-access';

const DOSSIER = { personalId: '001090000001', centerCode: 'TTDVVL-HN' };
const staff = (role: StaffRole, centerCode: string | null) =>
  staffCaller({ username: `${role}.${centerCode ?? 'tinh'}`, fullName: 'Cán bộ', role, centerCode });

describe('dossierAccess: who may see or act on a dossier', () => {
  // Expected outcomes written from the rule as docs/identity.md states it ("Dossier access"), not from the code.
  const table: [string, Caller, DossierIntent, string][] = [
    ['the citizen, own dossier, read', citizenCaller('001090000001'), 'read', 'allowed'],
    ['the citizen, own dossier, act', citizenCaller('001090000001'), 'act', 'allowed'],
    ["another citizen's dossier, read", citizenCaller('001090000002'), 'read', 'not_found'],
    ["another citizen's dossier, act", citizenCaller('001090000002'), 'act', 'not_found'],
    ['receiver of the center, read', staff('receiver', 'TTDVVL-HN'), 'read', 'allowed'],
    ['reviewer of the center, act', staff('reviewer', 'TTDVVL-HN'), 'act', 'allowed'],
    ['center head of the center, act', staff('center_head', 'TTDVVL-HN'), 'act', 'allowed'],
    ['receiver of another center, read', staff('receiver', 'TTDVVL-HP'), 'read', 'other_center'],
    ['center head of another center, act', staff('center_head', 'TTDVVL-HP'), 'act', 'other_center'],
    ['the Director (province-level), read', staff('director', null), 'read', 'allowed'],
    ['the Director (province-level), act', staff('director', null), 'act', 'allowed'],
    ['an administrator (province-level), read', staff('admin', null), 'read', 'allowed'],
    ['an administrator takes no workflow action', staff('admin', null), 'act', 'no_role'],
    ['the national portal client, read', clientCaller('cong-dvcqg'), 'read', 'allowed'],
    ['the social insurance client, read', clientCaller('bhxh', undefined, 'social_insurance'), 'read', 'allowed'],
    ['an API client takes no workflow action', clientCaller('cong-dvcqg'), 'act', 'no_role'],
    ['scheduled work, read', systemCaller('benefits.schedule'), 'read', 'allowed'],
    ['scheduled work, act', systemCaller('benefits.schedule'), 'act', 'allowed'],
  ];

  it.each(table)('%s', (_label, caller, intent, expected) => {
    const access = dossierAccess(caller, DOSSIER, intent);
    expect(access.allowed ? 'allowed' : access.reason).toBe(expected);
  });

  it('a dossier that does not exist is "not found" for every caller and intent', () => {
    for (const [, caller, intent] of table)
      expect(dossierAccess(caller, undefined, intent)).toEqual({
        allowed: false,
        reason: 'not_found',
      });
  });

  it("a citizen cannot tell someone else's dossier from one that does not exist (same 404 problem)", () => {
    const someoneElses = () => assertDossierAccess(citizenCaller('001090000002'), DOSSIER, 'read');
    const missing = () => assertDossierAccess(citizenCaller('001090000002'), null, 'read');
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        const e = error as DomainError;
        return { code: e.code, message: e.message };
      }
      throw new Error('expected a refusal');
    };
    expect(problem(someoneElses)).toEqual(problem(missing));
    expect(problem(someoneElses).code).toBe(ErrorCode.NotFound);
  });

  it('another center is 403, an administrator acting is 403; an allowed call returns the dossier itself', () => {
    expect(() => assertDossierAccess(staff('reviewer', 'TTDVVL-HP'), DOSSIER, 'read')).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    expect(() => assertDossierAccess(staff('admin', null), DOSSIER, 'act')).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    expect(assertDossierAccess(staff('reviewer', 'TTDVVL-HN'), DOSSIER, 'act')).toBe(DOSSIER);
  });

  it('property: a citizen reaches a dossier exactly when its personal ID is theirs', () => {
    const id = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(id, id, fc.constantFrom<DossierIntent>('read', 'act'), (own, holder, intent) => {
        const access = dossierAccess(citizenCaller(own), { personalId: holder, centerCode: 'X' }, intent);
        return access.allowed === (own === holder);
      }),
    );
  });

  it('property: staff with a center reach exactly that center; province-level staff every center', () => {
    const center = fc.constantFrom('TTDVVL-HN', 'TTDVVL-HP', 'TTDVVL-DN', 'TTDVVL-HCM');
    const role = fc.constantFrom(...STAFF_ROLES.filter((r) => r !== 'admin'));
    fc.assert(
      fc.property(role, center, center, (r, own, dossierCenter) => {
        const provinceLevel = r === 'director';
        const caller = staff(r, provinceLevel ? null : own);
        const access = dossierAccess(caller, { personalId: '001090000001', centerCode: dossierCenter }, 'read');
        return access.allowed === (provinceLevel || own === dossierCenter);
      }),
    );
  });
});
