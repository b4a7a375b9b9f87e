import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the portal routes, as documented in the OpenAPI document (docs/openapi.json). */

export class PortalDeliveryViewDto {
  @ApiProperty({ type: String })
  eventId!: string;

  @ApiProperty({ type: String })
  dossierId!: string;

  @ApiProperty({ type: String })
  dossierCode!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] })
  status!: 'pending' | 'delivered' | 'dead';

  @ApiProperty({ type: String, description: 'The dossier status this event reports.' })
  dossierStatus!: string;

  @ApiProperty({ type: Boolean, description: 'Held until the decision it reports is signed.' })
  awaitsDecision!: boolean;

  @ApiProperty({ type: Number })
  attempts!: number;

  @ApiProperty({ type: String })
  nextAttemptAt!: string;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ type: String })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  deliveredAt!: string | null;
}

export class PortalDeliveryPageDto {
  @ApiProperty({ isArray: true, type: () => PortalDeliveryViewDto })
  items!: PortalDeliveryViewDto[];
}
