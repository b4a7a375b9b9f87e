import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EncryptJWT, base64url, jwtDecrypt } from 'jose';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { readOrCreateSecret } from '../secrets/secret-file.store';

/** What the callback needs to finish a login that `/auth/eid/login` started. */
export interface EidLoginTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Relative path to land on after a web login. */
  readonly returnTo: string;
  /** `session`: set the cookie and redirect; `token`: answer `{accessToken, expiresIn}`. */
  readonly response: 'session' | 'token';
}

export const LOGIN_TRANSACTION_COOKIE = 'tctn_eid_login';
export const LOGIN_TRANSACTION_TTL_SECONDS = 10 * 60;
const KEY_FILE = 'eid-login-transaction-key.json';

/**
 * Seals the login transaction (PKCE verifier, state, nonce, where to return) into an encrypted, httpOnly cookie
 * bound to the browser that started the login: no server-side state, and a callback URL replayed in another
 * browser finds no transaction.
 */
@Injectable()
export class EidLoginTransactionSealer {
  private key: Uint8Array | undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  seal(transaction: EidLoginTransaction): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new EncryptJWT({ ...transaction })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(now)
      .setExpirationTime(now + LOGIN_TRANSACTION_TTL_SECONDS)
      .encrypt(this.secret());
  }

  /** `undefined` for a missing, foreign, tampered or expired cookie. */
  async open(sealed: string | undefined): Promise<EidLoginTransaction | undefined> {
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.secret(), { currentDate: this.clock.now() });
      const { state, nonce, codeVerifier, returnTo, response } = payload as Record<string, unknown>;
      if ([state, nonce, codeVerifier, returnTo].some((v) => typeof v !== 'string')) return undefined;
      if (response !== 'session' && response !== 'token') return undefined;
      return { state, nonce, codeVerifier, returnTo, response } as EidLoginTransaction;
    } catch {
      return undefined;
    }
  }

  private secret(): Uint8Array {
    this.key ??= base64url.decode(
      readOrCreateSecret<{ k: string }>(this.runtime.config.dataDir, KEY_FILE, () => ({
        k: randomBytes(32).toString('base64url'),
      })).k,
    );
    return this.key;
  }
}
