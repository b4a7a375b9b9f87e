import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { ensureDevelopmentSigningCredentials } from '../signing/development-credentials';
import { openSigningIdentity, SigningIdentity } from '../signing/signing-identity';

/**
 * The issuing authority's signing identity, opened once per process: the PKCS#12 of SIGNING_P12_PATH /
 * SIGNING_P12_PASSWORD, or a development certificate generated under DATA_DIR/signing on first use.
 */
@Injectable()
export class SigningIdentityProvider {
  private readonly logger = new Logger('documents');
  private identity?: Promise<SigningIdentity>;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  get(): Promise<SigningIdentity> {
    if (!this.identity) {
      this.identity = this.open();
      this.identity.catch(() => (this.identity = undefined));
    }
    return this.identity;
  }

  private async open(): Promise<SigningIdentity> {
    const configured = this.runtime.config.signing;
    if (configured)
      return openSigningIdentity({ p12: await readFile(configured.p12Path), password: configured.password });
    const dev = await ensureDevelopmentSigningCredentials(this.runtime.config.dataDir);
    this.logger.warn(`signing with the DEVELOPMENT certificate ${dev.p12Path} (set SIGNING_P12_PATH for a real one)`);
    return openSigningIdentity({ p12: await readFile(dev.p12Path), password: dev.password });
  }
}
