import { Signer } from '@signpdf/utils';
import { buildCadesSignedData } from './cades-signed-data.builder';
import type { SigningIdentity } from './signing-identity';
import type { TimestampClient } from './timestamp-client';

/**
 * A @signpdf Signer producing a PAdES (ETSI.CAdES.detached) CMS. Like @signpdf's own signers it is meant
 * for one document: create a new one per signature.
 */
export class CadesSigner extends Signer {
  private used = false;

  constructor(
    private readonly identity: SigningIdentity,
    private readonly clock: () => Date = () => new Date(),
    private readonly timestamps?: TimestampClient,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    return this.signRanges(pdfBuffer, signingTime);
  }

  /** `sign` over the signed byte ranges of a PDF given apart (they are hashed in order, not joined). */
  async signRanges(content: Buffer | readonly Buffer[], signingTime?: Date): Promise<Buffer> {
    if (this.used) throw new Error('CadesSigner signs one document; create a new signer per document');
    this.used = true;
    const timestamps = this.timestamps;
    return buildCadesSignedData({
      content,
      signingTime: signingTime ?? this.clock(),
      privateKey: this.identity.privateKey,
      sign: this.identity.sign,
      certificates: this.identity.certificates,
      // PAdES B-T: a timestamp over the signature value, as the unsigned attribute signatureTimeStampToken.
      timestamp: timestamps ? (signatureValue) => timestamps.timestamp(signatureValue) : undefined,
    });
  }
}
