import { resolve } from 'node:path';
import { ConfigError } from './app-config';
import { documentSigningConfig } from './document-signing-config';

describe('documentSigningConfig', () => {
  it('defaults: no remote signing, sandbox-or-no TSA, LTV on, development images and fonts', () => {
    expect(documentSigningConfig({})).toEqual({
      personalP12: undefined,
      remote: undefined,
      tsa: { off: false, url: undefined, authorization: undefined },
      longTermValidation: true,
      qrSigningKeyPath: undefined,
      signatureImagePath: undefined,
      sealImagePath: undefined,
      fontsDir: undefined,
    });
  });

  it('reads a province configuration', () => {
    const config = documentSigningConfig({
      SIGNING_PERSONAL_P12_PATH: 'certs/director.p12',
      REMOTE_SIGNING_URL: 'https://ky-so.dongnai.gov.vn/api/',
      REMOTE_SIGNING_PERSONAL_KEY_ID: 'giam-doc',
      REMOTE_SIGNING_AUTHORIZATION: 'Bearer x',
      TSA_URL: 'https://tsa.example.vn/tsr',
      LTV: 'off',
      QR_SIGNING_KEY_PATH: 'keys/qr.pem',
      DOCUMENT_FONTS_DIR: '/opt/fonts',
    });
    expect(config.personalP12).toEqual({ path: resolve('certs/director.p12'), password: undefined });
    expect(config.remote).toEqual({
      url: 'https://ky-so.dongnai.gov.vn/api',
      organisationKeyId: 'organisation',
      personalKeyId: 'giam-doc',
      authorization: 'Bearer x',
    });
    expect(config.tsa).toEqual({ off: false, url: 'https://tsa.example.vn/tsr', authorization: undefined });
    expect(config.longTermValidation).toBe(false);
    expect(config.qrSigningKeyPath).toBe(resolve('keys/qr.pem'));
    expect(config.fontsDir).toBe('/opt/fonts');
    expect(documentSigningConfig({ TSA_URL: 'off' }).tsa).toEqual({
      off: true,
      url: undefined,
      authorization: undefined,
    });
  });

  it.each([
    [{ TSA_URL: 'ftp://tsa' }, 'TSA_URL'],
    [{ REMOTE_SIGNING_URL: 'not a url' }, 'REMOTE_SIGNING_URL'],
    [{ LTV: 'maybe' }, 'LTV'],
    [{ REMOTE_SIGNING_URL: 'https://x', REMOTE_SIGNING_PERSONAL_KEY_ID: 'a b' }, 'REMOTE_SIGNING_PERSONAL_KEY_ID'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => documentSigningConfig(env)).toThrow(ConfigError);
    expect(() => documentSigningConfig(env)).toThrow(variable);
  });
});
