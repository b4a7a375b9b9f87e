import { ApiProperty } from '@nestjs/swagger';
import type { TransferStatus } from '../transfer.repository';

/** Response bodies of the transfer routes, as documented in the OpenAPI document (docs/openapi.json). */

const TRANSFER_STATUSES: TransferStatus[] = ['requested', 'approved', 'refused', 'accepted', 'rejected', 'cancelled'];

export class TransferProvinceDto {
  @ApiProperty({ type: String, example: '079', description: '3-digit province code.' })
  provinceCode!: string;

  @ApiProperty({ type: String, example: 'Thành phố Hồ Chí Minh' })
  name!: string;
}

/** A request to move a running benefit to another province, and where it stands. */
export class TransferRequestViewDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'Also the id of the package sent to the province.' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  dossierId!: string;

  @ApiProperty({ type: () => TransferProvinceDto, description: 'The receiving province.' })
  toProvince!: TransferProvinceDto;

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: String, description: "The citizen's address in the receiving province." })
  newAddress!: string;

  @ApiProperty({
    enum: TRANSFER_STATUSES,
    description:
      '`requested` (awaiting the paying center), `approved` (package sent), `refused` (by the paying center), ' +
      '`accepted` / `rejected` (by the receiving province), `cancelled`.',
  })
  status!: TransferStatus;

  @ApiProperty({ type: String, nullable: true })
  refusalReason!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The first benefit month the receiving province takes; set at approval.',
  })
  handOverFromMonth!: number | null;

  @ApiProperty({ type: String, description: 'ISO 8601.' })
  requestedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601.' })
  decidedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601; when the receiving province answered.' })
  completedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The dossier's code in the receiving province." })
  receivingDossierCode!: string | null;
}

/** A request awaiting the paying center, with what the staff page shows of its dossier. */
export class TransferPendingDto extends TransferRequestViewDto {
  @ApiProperty({ type: String, nullable: true, example: 'DNA-BH-2026-000123', description: "The dossier's code." })
  dossierCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The citizen's full name." })
  fullName!: string | null;
}

export class TransferJwkSetDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Public keys (JWK, ES256, with `kid`) that verify the packages this province signs.',
  })
  keys!: Record<string, unknown>[];
}

export class TransferPackageReceiptDto {
  @ApiProperty({ type: String, enum: ['accepted'] })
  status!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  packageId!: string;

  @ApiProperty({ type: String, description: 'The dossier opened here for the package.' })
  dossierCode!: string;
}
