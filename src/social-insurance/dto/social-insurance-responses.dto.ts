import { ApiProperty } from '@nestjs/swagger';
import { BenefitMonthDto } from '../../benefits/dto/benefit-responses.dto';
import { PaymentAccountDto } from '../../dossiers/dto/dossier-responses.dto';
import { SOCIAL_INSURANCE_EVENT_TYPES } from '../social-insurance-event';

/** Response bodies of the social-insurance routes, as documented in the OpenAPI document (docs/openapi.json). */

export class PaymentViewDto extends BenefitMonthDto {
  @ApiProperty({ type: Number })
  amount!: number;

  @ApiProperty({ enum: ['pending', 'paid', 'failed'] })
  status!: 'pending' | 'paid' | 'failed';

  @ApiProperty({ required: false, type: String })
  paidAt?: string;

  @ApiProperty({ required: false, type: String })
  failureReason?: string;
}

export class PaymentAccountCorrectionDto {
  @ApiProperty({ type: () => PaymentAccountDto })
  paymentAccount!: PaymentAccountDto;

  @ApiProperty({ isArray: true, type: Number })
  retryMonths!: number[];

  @ApiProperty({ isArray: true, type: () => PaymentViewDto })
  payments!: PaymentViewDto[];
}

export class SocialInsuranceEventViewDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ nullable: true, type: String })
  personalId!: string | null;

  @ApiProperty({ type: String })
  eventId!: string;

  @ApiProperty({ enum: SOCIAL_INSURANCE_EVENT_TYPES })
  type!: string;

  @ApiProperty({ type: String })
  dossierCode!: string;

  @ApiProperty({ enum: ['pending', 'dead', 'held', 'done'] })
  status!: 'pending' | 'dead' | 'held' | 'done';

  @ApiProperty({ nullable: true, type: String })
  hold!: string | null;

  @ApiProperty({ type: Number })
  attempts!: number;

  @ApiProperty({ type: String })
  nextAttemptAt!: string;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ type: String })
  createdAt!: string;
}

export class SocialInsuranceEventPageDto {
  @ApiProperty({ isArray: true, type: () => SocialInsuranceEventViewDto })
  items!: SocialInsuranceEventViewDto[];
}
