import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DomainError } from '../../platform/errors/domain-error';
import { EID_CLIENT_SETTINGS, EidClientSettings } from './eid-client-settings';

export interface EidAuthorizationChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** What the e-ID provider says about the person who logged in. */
export interface EidIdentity {
  readonly personalId: string;
  readonly fullName?: string;
  readonly birthdate?: string;
}

const DISCOVERY_ATTEMPTS = 3;
const PROVIDER_DOWN = 'Không kết nối được với hệ thống định danh điện tử. Vui lòng thử lại sau ít phút.';

/**
 * OpenID Connect relying party (authorization code + PKCE + state + nonce) over openid-client 6. The provider is
 * discovered on first use, not at start, so the service starts while the provider is down; a failed discovery is
 * retried with backoff within the request and again on the next one.
 */
@Injectable()
export class EidOidcClient {
  private readonly logger = new Logger('eid');
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(@Inject(EID_CLIENT_SETTINGS) private readonly settings: EidClientSettings) {}

  async authorizationUrl(checks: EidAuthorizationChecks): Promise<URL> {
    const config = await this.config();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Redeems the authorization code from `callbackUrl` and returns the verified identity. */
  async redeem(callbackUrl: URL, checks: EidAuthorizationChecks): Promise<EidIdentity> {
    const claims = await this.redeemClaims(callbackUrl, checks, this.settings.subjectClaim);
    const personalId = claims[this.settings.subjectClaim];
    if (typeof personalId !== 'string' || !/^\d{12}$/.test(personalId)) {
      this.logger.warn({ claim: this.settings.subjectClaim }, 'e-ID login without a 12-digit personal ID claim');
      throw DomainError.unauthenticated(
        'Tài khoản định danh điện tử không cung cấp số định danh cá nhân hợp lệ, không thể đăng nhập.',
      );
    }
    return {
      personalId,
      fullName: typeof claims.name === 'string' ? claims.name.normalize('NFC') : undefined,
      birthdate: typeof claims.birthdate === 'string' ? claims.birthdate : undefined,
    };
  }

  /**
   * Redeems the code and returns the verified ID token's claims, completed from userinfo when `needed` is missing
   * from the ID token and the provider has a userinfo endpoint. (Also used for the staff identity provider.)
   */
  async redeemClaims(
    callbackUrl: URL,
    checks: EidAuthorizationChecks,
    needed: string,
  ): Promise<Record<string, unknown>> {
    const config = await this.config();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
      if (claims[needed] === undefined && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub as string);
        return { ...info, ...claims };
      }
      return claims;
    } catch (error) {
      throw this.translate(error);
    }
  }

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const insecure = issuer.startsWith('http:');
    const fetchVia = this.fetchVia();
    for (let attempt = 1; ; attempt++) {
      try {
        const config = await oidc.discovery(
          new URL(issuer),
          clientId,
          undefined,
          oidc.ClientSecretBasic(clientSecret),
          {
            execute: insecure ? [oidc.allowInsecureRequests] : [],
            timeout: 10,
            ...(fetchVia ? { [oidc.customFetch]: fetchVia } : {}),
          },
        );
        if (fetchVia) config[oidc.customFetch] = fetchVia;
        this.logger.log(`discovered ${this.settings.label} provider ${issuer}`);
        return config;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, `discovery of ${this.settings.label} provider ${issuer} failed`);
        if (attempt >= DISCOVERY_ATTEMPTS) throw DomainError.upstream(PROVIDER_DOWN);
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
      }
    }
  }

  private fetchVia(): oidc.CustomFetch | undefined {
    const via = this.settings.reachVia;
    if (!via) return undefined;
    return (url, options) => {
      const target = url.startsWith(via.from) ? via.to + url.slice(via.from.length) : url;
      return fetch(target, options as RequestInit);
    };
  }

  private translate(error: unknown): DomainError {
    if (error instanceof DomainError) return error;
    if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
      this.logger.warn({ err: error }, 'e-ID provider refused the login');
      return DomainError.unauthenticated(
        'Đăng nhập bằng tài khoản định danh điện tử không thành công. Vui lòng thử lại.',
      );
    }
    if (error instanceof oidc.ClientError || (error as { name?: string })?.name === 'OperationProcessingError') {
      this.logger.warn({ err: error }, 'e-ID response failed validation');
      return DomainError.unauthenticated('Phản hồi đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    this.logger.warn({ err: error }, 'e-ID provider unreachable');
    return DomainError.upstream(PROVIDER_DOWN);
  }
}
