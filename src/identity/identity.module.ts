import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffAccountsController } from './accounts/staff-accounts.controller';
import { StaffAccountsService } from './accounts/staff-accounts.service';
import { TwoFactorService } from './accounts/two-factor.service';
import { ApiClientEntity } from './clients/api-client.entity';
import { StaffOidcController } from './staff-oidc/staff-oidc.controller';
import { STAFF_OIDC_CLIENT, StaffOidcService } from './staff-oidc/staff-oidc.service';
import { ApiClientRepository } from './clients/api-client.repository';
import { ClientCredentialsController } from './clients/client-credentials.controller';
import { ClientCredentialsService } from './clients/client-credentials.service';
import { EID_CLIENT_SETTINGS } from './eid/eid-client-settings';
import { EidLoginController } from './eid/eid-login.controller';
import { EidLoginService } from './eid/eid-login.service';
import { EidLoginTransactionSealer } from './eid/eid-login-transaction';
import { EidOidcClient } from './eid/eid-oidc-client';
import { AccessGuard } from './guards/access.guard';
import { AccountStanding } from './guards/account-standing.service';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentitySeeder } from './identity-seeder.service';
import { StaffAccountEntity } from './staff/staff-account.entity';
import { StaffAccountRepository } from './staff/staff-account.repository';
import { StaffAuthController } from './staff/staff-auth.controller';
import { StaffAuthService } from './staff/staff-auth.service';
import { StaffLoginThrottleEntity } from './staff/staff-login-throttle.entity';
import { StaffLoginThrottleRepository } from './staff/staff-login-throttle.repository';
import { StaffRecoveryCodeEntity } from './staff/staff-recovery-code.entity';
import { StaffRecoveryCodeRepository } from './staff/staff-recovery-code.repository';
import { AccessTokenService } from './tokens/access-token.service';
import { SessionCookieService } from './tokens/session-cookie.service';
import { RevokedSessionEntity } from './tokens/revoked-session.entity';
import { SessionRevocationRepository } from './tokens/session-revocation.repository';

/**
 * Who is calling: citizen login with the national e-ID (OpenID Connect), staff login, portal client credentials,
 * our own access tokens and the global `AccessGuard` behind `@CitizenOnly()`, `@StaffOnly()`, `@ClientOnly()`.
 * Global, so feature modules only use the decorators (and may inject `AccessTokenService`).
 */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        TypeOrmModule.forFeature([
          StaffAccountEntity,
          ApiClientEntity,
          StaffLoginThrottleEntity,
          StaffRecoveryCodeEntity,
          RevokedSessionEntity,
        ]),
      ],
      controllers: [
        EidLoginController,
        StaffAuthController,
        ClientCredentialsController,
        StaffAccountsController,
        StaffOidcController,
      ],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: EID_CLIENT_SETTINGS, useValue: options.eid },
        AccessTokenService,
        SessionRevocationRepository,
        SessionCookieService,
        EidOidcClient,
        EidLoginTransactionSealer,
        EidLoginService,
        StaffAccountRepository,
        StaffAuthService,
        StaffLoginThrottleRepository,
        StaffRecoveryCodeRepository,
        StaffAccountsService,
        TwoFactorService,
        StaffOidcService,
        ...(options.staffOidc
          ? [
              {
                provide: STAFF_OIDC_CLIENT,
                useValue: new EidOidcClient({
                  issuer: options.staffOidc.issuer,
                  clientId: options.staffOidc.clientId,
                  clientSecret: options.staffOidc.clientSecret,
                  redirectUri: `${options.publicBaseUrl}/auth/staff/oidc/callback`,
                  scope: options.staffOidc.scope,
                  subjectClaim: options.staffOidc.employeeClaim,
                  label: 'staff identity provider',
                }),
              },
            ]
          : []),
        ApiClientRepository,
        ClientCredentialsService,
        IdentitySeeder,
        AccountStanding,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessTokenService, SessionCookieService],
    };
  }
}
