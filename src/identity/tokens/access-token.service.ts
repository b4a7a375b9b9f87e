import { Inject, Injectable } from '@nestjs/common';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { CryptoKey, JWK, JWTPayload, SignJWT, errors, importJWK, jwtVerify } from 'jose';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { RUNTIME } from '../../platform/platform.module';
import { Runtime } from '../../platform/embedded/runtime';
import { DomainError } from '../../platform/errors/domain-error';
import { ClientScope, Principal, STAFF_ROLES, StaffRole } from '../principal';
import { readOrCreateSecret } from '../secrets/secret-file.store';
import { ACCESS_TOKEN_AUDIENCE } from './access-token.constants';
import { SessionRevocationRepository } from './session-revocation.repository';

const ALGORITHM = 'ES256';
const KEY_FILE = 'access-token-signing-key.json';

/** Claims we put in an access token besides the registered ones (iss, aud, sub, iat, exp, jti). */
interface AccessTokenClaims extends JWTPayload {
  kind: Principal['kind'];
  /** `web` (session cookie) or `bearer`. */
  use: 'web' | 'bearer';
  /** Seconds since the epoch of the login that started this session (kept across renewals). */
  auth_time: number;
  /** Session id: the same for every token of one login (kept across renewals); logout revokes it. */
  sid?: string;
  pid?: string;
  name?: string;
  role?: StaffRole;
  center?: string | null;
  client_id?: string;
  /** Client tokens: the client's scope (absent in tokens issued before scopes: `portal`). */
  client_scope?: ClientScope;
}

export interface IssuedToken {
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly tokenType: 'Bearer';
}

export interface VerifiedToken {
  readonly principal: Principal;
  readonly use: 'web' | 'bearer';
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly authTime: number;
  /** The session this token belongs to (the `sid` claim; a token issued without one is its own session, its jti). */
  readonly sessionId: string;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

/**
 * Issues and verifies our own access tokens (JWT, ES256). The signing key is generated on first start under
 * `<dataDir>/secrets/access-token-signing-key.json` (mode 0600); every instance of a deployment must share it.
 */
@Injectable()
export class AccessTokenService {
  private key: Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly revocations: SessionRevocationRepository,
  ) {}

  get issuer(): string {
    return this.runtime.config.publicBaseUrl;
  }

  async issue(
    principal: Principal,
    options: { use: 'web' | 'bearer'; ttlSeconds: number; authTime?: number; sessionId?: string },
  ): Promise<IssuedToken> {
    const { kid, privateKey } = await this.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessTokenClaims = {
      kind: principal.kind,
      use: options.use,
      auth_time: options.authTime ?? now,
      sid: options.sessionId ?? randomUUID(),
      ...(principal.personalId ? { pid: principal.personalId } : {}),
      ...(principal.fullName ? { name: principal.fullName } : {}),
      ...(principal.role ? { role: principal.role } : {}),
      ...(principal.kind === 'staff' ? { center: principal.centerCode ?? null } : {}),
      ...(principal.clientId ? { client_id: principal.clientId, client_scope: principal.clientScope ?? 'portal' } : {}),
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(principal.subject)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + options.ttlSeconds)
      .sign(privateKey);
    return { accessToken, expiresIn: options.ttlSeconds, tokenType: 'Bearer' };
  }

  /**
   * The caller behind a token; throws `unauthenticated` for anything tampered, expired or not ours, and for a token
   * of a session that was ended (logout).
   */
  async verify(token: string): Promise<VerifiedToken> {
    const { publicKey } = await this.signingKey();
    let payload: AccessTokenClaims;
    try {
      const result = await jwtVerify<AccessTokenClaims>(token, publicKey, {
        algorithms: [ALGORITHM],
        issuer: this.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: 'at+jwt',
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      payload = result.payload;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        throw DomainError.unauthenticated(
          error instanceof errors.JWTExpired
            ? 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.'
            : 'Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.',
        );
      }
      throw error;
    }
    const sessionId = typeof payload.sid === 'string' && payload.sid ? payload.sid : payload.jti!;
    if (await this.revocations.isRevoked(sessionId)) {
      throw DomainError.unauthenticated('Phiên đăng nhập đã kết thúc (đã đăng xuất). Vui lòng đăng nhập lại.');
    }
    return {
      principal: toPrincipal(payload),
      use: payload.use === 'web' ? 'web' : 'bearer',
      issuedAt: payload.iat!,
      expiresAt: payload.exp!,
      authTime: typeof payload.auth_time === 'number' ? payload.auth_time : payload.iat!,
      sessionId,
    };
  }

  /**
   * Ends the session of a token on the server: every token of it (renewals included) fails from now on. `until` is
   * when the last of them would expire anyway.
   */
  async revoke(token: VerifiedToken, until: Date): Promise<void> {
    await this.revocations.revoke(token.sessionId, until);
  }

  private signingKey(): Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }> {
    this.key ??= this.loadKey().catch((error) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }> {
    const stored = readOrCreateSecret<StoredKey>(this.runtime.config.dataDir, KEY_FILE, () => ({
      kid: randomUUID(),
      privateJwk: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as JWK,
    }));
    const privateKey = (await importJWK({ ...stored.privateJwk, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
    const { d: _d, ...publicJwk } = stored.privateJwk;
    const publicKey = (await importJWK({ ...publicJwk, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
    return { kid: stored.kid, privateKey, publicKey };
  }
}

function invalid(): DomainError {
  return DomainError.unauthenticated('Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.');
}

function toPrincipal(claims: AccessTokenClaims): Principal {
  const subject = claims.sub!;
  switch (claims.kind) {
    case 'citizen':
      if (!claims.pid || claims.pid !== subject) throw invalid();
      return { kind: 'citizen', subject, personalId: claims.pid, ...(claims.name ? { fullName: claims.name } : {}) };
    case 'staff':
      if (!claims.role || !STAFF_ROLES.includes(claims.role)) throw invalid();
      return {
        kind: 'staff',
        subject,
        username: subject,
        fullName: claims.name,
        role: claims.role,
        centerCode: claims.center ?? null,
      };
    case 'client':
      if (!claims.client_id || claims.client_id !== subject) throw invalid();
      if (claims.client_scope && !['portal', 'social_insurance', 'peer_province'].includes(claims.client_scope))
        throw invalid();
      return {
        kind: 'client',
        subject,
        clientId: claims.client_id,
        clientScope: claims.client_scope ?? 'portal',
        ...(claims.name ? { fullName: claims.name } : {}),
      };
    default:
      throw invalid();
  }
}
