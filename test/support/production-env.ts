import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevelopmentSigningCredentials } from '../../src/documents/signing/development-credentials';
import { startEmbeddedS3 } from '../../src/platform/storage/embedded-s3';

/**
 * Everything `SANDBOX=off` requires, configured: the national systems on one local stub that answers `{}` to
 * everything, an S3 store, a signing certificate. The caller adds DATABASE_URL (startTestApp does).
 */
export async function productionEnv(): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tctn-production-'));
  const stub = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  const s3 = await startEmbeddedS3(join(dir, 'objects'));
  const signing = await ensureDevelopmentSigningCredentials(join(dir, 'signer'));
  return {
    env: {
      SANDBOX: 'off',
      EID_ISSUER: `${stubUrl}/eid`,
      EID_CLIENT_ID: 'tctn',
      EID_CLIENT_SECRET: 'eid-client-secret',
      POPULATION_REGISTRY_URL: `${stubUrl}/population`,
      INSURANCE_REGISTRY_URL: `${stubUrl}/insurance`,
      PORTAL_SYNC_URL: `${stubUrl}/portal`,
      PORTAL_CLIENTS: 'dvcqg:0123456789abcdef0123',
      SOCIAL_INSURANCE_SYNC_URL: `${stubUrl}/social-insurance`,
      SOCIAL_INSURANCE_CLIENTS: 'bhxh-dni:0123456789abcdef0123',
      // No mail is sent by the suites that use this; a relay that is not one would only fail and retry.
      SMTP_URL: `smtp://127.0.0.1:${(stub.address() as AddressInfo).port}`,
      SMS_GATEWAY_URL: `${stubUrl}/sms`,
      S3_ENDPOINT: s3.settings.endpoint,
      S3_ACCESS_KEY: s3.settings.accessKey,
      S3_SECRET_KEY: s3.settings.secretKey,
      S3_BUCKET: s3.settings.bucket,
      SIGNING_P12_PATH: signing.p12Path,
      SIGNING_P12_PASSWORD: signing.password,
    },
    stop: async () => {
      await s3.stop();
      await new Promise((r) => stub.close(r));
    },
  };
}
