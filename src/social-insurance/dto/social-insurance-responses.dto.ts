import { ApiProperty } from '@nestjs/swagger';
import { SOCIAL_INSURANCE_EVENT_TYPES } from '../social-insurance-event';

/** Response bodies of the social-insurance routes, as documented in the OpenAPI document (docs/openapi.json). */

export class PaymentViewDto {
  @ApiProperty({ type: Number })
  month!: number;

  @ApiProperty({ type: String })
  from!: string;

  @ApiProperty({ type: String })
  to!: string;

  @ApiProperty({ type: Number })
  amount!: number;

  @ApiProperty({ enum: ['pending', 'paid', 'failed'] })
  status!: 'pending' | 'paid' | 'failed';

  @ApiProperty({ required: false, type: String })
  paidAt?: string;

  @ApiProperty({ required: false, type: String })
  failureReason?: string;
}

export class PaymentAccountDto {
  @ApiProperty({ enum: ['bank', 'cash'] })
  method!: 'bank' | 'cash';

  @ApiProperty({ required: false, type: String })
  bankCode?: string;

  @ApiProperty({ required: false, type: String })
  accountNumber?: string;

  @ApiProperty({ required: false, type: String })
  accountHolder?: string;
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
