import { ConfigError, loadConfig } from './app-config';

describe('staff sign-in configuration', () => {
  it('STAFF_TWO_FACTOR_ROLES adds roles to director and admin, which are always required', () => {
    expect(loadConfig({}).staffTwoFactorRoles).toEqual(['director', 'admin']);
    expect(loadConfig({ STAFF_TWO_FACTOR_ROLES: 'center_head, reviewer' }).staffTwoFactorRoles).toEqual([
      'director',
      'admin',
      'center_head',
      'reviewer',
    ]);
  });

  it('refuses an unknown role, naming the variable', () => {
    expect(() => loadConfig({ STAFF_TWO_FACTOR_ROLES: 'receiver,king' })).toThrow(ConfigError);
    expect(() => loadConfig({ STAFF_TWO_FACTOR_ROLES: 'king' })).toThrow(/STAFF_TWO_FACTOR_ROLES.*king/);
  });

  it('STAFF_OIDC_* are all three or none, with defaults for the claim and the scope', () => {
    expect(loadConfig({}).staffOidc).toBeUndefined();
    expect(
      loadConfig({
        STAFF_OIDC_ISSUER: 'https://sso.example.gov.vn/realms/tinh/',
        STAFF_OIDC_CLIENT_ID: 'tctn',
        STAFF_OIDC_CLIENT_SECRET: 's3cret',
      }).staffOidc,
    ).toEqual({
      issuer: 'https://sso.example.gov.vn/realms/tinh',
      clientId: 'tctn',
      clientSecret: 's3cret',
      employeeClaim: 'employee_number',
      scope: 'openid profile email',
    });
    expect(() => loadConfig({ STAFF_OIDC_ISSUER: 'https://sso.example.gov.vn' })).toThrow(/STAFF_OIDC_CLIENT_ID/);
  });
});
