import { Secret, TOTP } from 'otpauth';
import request from 'supertest';

/** The code an authenticator app shows for `secret` at `at` (+ `steps` × 30 s), computed here with otpauth. */
export function authenticatorCode(secret: string, steps = 0, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at + steps * 30_000,
  });
}

export interface FirstLogin {
  accessToken: string;
  password: string;
  totpSecret?: string;
  /** The code that confirmed the enrolment, and when it was computed. */
  enrolmentCode?: string;
  enrolledAt?: number;
  recoveryCodes?: string[];
}

/**
 * A new account's first login over the API as a client would do it: the one-time password, then the new password it
 * must choose, then (when the answer asks for it) the two-factor enrolment confirmed with the authenticator's code.
 */
export async function firstLogin(
  baseUrl: string,
  username: string,
  oneTimePassword: string,
  newPassword: string,
  source = '203.0.113.50',
): Promise<FirstLogin> {
  const login = (body: object) =>
    request(baseUrl)
      .post('/api/v1/auth/staff/login')
      .set('x-forwarded-for', source)
      .send({ username, ...body });
  const owed = await login({ password: oneTimePassword });
  if (owed.status !== 401 || owed.body.reason !== 'password_change_required')
    throw new Error(`expected password_change_required, got ${owed.status} ${JSON.stringify(owed.body)}`);
  const changed = await login({ password: oneTimePassword, newPassword });
  if (changed.status === 200) return { accessToken: changed.body.accessToken, password: newPassword };
  if (changed.body.reason !== 'two_factor_enrolment_required')
    throw new Error(`unexpected answer ${changed.status} ${JSON.stringify(changed.body)}`);
  const { secret, enrolmentToken } = changed.body.enrolment;
  const enrolledAt = Date.now();
  const enrolmentCode = authenticatorCode(secret, 0, enrolledAt);
  const enrolled = await login({ password: newPassword, enrolmentToken, otp: enrolmentCode });
  if (enrolled.status !== 200)
    throw new Error(`enrolment refused: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  return {
    accessToken: enrolled.body.accessToken,
    password: newPassword,
    totpSecret: secret,
    enrolmentCode,
    enrolledAt,
    recoveryCodes: enrolled.body.recoveryCodes,
  };
}
