import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { offlineDigest, signOfflinePayload, verifyOfflinePayload } from './offline-payload';
import type { OfflineFacts } from './offline-payload';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const holder = { fullName: 'Nguyễn Thị Ánh Tuyết', personalId: '075190012345' };
const base = { number: '01/QĐ-SNV', issuedOn: '2026-11-26', amount: 5_520_000, months: 3 };
const facts: OfflineFacts = { ...base, maskedHolder: 'Nguyễn T** Á** T****', digest: offlineDigest(base, holder) };

describe('offline QR payload', () => {
  it('verifies with the issuer public key and returns the key facts', () => {
    const payload = signOfflinePayload(facts, privateKey);
    const check = verifyOfflinePayload(`https://dvc.example.vn/verify/ABC#${payload}`, publicKey);
    expect(check).toEqual({ valid: true, facts });
  });

  it('computes the digest as documented: SHA-256 of number|date|full name|personal id|amount|months', () => {
    const expected = createHash('sha256')
      .update('01/QĐ-SNV|2026-11-26|Nguyễn Thị Ánh Tuyết|075190012345|5520000|3', 'utf8')
      .digest('base64url');
    expect(facts.digest).toBe(expected);
  });

  it('fails with another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyOfflinePayload(signOfflinePayload(facts, privateKey), other)).toEqual({
      valid: false,
      reason: 'bad-signature',
    });
  });

  it('fails for any single changed byte of the signed facts or of the signature', () => {
    const payload = signOfflinePayload(facts, privateKey);
    const [, text, signature] = /^v1\.([^.]+)\.([^.]+)$/.exec(payload) ?? [];
    const bytes = [Buffer.from(text, 'base64url'), Buffer.from(signature, 'base64url')];
    fc.assert(
      fc.property(fc.nat(1), fc.nat(10_000), fc.integer({ min: 1, max: 255 }), (part, position, flip) => {
        const copy = bytes.map((item) => Buffer.from(item));
        copy[part][position % copy[part].length] ^= flip;
        const tampered = `v1.${copy[0].toString('base64url')}.${copy[1].toString('base64url')}`;
        expect(verifyOfflinePayload(tampered, createPublicKey(privateKey)).valid).toBe(false);
      }),
    );
  });

  it('rejects malformed payloads without throwing', () => {
    for (const bad of ['', 'v2.abc.def', 'v1.abc', 'https://x/verify/ABC', 'v1.!!.??'])
      expect(verifyOfflinePayload(bad, publicKey).valid).toBe(false);
  });
});
