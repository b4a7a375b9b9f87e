import { Controller, Get, Param, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createPublicKey } from 'node:crypto';
import { SigningIdentityProvider } from '../issuance/signing-identity.provider';
import { DecisionVerification, DocumentAccessService } from '../services/document-access.service';
import { publicKeyPem, verifyOfflinePayload } from '../verification/offline-payload';
import type { OfflineFacts } from '../verification/offline-payload';
import { Public } from '../../platform/http/access-policy';
import { DecisionVerificationDto, VerificationKeyDto } from './document-responses.dto';

/** The published key that checks the signed payload of QR codes offline (docs/verification.md). */
export interface VerificationKey {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  jwk: Record<string, unknown>;
}

/** The QR payload as checked against the record: the facts it carries and whether they are the record's. */
export interface OfflinePayloadCheck {
  signatureValid: boolean;
  /** Number, issue date and masked holder equal the record's. */
  matchesRecord: boolean;
  facts: OfflineFacts | null;
}

@ApiTags('public')
@Public()
@Controller('api/v1/public/decisions')
export class PublicDecisionsController {
  constructor(
    private readonly access: DocumentAccessService,
    private readonly signing: SigningIdentityProvider,
  ) {}

  @Get('verification-key')
  @ApiOkResponse({ type: VerificationKeyDto })
  @ApiOperation({ summary: 'The Ed25519 public key that checks the signed payload of QR codes offline' })
  async verificationKey(): Promise<VerificationKey> {
    const { payloadKey } = await this.signing.get();
    if (!payloadKey) return { algorithm: 'Ed25519', publicKeyPem: '', jwk: {} };
    const publicKey = createPublicKey(payloadKey);
    return { algorithm: 'Ed25519', publicKeyPem: publicKeyPem(publicKey), jwk: publicKey.export({ format: 'jwk' }) };
  }

  @Get(':verificationCode')
  @ApiOkResponse({ type: DecisionVerificationDto })
  @RouteConfig({ rateLimit: { max: 30, timeWindow: '1 minute' } })
  @ApiOperation({
    summary: 'Verify a signed document by the code under its QR code (public, rate limited); 404 when unknown',
  })
  @ApiQuery({ name: 'payload', required: false, description: 'The signed payload after "#" in the QR code' })
  async verify(
    @Param('verificationCode') code: string,
    @Query('payload') payload?: string,
  ): Promise<DecisionVerification & { offline?: OfflinePayloadCheck }> {
    const verification = await this.access.verify(code);
    if (typeof payload !== 'string' || payload === '') return verification;
    return { ...verification, offline: await this.checkPayload(verification, payload.slice(0, 2000)) };
  }

  private async checkPayload(record: DecisionVerification, payload: string): Promise<OfflinePayloadCheck> {
    const { payloadKey } = await this.signing.get();
    if (!payloadKey) return { signatureValid: false, matchesRecord: false, facts: null };
    const check = verifyOfflinePayload(payload, createPublicKey(payloadKey));
    if (!check.valid) return { signatureValid: false, matchesRecord: false, facts: null };
    const issuedOn = new Date(new Date(record.issuedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const matchesRecord =
      check.facts.number === (record.decisionNumber ?? '') &&
      check.facts.issuedOn === issuedOn &&
      check.facts.maskedHolder === record.holderName;
    return { signatureValid: true, matchesRecord, facts: check.facts };
  }
}
