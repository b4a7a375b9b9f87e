import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EligibilityModule } from '../../eligibility/eligibility.module';
import { SANDBOX_SOCIAL_INSURANCE_CLIENT } from '../clients/sandbox-social-insurance-client';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SandboxOfficeRepository } from './sandbox-office.repository';
import { SandboxSocialInsuranceController } from './sandbox-social-insurance.controller';
import { SandboxSocialInsuranceEventEntity } from './sandbox-social-insurance-event.entity';
import { SandboxSocialInsurancePaymentEntity } from './sandbox-social-insurance-payment.entity';
import {
  SANDBOX_OFFICE_OPTIONS,
  SANDBOX_OFFICE_OVERRIDES,
  SandboxOfficeOptions,
  SandboxSocialInsuranceOffice,
} from './sandbox-social-insurance.service';

/** The sandbox social insurance office (when `SOCIAL_INSURANCE_SYNC_URL` is unset). Sandbox mode only. */
@Module({})
export class SandboxSocialInsuranceModule {
  static forRoot(options: {
    client: { clientId: string; clientSecret: string };
    office?: Partial<SandboxOfficeOptions>;
  }): DynamicModule {
    return {
      module: SandboxSocialInsuranceModule,
      imports: [
        EligibilityModule,
        TypeOrmModule.forFeature([SandboxSocialInsuranceEventEntity, SandboxSocialInsurancePaymentEntity]),
      ],
      controllers: [SandboxSocialInsuranceController],
      providers: [
        SandboxHeaderInterceptor,
        SandboxSocialInsuranceOffice,
        SandboxOfficeRepository,
        { provide: SANDBOX_SOCIAL_INSURANCE_CLIENT, useValue: options.client },
        {
          provide: SANDBOX_OFFICE_OPTIONS,
          inject: [{ token: SANDBOX_OFFICE_OVERRIDES, optional: true }],
          useFactory: (overrides?: Partial<SandboxOfficeOptions>) => ({
            payIntervalMs: 5000,
            autoPay: true,
            ...options.office,
            ...overrides,
          }),
        },
      ],
      exports: [SandboxSocialInsuranceOffice],
    };
  }
}
