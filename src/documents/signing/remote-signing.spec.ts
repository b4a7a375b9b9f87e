import { constants, privateEncrypt } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueSignedDocument } from '../issue-signed-document';
import { runTool } from '../../../test/support/debian-tools';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../../../test/support/sample-documents.fixture';
import { DEVELOPMENT_DIRECTOR, DEVELOPMENT_ORGANISATION, ensureDevelopmentSigners } from './development-credentials';
import { openRemoteSigningIdentity, REMOTE_SIGNING_ALGORITHM, RemoteSigningClient } from './remote-signing';
import type { SigningIdentity } from './signing-identity';

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

describe('remote signing adapter (signing service / HSM over HTTP)', () => {
  let dir: string;
  let server: Server;
  let baseUrl: string;
  const requests: { path: string; body: Record<string, unknown> | null; authorization?: string }[] = [];
  let failSigning = false;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'documents-remote-'));
    const signers = await ensureDevelopmentSigners(join(dir, 'data'));
    const keys: Record<string, SigningIdentity> = { director: signers.personal, org: signers.organisation };
    // A stand-in for the provincial signing service: holds the keys, signs digests.
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = chunks.length
          ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
          : null;
        requests.push({ path: request.url ?? '', body, authorization: request.headers.authorization });
        const match = /^\/api\/keys\/([^/]+)\/(certificates|sign)$/.exec(request.url ?? '');
        const identity = match ? keys[decodeURIComponent(match[1])] : undefined;
        if (!match || !identity) return response.writeHead(404).end();
        if (match[2] === 'certificates') {
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.end(JSON.stringify({ certificates: identity.certificates.map((c) => c.toString('base64')) }));
        }
        if (failSigning) return response.writeHead(503).end();
        const digest = Buffer.from(String(body?.digest), 'base64');
        const signature = privateEncrypt(
          { key: identity.privateKey!, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, digest]),
        );
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ signature: signature.toString('base64') }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a decision with keys that stay in the service; only SHA-256 digests are sent', async () => {
    const client = new RemoteSigningClient({ baseUrl, authorization: 'Bearer test-token' });
    const personal = await openRemoteSigningIdentity(client, 'director');
    const organisation = await openRemoteSigningIdentity(client, 'org');
    expect(personal.privateKey).toBeUndefined();
    const { pdf } = await issueSignedDocument(
      'decision-approval',
      SAMPLE_DOCUMENTS['decision-approval'],
      SAMPLE_ISSUER,
      {
        personal,
        organisation,
      },
    );
    const path = join(dir, 'remote.pdf');
    writeFileSync(path, pdf);
    const result = await runTool('pdfsig', [path]);
    expect(result.stdout.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(result.stdout).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_DIRECTOR.commonName}`);
    expect(result.stdout).toContain(`Signer Certificate Common Name: ${DEVELOPMENT_ORGANISATION.commonName}`);
    const signCalls = requests.filter((request) => request.path.endsWith('/sign'));
    expect(signCalls.map((call) => call.path)).toEqual(['/api/keys/director/sign', '/api/keys/org/sign']);
    for (const call of signCalls) {
      expect(call.body?.algorithm).toBe(REMOTE_SIGNING_ALGORITHM);
      expect(Buffer.from(String(call.body?.digest), 'base64')).toHaveLength(32);
      expect(call.authorization).toBe('Bearer test-token');
    }
  });

  it('fails the issuance with a clear error when the service refuses to sign', async () => {
    const client = new RemoteSigningClient({ baseUrl });
    const organisation = await openRemoteSigningIdentity(client, 'org');
    failSigning = true;
    try {
      await expect(
        issueSignedDocument('receipt', SAMPLE_DOCUMENTS.receipt, SAMPLE_ISSUER, { organisation }),
      ).rejects.toThrow('Remote signing keys/org/sign answered 503');
    } finally {
      failSigning = false;
    }
  });

  it('refuses an unknown key at start-up (no certificates)', async () => {
    await expect(openRemoteSigningIdentity(new RemoteSigningClient({ baseUrl }), 'nobody')).rejects.toThrow(
      /answered 404/,
    );
  });
});
