import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { EncryptJWT, base64url, jwtDecrypt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { readOrCreateSecret } from '../secrets/secret-file.store';

const KEY_FILE = 'staff-two-factor-key.json';
const PERIOD_SECONDS = 30;
/** Codes of the previous and next 30-second step are accepted too (clock drift of the phone). */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const ENROLMENT_TTL_SECONDS = 10 * 60;
/** Recovery code alphabet: no 0/O, 1/I/L, so a code read from paper is typed right. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface Enrolment {
  /** Base32 secret, for typing into an authenticator by hand. */
  readonly secret: string;
  /** `otpauth://totp/...`, what the QR code holds. */
  readonly otpauthUri: string;
  /** The QR code as an SVG document. */
  readonly qrSvg: string;
  /** Sealed (secret, username), sent back with the first code to finish the enrolment. */
  readonly enrolmentToken: string;
}

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app reads from a QR code) and recovery codes.
 * The secret is stored sealed with AES-256-GCM under a key in `<DATA_DIR>/secrets/staff-two-factor-key.json`
 * (shared by every instance, like the token-signing key), so a copy of the database alone yields no codes.
 * Enrolment is stateless: the proposed secret travels sealed (JWE) to the client and back with the first code.
 */
@Injectable()
export class TwoFactorService {
  private key: Buffer | undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async startEnrolment(username: string, label: string): Promise<Enrolment> {
    const secret = new Secret({ size: 20 });
    const otpauthUri = this.totp(secret.base32, label).toString();
    const now = this.nowSeconds();
    const enrolmentToken = await new EncryptJWT({ secret: secret.base32, username, purpose: 'totp-enrolment' })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(now)
      .setExpirationTime(now + ENROLMENT_TTL_SECONDS)
      .encrypt(this.secretKey());
    const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret: secret.base32, otpauthUri, qrSvg, enrolmentToken };
  }

  /** The base32 secret of an enrolment token issued for `username`, or `undefined` (expired, foreign, tampered). */
  async openEnrolment(token: string, username: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtDecrypt(token, this.secretKey(), { currentDate: this.clock.now() });
      if (payload.purpose !== 'totp-enrolment' || payload.username !== username) return undefined;
      return typeof payload.secret === 'string' ? payload.secret : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The time step a code matches (within ±1 step of now), or `null`. A step at or before `lastStep` is refused, so
   * a code seen over someone's shoulder cannot be used again.
   */
  matchCode(base32Secret: string, code: string, lastStep: number | null): number | null {
    const token = code.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(token)) return null;
    const timestamp = this.clock.now().getTime();
    const delta = this.totp(base32Secret, 'x').validate({ token, timestamp, window: WINDOW });
    if (delta === null) return null;
    const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
    return lastStep !== null && step <= lastStep ? null : step;
  }

  /** The current code (tests, and the first-admin command's self-check). */
  currentCode(base32Secret: string): string {
    return this.totp(base32Secret, 'x').generate({ timestamp: this.clock.now().getTime() });
  }

  seal(base32Secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey(), iv);
    const body = Buffer.concat([cipher.update(base32Secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown sealed TOTP secret version');
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Ten codes like `K7QX-M3PA-TZ` (50 bits each), shown once; only their hashes are stored. */
  newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
    });
  }

  private totp(base32Secret: string, label: string): TOTP {
    return new TOTP({
      issuer: 'Trợ cấp thất nghiệp',
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD_SECONDS,
      secret: Secret.fromBase32(base32Secret),
    });
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  private secretKey(): Buffer {
    this.key ??= base64urlKey(
      readOrCreateSecret<{ key: string }>(this.runtime.config.dataDir, KEY_FILE, () => ({
        key: base64url.encode(randomBytes(32)),
      })).key,
    );
    return this.key;
  }
}

/** A recovery code as typed: upper case, without spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

function base64urlKey(encoded: string): Buffer {
  const key = Buffer.from(base64url.decode(encoded));
  if (key.length !== 32) throw new Error(`${KEY_FILE} must hold a 256-bit key`);
  return key;
}
