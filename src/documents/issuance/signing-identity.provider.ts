import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { configureDocumentFonts } from '../rendering/pdf-fonts';
import { ensureDevelopmentSigners } from '../signing/development-credentials';
import { HttpCrlSource, longTermValidation } from '../signing/long-term-validation';
import type { DocumentSigners } from '../signing/pdf.signer';
import { openRemoteSigningIdentity, RemoteSigningClient } from '../signing/remote-signing';
import { openSigningIdentity } from '../signing/signing-identity';
import type { TimestampClient } from '../signing/timestamp-client';
import { HttpTimestampClient } from '../signing/timestamp-client';
import { loadPayloadKey } from '../verification/offline-payload';

/**
 * Who signs the documents, opened once per process (docs/documents.md, "Signatures"): the organisation's and
 * the Director's certificates (PKCS#12 files, or keys held by a remote signing service), the timestamp
 * authority, the long-term validation step, the QR payload key and the visible signature images. Without
 * SIGNING_P12_PATH / REMOTE_SIGNING_URL: a development official-use chain generated under DATA_DIR/signing.
 */
@Injectable()
export class SigningIdentityProvider {
  private readonly logger = new Logger('documents');
  private identity?: Promise<DocumentSigners>;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    configureDocumentFonts(runtime.config.documentSigning.fontsDir);
  }

  get(): Promise<DocumentSigners> {
    if (!this.identity) {
      this.identity = this.open();
      this.identity.catch(() => (this.identity = undefined));
    }
    return this.identity;
  }

  private async open(): Promise<DocumentSigners> {
    const settings = this.runtime.config.documentSigning;
    const signers = await this.certificates();
    return {
      ...signers,
      payloadKey: await loadPayloadKey(this.runtime.config.dataDir, settings.qrSigningKeyPath),
      timestamps: this.timestamps(),
      // B-LT: CRLs from the certificates' distribution points (LTV=off: baseline B-T only).
      longTermValidation: settings.longTermValidation
        ? (signers.longTermValidation ?? longTermValidation(new HttpCrlSource()))
        : undefined,
      images: { signaturePath: settings.signatureImagePath, sealPath: settings.sealImagePath },
    };
  }

  /** TSA_URL; in sandbox mode the sandbox TSA of this process by default; TSA_URL=off: no timestamps. */
  private timestamps(): TimestampClient | undefined {
    const { sandbox, selfUrl } = this.runtime;
    const { tsa } = this.runtime.config.documentSigning;
    if (tsa.off) return undefined;
    const url = tsa.url ?? (sandbox.registries || sandbox.eid || sandbox.portal ? `${selfUrl}/sandbox/tsa` : undefined);
    if (!url) {
      this.logger.warn('no TSA_URL: documents are signed without a timestamp (PAdES B-B)');
      return undefined;
    }
    return new HttpTimestampClient(url, { authorization: tsa.authorization });
  }

  private async certificates(): Promise<DocumentSigners> {
    const { remote, personalP12 } = this.runtime.config.documentSigning;
    if (remote) {
      // Keys held by a remote signing service or an HSM gateway (signing/remote-signing.ts).
      const client = new RemoteSigningClient({ baseUrl: remote.url, authorization: remote.authorization });
      const organisation = await openRemoteSigningIdentity(client, remote.organisationKeyId);
      const personal = remote.personalKeyId
        ? await openRemoteSigningIdentity(client, remote.personalKeyId)
        : organisation;
      return { personal, organisation };
    }
    const configured = this.runtime.config.signing;
    if (configured) {
      const organisation = openSigningIdentity({
        p12: await readFile(configured.p12Path),
        password: configured.password,
      });
      const personal = personalP12
        ? openSigningIdentity({
            p12: await readFile(personalP12.path),
            password: personalP12.password ?? configured.password,
          })
        : organisation;
      return { personal, organisation };
    }
    const signers = await ensureDevelopmentSigners(
      this.runtime.config.dataDir,
      `${this.runtime.config.publicBaseUrl}/sandbox/pki`,
    );
    this.logger.warn('signing with the DEVELOPMENT official-use chain (set SIGNING_P12_PATH for real certificates)');
    return signers;
  }
}
