import { ApiProperty } from '@nestjs/swagger';
import {
  CONTRACT_TYPES,
  ContractType,
  TERMINATION_REASONS,
  TerminationReason,
} from '../../eligibility/domain/assessment';
import { DOSSIER_STATUSES, DossierStatus } from '../domain/dossier-status';
import { InsuranceRecordDto, PopulationRecordDto } from '../../registries/registry-responses.dto';
import { AssessmentDto } from '../../eligibility/dto/eligibility-responses.dto';

/** Response bodies of the dossiers routes, as documented in the OpenAPI document (docs/openapi.json). */

export class StoredApplicationLastEmployerDto {
  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ required: false, type: String })
  taxCode?: string;

  @ApiProperty({ type: String })
  address!: string;
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

export class StoredApplicationDto {
  @ApiProperty({ type: String })
  terminationDate!: string;

  @ApiProperty({ enum: TERMINATION_REASONS })
  terminationReason!: TerminationReason;

  @ApiProperty({ enum: CONTRACT_TYPES })
  contractType!: ContractType;

  @ApiProperty({ type: () => StoredApplicationLastEmployerDto })
  lastEmployer!: StoredApplicationLastEmployerDto;

  @ApiProperty({ required: false, enum: ['I', 'II', 'III', 'IV'] })
  zone?: 'I' | 'II' | 'III' | 'IV';

  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ type: () => PaymentAccountDto })
  payment!: PaymentAccountDto;

  @ApiProperty({ type: String })
  phone!: string;

  @ApiProperty({ required: false, type: String })
  email?: string;

  @ApiProperty({ type: Boolean })
  declarationAccepted!: boolean;
}

export class CitizenDossierViewSupplementRequestDto {
  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ isArray: true, type: String })
  items!: string[];

  @ApiProperty({ type: String })
  requestedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  dueDate!: string | null;
}

export class CitizenDossierViewMissingDocumentsDto {
  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  label!: string;
}

export class DraftAttachmentDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  fileName!: string;

  @ApiProperty({ type: String })
  contentType!: string;

  @ApiProperty({ type: Number })
  size!: number;

  @ApiProperty({ type: String })
  uploadedAt!: string;
}

export class CitizenDossierViewAttachmentsDto extends DraftAttachmentDto {
  @ApiProperty({ type: String })
  sha256!: string;
}

export class CitizenDossierViewHistoryDto {
  @ApiProperty({ required: false, type: String })
  noteVisibility?: string;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ type: String })
  at!: string;

  @ApiProperty({ type: String })
  action!: string;

  @ApiProperty({ type: String })
  actionLabel!: string;

  @ApiProperty({ nullable: true, type: String })
  fromStatus!: string | null;

  @ApiProperty({ type: String })
  status!: string;

  @ApiProperty({ type: String })
  statusLabel!: string;

  @ApiProperty({ type: String })
  actorType!: string;

  @ApiProperty({ type: String })
  actorName!: string;

  @ApiProperty({
    required: false,
    isArray: true,
    type: String,
    description: 'Supplementation requests: the documents asked for.',
  })
  items?: string[];
}

export class DocumentSummaryDto {
  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ nullable: true, type: String })
  number!: string | null;

  @ApiProperty({ type: String })
  issuedAt!: string;

  @ApiProperty({ type: String })
  sha256!: string;

  @ApiProperty({ type: String })
  verificationCode!: string;

  @ApiProperty({ type: String })
  verifyUrl!: string;

  @ApiProperty({ type: String })
  downloadUrl!: string;
}

export class DecisionSummaryDto {
  @ApiProperty({ type: String })
  number!: string;

  @ApiProperty({ type: String })
  issuedAt!: string;

  @ApiProperty({ enum: ['approval', 'refusal'] })
  kind!: 'approval' | 'refusal';

  @ApiProperty({ type: String })
  sha256!: string;

  @ApiProperty({ type: String })
  verificationCode!: string;

  @ApiProperty({ type: String })
  verifyUrl!: string;

  @ApiProperty({
    enum: ['issued', 'revoked'],
    description: '`revoked` once the Director has revoked it (thu hồi); then when and why.',
  })
  status!: 'issued' | 'revoked';

  @ApiProperty({ nullable: true, type: String })
  revokedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  revocationReason!: string | null;
}

export class CitizenDossierViewDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  code!: string;

  @ApiProperty({ enum: DOSSIER_STATUSES })
  status!: DossierStatus;

  @ApiProperty({ type: String })
  statusLabel!: string;

  @ApiProperty({ type: Number })
  portalStatusCode!: number;

  @ApiProperty({ type: Number })
  version!: number;

  @ApiProperty({ enum: ['online', 'portal', 'counter', 'transfer'] })
  channel!: 'online' | 'portal' | 'counter' | 'transfer';

  @ApiProperty({ nullable: true, type: String })
  portalDossierCode!: string | null;

  @ApiProperty({ type: String })
  personalId!: string;

  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ type: () => PopulationRecordDto })
  applicant!: PopulationRecordDto;

  @ApiProperty({ type: () => StoredApplicationDto })
  application!: StoredApplicationDto;

  @ApiProperty({ nullable: true, type: () => AssessmentDto })
  assessment!: AssessmentDto | null;

  @ApiProperty({ type: String })
  filedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  receivedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  dueDate!: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedAt!: string | null;

  @ApiProperty({ type: Boolean })
  overdue!: boolean;

  @ApiProperty({ nullable: true, type: () => CitizenDossierViewSupplementRequestDto })
  supplementRequest!: CitizenDossierViewSupplementRequestDto | null;

  @ApiProperty({ nullable: true, type: String })
  decisionNote!: string | null;

  @ApiProperty({
    isArray: true,
    type: () => CitizenDossierViewMissingDocumentsDto,
    description:
      'Documents a complete dossier still lacks (before receipt): what the citizen should add, what staff ask for.',
  })
  missingDocuments!: CitizenDossierViewMissingDocumentsDto[];

  @ApiProperty({ isArray: true, type: () => CitizenDossierViewAttachmentsDto })
  attachments!: CitizenDossierViewAttachmentsDto[];

  @ApiProperty({ isArray: true, type: () => CitizenDossierViewHistoryDto })
  history!: CitizenDossierViewHistoryDto[];

  @ApiProperty({ isArray: true, type: () => DocumentSummaryDto })
  documents!: DocumentSummaryDto[];

  @ApiProperty({ nullable: true, type: () => DecisionSummaryDto })
  decision!: DecisionSummaryDto | null;
}

export class CitizenDossierListDto {
  @ApiProperty({ isArray: true, type: () => CitizenDossierViewDto })
  items!: CitizenDossierViewDto[];
}

export class AttachmentViewDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  fileName!: string;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] })
  contentType!: 'application/pdf' | 'image/jpeg' | 'image/png';

  @ApiProperty({ type: Number })
  size!: number;

  @ApiProperty({ type: String })
  sha256!: string;

  @ApiProperty({ type: String })
  uploadedAt!: string;
}

export class QueueItemDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  code!: string;

  @ApiProperty({ enum: DOSSIER_STATUSES })
  status!: DossierStatus;

  @ApiProperty({ type: String })
  statusLabel!: string;

  @ApiProperty({ type: String })
  fullName!: string;

  @ApiProperty({ type: String })
  personalId!: string;

  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ enum: ['online', 'portal', 'counter', 'transfer'] })
  channel!: 'online' | 'portal' | 'counter' | 'transfer';

  @ApiProperty({ type: String })
  filedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  dueDate!: string | null;

  @ApiProperty({ type: Boolean })
  overdue!: boolean;

  @ApiProperty({ type: Boolean })
  dueSoon!: boolean;

  @ApiProperty({ isArray: true, type: String })
  flags!: string[];

  @ApiProperty({ type: Number })
  version!: number;
}

export class QueuePageDto {
  @ApiProperty({ isArray: true, type: () => QueueItemDto })
  items!: QueueItemDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class QueueCountsDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  byStatus!: Record<string, unknown>;

  @ApiProperty({ type: Number })
  overdue!: number;

  @ApiProperty({ type: Number })
  dueSoon!: number;

  @ApiProperty({ type: Number })
  open!: number;
}

export class StaffDossierViewFlagsDto {
  @ApiProperty({ type: String })
  code!: string;

  @ApiProperty({ type: String })
  label!: string;
}

export class StaffDossierViewRegistryDto {
  @ApiProperty({ type: () => PopulationRecordDto })
  population!: PopulationRecordDto;

  @ApiProperty({ nullable: true, type: () => InsuranceRecordDto })
  insurance!: InsuranceRecordDto | null;
}

export class IssuanceSummaryDto {
  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ enum: ['pending', 'dead'] })
  status!: 'pending' | 'dead';

  @ApiProperty({ type: Number })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;
}

export class ReemploymentCheckMonthsDto {
  @ApiProperty({ type: String })
  month!: string;

  @ApiProperty({ required: false, type: String })
  employerName?: string;
}

export class ReemploymentCheckDto {
  @ApiProperty({ type: String })
  checkedAt!: string;

  @ApiProperty({ type: Boolean })
  contributedAfterTermination!: boolean;

  @ApiProperty({ isArray: true, type: () => ReemploymentCheckMonthsDto })
  months!: ReemploymentCheckMonthsDto[];
}

export class ReviewRecordDto {
  @ApiProperty({ enum: ['approve', 'deny'] })
  recommendation!: 'approve' | 'deny';

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ type: String })
  completedAt!: string;

  @ApiProperty({ type: String })
  by!: string;

  @ApiProperty({ type: () => ReemploymentCheckDto })
  reemployment!: ReemploymentCheckDto;
}

export class StaffDossierViewAllowedActionsDto {
  @ApiProperty({
    enum: [
      'receive',
      'request_supplement',
      'reject_intake',
      'supplement',
      'start_review',
      'complete_review',
      'propose',
      'return_to_review',
      'approve',
      'deny',
      'return_result',
      'withdraw',
      'suspend',
      'resume',
      'terminate',
    ],
  })
  action!:
    | 'receive'
    | 'request_supplement'
    | 'reject_intake'
    | 'supplement'
    | 'start_review'
    | 'complete_review'
    | 'propose'
    | 'return_to_review'
    | 'approve'
    | 'deny'
    | 'return_result'
    | 'withdraw'
    | 'suspend'
    | 'resume'
    | 'terminate';

  @ApiProperty({ type: String })
  label!: string;

  @ApiProperty({
    isArray: true,
    enum: ['items', 'note', 'reason', 'recommendation', 'overrideReason', 'terminationReason', 'effectiveDate'],
  })
  fields!: (
    'items' | 'note' | 'reason' | 'recommendation' | 'overrideReason' | 'terminationReason' | 'effectiveDate'
  )[];
}

export class StaffDossierViewDto extends CitizenDossierViewDto {
  @ApiProperty({ type: Boolean })
  dueSoon!: boolean;

  @ApiProperty({ isArray: true, type: () => StaffDossierViewFlagsDto })
  flags!: StaffDossierViewFlagsDto[];

  @ApiProperty({ type: () => StaffDossierViewRegistryDto })
  registry!: StaffDossierViewRegistryDto;

  @ApiProperty({
    isArray: true,
    type: () => IssuanceSummaryDto,
    description: 'Documents not issued yet; a `dead` one failed all its attempts and waits for a retry.',
  })
  issuance!: IssuanceSummaryDto[];

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  assessmentRecord!: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, type: () => ReviewRecordDto })
  review!: ReviewRecordDto | null;

  @ApiProperty({ isArray: true, type: () => StaffDossierViewAllowedActionsDto })
  allowedActions!: StaffDossierViewAllowedActionsDto[];

  @ApiProperty({
    type: Boolean,
    description: 'Revocation has its own form (a destructive step, shown only while a signed decision stands).',
  })
  canRevokeDecision!: boolean;
}

export class CenterDto {
  @ApiProperty({ type: String })
  code!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  provinceName!: string;

  @ApiProperty({ type: String })
  address!: string;

  @ApiProperty({ type: String })
  phone!: string;

  @ApiProperty({ type: String })
  hours!: string;

  @ApiProperty({ type: [String], description: 'The communes (wards) the center serves' })
  communes!: string[];
}

export class DraftViewDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String })
  updatedAt!: string | null;

  @ApiProperty({ isArray: true, type: () => DraftAttachmentDto })
  attachments!: DraftAttachmentDto[];

  @ApiProperty({
    isArray: true,
    type: String,
    description: 'Known once the contract type is: the kinds to attach, and which papers prove the termination.',
  })
  requiredDocuments!: string[];

  @ApiProperty({ isArray: true, type: String })
  terminationProofOptions!: string[];
}
