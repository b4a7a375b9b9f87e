import { ApiProperty } from '@nestjs/swagger';
import { SIGNER_CAPACITIES, SignerCapacity } from '../domain/signers';

/** Response bodies of the centers and signers administration, as documented in the OpenAPI document. */

/** A public employment service center as administered, open or closed. */
export class AdministeredCenterDto {
  @ApiProperty({ type: String, example: 'DNA-TB' })
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

  @ApiProperty({ type: [String], description: 'Commune codes (xã/phường/đặc khu) the center serves.' })
  communes!: string[];

  @ApiProperty({ type: Boolean, description: 'false once closed.' })
  active!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601.' })
  closedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  closedReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The center that took over on closing.' })
  successorCode!: string | null;
}

export class AdministeredCenterListDto {
  @ApiProperty({ type: () => [AdministeredCenterDto], description: 'Open centers first.' })
  items!: AdministeredCenterDto[];
}

export class CenterMovesDto {
  @ApiProperty({ type: Number, description: 'Unfinished dossiers moved to the successor.' })
  dossiers!: number;

  @ApiProperty({ type: Number, description: 'Running benefits moved to the successor.' })
  benefits!: number;
}

export class CenterClosedDto {
  @ApiProperty({ type: () => AdministeredCenterDto, description: 'The closed center.' })
  center!: AdministeredCenterDto;

  @ApiProperty({ type: () => CenterMovesDto })
  moved!: CenterMovesDto;
}

/** A dated signer period, with the lines it prints on a document. */
export class SignerPeriodDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, example: 'department', description: '`department` (Sở Nội vụ) or a center code' })
  scope!: string;

  @ApiProperty({ enum: SIGNER_CAPACITIES, description: '`head`: GIÁM ĐỐC; `deputy`: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC' })
  capacity!: SignerCapacity;

  @ApiProperty({ type: String })
  fullName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The staff account of this person, if any.' })
  staffUsername!: string | null;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`, inclusive.' })
  validFrom!: string;

  @ApiProperty({ type: String, nullable: true, description: '`YYYY-MM-DD`, inclusive; null: until further notice.' })
  validTo!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Object-store key of the signature image, if stored.' })
  signatureImageKey!: string | null;

  @ApiProperty({ type: String, nullable: true })
  certificateRef!: string | null;

  @ApiProperty({ type: String, description: '`KT. GIÁM ĐỐC` for a deputy; empty for the head.' })
  onBehalfOf!: string;

  @ApiProperty({ type: String, example: 'PHÓ GIÁM ĐỐC' })
  title!: string;
}

export class SignerPeriodListItemDto extends SignerPeriodDto {
  @ApiProperty({ type: Boolean, description: 'The period covers today.' })
  inForce!: boolean;
}

export class SignerPeriodListDto {
  @ApiProperty({ type: String, description: '`YYYY-MM-DD`: the day `inForce` refers to.' })
  today!: string;

  @ApiProperty({ type: () => [SignerPeriodListItemDto], description: 'Latest first.' })
  items!: SignerPeriodListItemDto[];
}
