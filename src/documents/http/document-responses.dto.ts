import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the documents routes, as documented in the OpenAPI document (docs/openapi.json). */

export class VerificationKeyDto {
  @ApiProperty({ enum: ['Ed25519'] })
  algorithm!: 'Ed25519';

  @ApiProperty({ type: String })
  publicKeyPem!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  jwk!: Record<string, unknown>;
}

export class OfflineFactsDto {
  @ApiProperty({ type: String })
  number!: string;

  @ApiProperty({ type: String, description: 'YYYY-MM-DD, Vietnam time.' })
  issuedOn!: string;

  @ApiProperty({ type: String })
  maskedHolder!: string;

  @ApiProperty({ type: Number, description: 'Monthly benefit in VND; 0 for a document without an amount.' })
  amount!: number;

  @ApiProperty({ type: Number, description: 'Benefit months; 0 for a document without them.' })
  months!: number;

  @ApiProperty({ type: String, description: 'base64url SHA-256, see above.' })
  digest!: string;
}

export class OfflinePayloadCheckDto {
  @ApiProperty({ type: Boolean })
  signatureValid!: boolean;

  @ApiProperty({ type: Boolean, description: "Number, issue date and masked holder equal the record's." })
  matchesRecord!: boolean;

  @ApiProperty({ nullable: true, type: () => OfflineFactsDto })
  facts!: OfflineFactsDto | null;
}

export class DecisionVerificationDto {
  @ApiProperty({ type: Boolean })
  valid!: boolean;

  @ApiProperty({ nullable: true, type: String })
  decisionNumber!: string | null;

  @ApiProperty({ type: String })
  issuedAt!: string;

  @ApiProperty({ type: String })
  issuer!: string;

  @ApiProperty({ type: String })
  holderName!: string;

  @ApiProperty({ type: String })
  sha256!: string;

  @ApiProperty({ enum: ['issued', 'revoked'] })
  status!: 'issued' | 'revoked';

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Extensions: when it was revoked (null while valid), and which document the code belongs to.',
  })
  revokedAt!: string | null;

  @ApiProperty({ type: String })
  documentKind!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ required: false, type: () => OfflinePayloadCheckDto })
  offline?: OfflinePayloadCheckDto;
}
