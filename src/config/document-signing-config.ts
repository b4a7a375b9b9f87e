import { resolve } from 'node:path';
import { ConfigError } from './app-config';

/**
 * How documents are signed beyond the organisation's PKCS#12 (`SIGNING_P12_*` in app-config): the Director's
 * certificate, a remote signing service, the timestamp authority, long-term validation, the QR payload key,
 * the visible signature images and the document fonts (docs/documents.md, "What a province configures").
 */
export interface DocumentSigningConfig {
  /** `SIGNING_PERSONAL_P12_PATH` / `SIGNING_PERSONAL_P12_PASSWORD` (defaults to `SIGNING_P12_PASSWORD`). */
  personalP12?: { path: string; password?: string };
  /** `REMOTE_SIGNING_URL` and its key ids and `Authorization` header. */
  remote?: { url: string; organisationKeyId: string; personalKeyId?: string; authorization?: string };
  /** `TSA_URL` (`off`: no timestamps; unset: the sandbox TSA when sandboxes run) and `TSA_AUTHORIZATION`. */
  tsa: { url?: string; off: boolean; authorization?: string };
  /** `LTV`: `off` skips the document security store. */
  longTermValidation: boolean;
  /** `QR_SIGNING_KEY_PATH`: Ed25519 PKCS#8 PEM. */
  qrSigningKeyPath?: string;
  /** `SIGNATURE_IMAGE_PATH`, `SEAL_IMAGE_PATH`: transparent PNGs. */
  signatureImagePath?: string;
  sealImagePath?: string;
  /** `DOCUMENT_FONTS_DIR`. */
  fontsDir?: string;
}

type Env = Record<string, string | undefined>;

function httpUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be an http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ConfigError(name, 'must be an http(s) URL');
  return raw.replace(/\/+$/, '');
}

const path = (env: Env, name: string): string | undefined =>
  env[name]?.trim() ? resolve(env[name]!.trim()) : undefined;

function keyId(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name]?.trim() || fallback;
  if (raw !== undefined && !/^[\w.:-]{1,100}$/.test(raw))
    throw new ConfigError(name, 'must be 1-100 letters, digits, ".", ":", "_" or "-"');
  return raw;
}

export function documentSigningConfig(env: Env): DocumentSigningConfig {
  const personalPath = path(env, 'SIGNING_PERSONAL_P12_PATH');
  const remoteUrl = httpUrl(env, 'REMOTE_SIGNING_URL');
  const tsaRaw = env.TSA_URL?.trim();
  const ltv = env.LTV?.trim() || 'on';
  if (ltv !== 'on' && ltv !== 'off') throw new ConfigError('LTV', 'must be "on" or "off"');
  return {
    personalP12: personalPath ? { path: personalPath, password: env.SIGNING_PERSONAL_P12_PASSWORD } : undefined,
    remote: remoteUrl
      ? {
          url: remoteUrl,
          organisationKeyId: keyId(env, 'REMOTE_SIGNING_ORGANISATION_KEY_ID', 'organisation')!,
          personalKeyId: keyId(env, 'REMOTE_SIGNING_PERSONAL_KEY_ID'),
          authorization: env.REMOTE_SIGNING_AUTHORIZATION || undefined,
        }
      : undefined,
    tsa: {
      off: tsaRaw === 'off',
      url: tsaRaw === 'off' ? undefined : httpUrl(env, 'TSA_URL'),
      authorization: env.TSA_AUTHORIZATION || undefined,
    },
    longTermValidation: ltv === 'on',
    qrSigningKeyPath: path(env, 'QR_SIGNING_KEY_PATH'),
    signatureImagePath: path(env, 'SIGNATURE_IMAGE_PATH'),
    sealImagePath: path(env, 'SEAL_IMAGE_PATH'),
    fontsDir: path(env, 'DOCUMENT_FONTS_DIR'),
  };
}
