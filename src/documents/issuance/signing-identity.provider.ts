import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { ensureDevelopmentSigners } from '../signing/development-credentials';
import type { DocumentSigners } from '../signing/pdf.signer';
import { openSigningIdentity } from '../signing/signing-identity';
import { loadPayloadKey } from '../verification/offline-payload';
import type { TimestampClient } from '../signing/timestamp-client';
import { HttpTimestampClient } from '../signing/timestamp-client';
import { HttpCrlSource, longTermValidation } from '../signing/long-term-validation';
import { openRemoteSigningIdentity, RemoteSigningClient } from '../signing/remote-signing';

/**
 * The issuing authority's signing identity, opened once per process: the PKCS#12 of SIGNING_P12_PATH /
 * SIGNING_P12_PASSWORD, or a development certificate generated under DATA_DIR/signing on first use.
 */
@Injectable()
export class SigningIdentityProvider {
  private readonly logger = new Logger('documents');
  private identity?: Promise<DocumentSigners>;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  get(): Promise<DocumentSigners> {
    if (!this.identity) {
      this.identity = this.open();
      this.identity.catch(() => (this.identity = undefined));
    }
    return this.identity;
  }

  /**
   * SIGNING_P12_PATH: the organisation's certificate; SIGNING_PERSONAL_P12_PATH (optional, same password
   * unless SIGNING_PERSONAL_P12_PASSWORD): the Director's, for the first signature of a decision.
   */
  private async open(): Promise<DocumentSigners> {
    const signers = await this.certificates();
    return {
      ...signers,
      timestamps: this.timestamps(),
      // B-LT: CRLs from the certificates' distribution points (LTV=off: baseline B-T only).
      longTermValidation:
        process.env.LTV === 'off' ? undefined : (signers.longTermValidation ?? longTermValidation(new HttpCrlSource())),
    };
  }

  /**
   * TSA_URL (RFC 3161 over HTTP; TSA_AUTHORIZATION is sent as the Authorization header when set). In sandbox
   * mode it defaults to the sandbox TSA of this process; TSA_URL=off signs without timestamps (PAdES B-B).
   */
  private timestamps(): TimestampClient | undefined {
    const { sandbox, selfUrl } = this.runtime;
    const configured = process.env.TSA_URL;
    if (configured === 'off') return undefined;
    const url =
      configured || (sandbox.registries || sandbox.eid || sandbox.portal ? `${selfUrl}/sandbox/tsa` : undefined);
    if (!url) {
      this.logger.warn('no TSA_URL: documents are signed without a timestamp (PAdES B-B)');
      return undefined;
    }
    return new HttpTimestampClient(url, { authorization: process.env.TSA_AUTHORIZATION });
  }

  private async certificates(): Promise<DocumentSigners> {
    const remote = process.env.REMOTE_SIGNING_URL;
    if (remote) {
      // Keys held by a remote signing service or an HSM gateway (signing/remote-signing.ts).
      const client = new RemoteSigningClient({
        baseUrl: remote,
        authorization: process.env.REMOTE_SIGNING_AUTHORIZATION,
      });
      const organisation = await openRemoteSigningIdentity(
        client,
        process.env.REMOTE_SIGNING_ORGANISATION_KEY_ID ?? 'organisation',
      );
      const personalKey = process.env.REMOTE_SIGNING_PERSONAL_KEY_ID;
      const personal = personalKey ? await openRemoteSigningIdentity(client, personalKey) : organisation;
      const payloadKey = await loadPayloadKey(this.runtime.config.dataDir, process.env.QR_SIGNING_KEY_PATH);
      return { personal, organisation, payloadKey };
    }
    const configured = this.runtime.config.signing;
    if (configured) {
      const organisation = openSigningIdentity({
        p12: await readFile(configured.p12Path),
        password: configured.password,
      });
      const personalPath = process.env.SIGNING_PERSONAL_P12_PATH;
      const personal = personalPath
        ? openSigningIdentity({
            p12: await readFile(personalPath),
            password: process.env.SIGNING_PERSONAL_P12_PASSWORD ?? configured.password,
          })
        : organisation;
      const payloadKey = await loadPayloadKey(this.runtime.config.dataDir, process.env.QR_SIGNING_KEY_PATH);
      return { personal, organisation, payloadKey };
    }
    const signers = await ensureDevelopmentSigners(
      this.runtime.config.dataDir,
      `${this.runtime.config.publicBaseUrl}/sandbox/pki`,
    );
    this.logger.warn('signing with the DEVELOPMENT official-use chain (set SIGNING_P12_PATH for real certificates)');
    return signers;
  }
}
