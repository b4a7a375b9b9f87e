import { resolve } from 'node:path';
import { documentSigningConfig } from './document-signing-config';
import type { DocumentSigningConfig } from './document-signing-config';

/**
 * The one place that reads process.env. With `SANDBOX=on` (the default outside the Docker image) every variable is
 * optional: unset means the embedded default or the national system's sandbox (see README, "Configuration"). With
 * `SANDBOX=off` every variable of `REQUIRED_WITHOUT_SANDBOX` must be set. Validation fails fast and names the variable.
 */
export interface AppConfig {
  /** `SANDBOX`: `on` serves each unconfigured national system by its sandbox; `off` loads no sandbox at all. */
  sandbox: boolean;
  port: number;
  host: string;
  publicBaseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * `DATABASE_MIGRATION_URL`: the schema owner, used only to run migrations; `DATABASE_URL` is then the application's
   * least-privileged role (a member of `tctn_app`). Unset: migrations run with `DATABASE_URL`.
   */
  databaseMigrationUrl?: string;
  /**
   * `DATABASE_REPLICA_URLS`: comma-separated streaming replicas of DATABASE_URL (same role) for the reads that
   * tolerate lag (reports, queues; src/platform/database/read-replica.ts). Empty: every read on the primary.
   */
  databaseReplicaUrls: string[];
  /** `AUDIT_CHECKPOINT_SECONDS`: how often the signed head of the audit chain is recorded. */
  auditCheckpointSeconds: number;
  s3?: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  eid?: { issuer: string; clientId: string; clientSecret: string };
  /** `EID_SUBJECT_CLAIM`: the ID-token claim holding the 12-digit personal ID (default `sub`). */
  eidSubjectClaim: string;
  /** `EID_SCOPE`: scopes asked of the e-ID provider (default `openid profile`). */
  eidScope: string;
  populationRegistryUrl?: string;
  insuranceRegistryUrl?: string;
  portalSyncUrl?: string;
  signing?: { p12Path: string; password: string };
  logLevel: string;
  /** Portal client credentials accepted by POST /api/v1/auth/clients/token, as `id:secret` pairs. */
  portalClients?: { clientId: string; clientSecret: string }[];
  registryTimeoutMs: number;
  /** `REQUEST_TIMEOUT_MS`: time to receive a whole request (headers and body); a slower client gets 408. */
  requestTimeoutMs: number;
  portalMaxAttempts: number;
  rateLimitPerMinute: number;
  /** `ATTACHMENTS_PER_DOSSIER`, `ATTACHMENT_MB_PER_DOSSIER`: quotas of the citizen's uploads to one dossier. */
  attachmentQuota: { count: number; bytes: number };
  /** Honour X-Forwarded-For only behind a trusted reverse proxy (rate limits key on the client address). */
  trustProxy: boolean;
  /** National procedure code on Cổng DVCQG (docs/domain.md §1). */
  procedureCode: string;
  /** Who issues the signed documents (docs/domain.md §1: configurable per deployment); Đồng Nai sandbox defaults. */
  issuer: IssuerConfig;
  /**
   * The help line in the site footer of pages that know no center (logged out): `HELP_LINE_NAME`, `HELP_LINE_PHONE`,
   * `HELP_LINE_HOURS`, under the department's name (`ISSUER_AUTHORITY_FULL_NAME`). A dossier page shows its center.
   */
  helpLine: { department: string; name: string; phone: string; hours: string };
  /**
   * `METRICS_TOKEN`: the bearer token Prometheus sends to `/metrics`. Unset: `/metrics` is open in sandbox mode and
   * absent (404) with `SANDBOX=off`.
   */
  metricsToken?: string;
  /** `DOCUMENT_WORKER`: `off` stops the issuance worker of this process (tests; a web-only instance). */
  documentWorker: boolean;
  /**
   * `HTTP_COMPRESSION`: `off` sends every response uncompressed (a reverse proxy in front compresses instead).
   * Default `on`: brotli or gzip for text answers (pages, scripts, styles, JSON) of a client that accepts it.
   */
  httpCompression: boolean;
  /** Director's certificate, remote signing, TSA, LTV, QR key, signature images, fonts. */
  documentSigning: DocumentSigningConfig;
  /** `SOCIAL_INSURANCE_SYNC_URL`: where decisions and benefit changes go to the provincial social insurance office. */
  socialInsuranceSyncUrl?: string;
  /** `SOCIAL_INSURANCE_CLIENTS`: the office's client credentials (`id:secret` pairs) for reporting payments. */
  socialInsuranceClients?: { clientId: string; clientSecret: string }[];
  /** `SOCIAL_INSURANCE_MAX_ATTEMPTS`: attempts to send one event to the office before it is a dead letter. */
  socialInsuranceMaxAttempts: number;
  /** `SMTP_URL`: `smtp://` or `smtps://` (user and password in the URL) of the mail relay. */
  smtpUrl?: string;
  /** `MAIL_FROM`: sender of the citizens' e-mails. */
  mailFrom: string;
  /** `SMS_GATEWAY_URL`: the SMS gateway (POST JSON, see docs/notifications.md). */
  smsGatewayUrl?: string;
  /** `SMS_UNACCENTED`: `true` sends SMS without diacritics (GSM-7, 160 characters a segment) unless a citizen chose otherwise. */
  smsUnaccented: boolean;
  /** `ADMIN_ALERT_EMAILS`: comma-separated addresses of the administrators who receive integration-health alerts. */
  adminAlertEmails: string[];
  /**
   * `STAFF_TWO_FACTOR_ROLES`: comma-separated staff roles that must sign in with a second factor besides `director`
   * and `admin`, which always must (e.g. `center_head,reviewer`). Default: none besides those two.
   */
  staffTwoFactorRoles: ('receiver' | 'reviewer' | 'center_head' | 'director' | 'admin')[];
  /**
   * `STAFF_OIDC_ISSUER`, `STAFF_OIDC_CLIENT_ID`, `STAFF_OIDC_CLIENT_SECRET`: the province's identity provider for
   * staff sign-in (optional; all three or none). `STAFF_OIDC_EMPLOYEE_CLAIM`: the ID-token claim holding the employee
   * number (default `employee_number`); accounts are matched on it, else on a verified `email`. `STAFF_OIDC_SCOPE`
   * (default `openid profile email`).
   */
  staffOidc?: { issuer: string; clientId: string; clientSecret: string; employeeClaim: string; scope: string };
  /** Benefit transfers between provinces (docs/transfer.md). */
  transfers: TransferConfig;
}

/** Benefit transfers between provinces: who the peers are and how this province speaks to them. */
export interface TransferConfig {
  /** `PROVINCE_CODE`: this province's 3-digit code (personal-ID style, e.g. `075` Đồng Nai). */
  provinceCode: string;
  /** `PEER_PROVINCES`: `provinceCode=url,...`, the other provinces' systems; empty: transfers unavailable. */
  peers: { provinceCode: string; url: string }[];
  /** `PEER_CLIENT_ID`, `PEER_CLIENT_SECRET`: this province's client credentials at every peer. */
  client?: { clientId: string; clientSecret: string };
  /** `PEER_CLIENTS`: `id:secret` pairs peers present to us; unset: the federation's shared `PEER_CLIENT_ID` pair. */
  incomingClients: { clientId: string; clientSecret: string }[];
  /** `TRANSFER_SIGNING_KEY_PATH`: PKCS#8 PEM (P-256) signing the packages; unset: generated under `DATA_DIR`. */
  signingKeyPath?: string;
}

export interface IssuerConfig {
  /** `ISSUER_PARENT_AUTHORITY`, e.g. "UBND TỈNH ĐỒNG NAI". */
  parentAuthority: string;
  /** `ISSUER_AUTHORITY`, header line, e.g. "SỞ NỘI VỤ". */
  authority: string;
  /** `ISSUER_AUTHORITY_FULL_NAME`, e.g. "Sở Nội vụ tỉnh Đồng Nai". */
  authorityFullName: string;
  /** `ISSUER_SYMBOL`, e.g. "SNV" in "12/QĐ-SNV". */
  symbol: string;
  /** `ISSUER_PLACE`, e.g. "Đồng Nai". */
  place: string;
  /** `ISSUER_SIGNER_TITLE`, e.g. "GIÁM ĐỐC". */
  signerTitle: string;
  /** `ISSUER_SIGNER_NAME`. */
  signerName: string;
  /**
   * `ISSUER_COMPETENCE_BASIS`: the decision's "Căn cứ" line on the Director's competence (the provincial act on the
   * department's functions). Default: a generic line naming the province and the authority.
   */
  competenceBasis: string;
  /** `ISSUER_SIGNER_ON_BEHALF_OF`, e.g. "KT. GIÁM ĐỐC" (optional). */
  signerOnBehalfOf?: string;
  /** `ISSUER_CENTER_SYMBOL`: symbol of the employment service centers on intake documents, e.g. "TTDVVL". */
  centerSymbol: string;
  /** `ISSUER_CENTER_HEADER`: header line of intake documents, e.g. "TRUNG TÂM DỊCH VỤ VIỆC LÀM". */
  centerHeader: string;
  /** `SOCIAL_INSURANCE_OFFICE`: the paying office named in the decision. */
  socialInsuranceOffice: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/**
 * What a deployment without sandboxes must configure: every national system, the database, the object store and the
 * signing certificate. One line per system; a new national system is one more line here.
 */
export const REQUIRED_WITHOUT_SANDBOX: readonly { readonly system: string; readonly variables: readonly string[] }[] = [
  { system: 'national e-ID (VNeID)', variables: ['EID_ISSUER', 'EID_CLIENT_ID', 'EID_CLIENT_SECRET'] },
  { system: 'population registry', variables: ['POPULATION_REGISTRY_URL'] },
  { system: 'social-insurance registry', variables: ['INSURANCE_REGISTRY_URL'] },
  { system: 'national portal (outgoing status changes)', variables: ['PORTAL_SYNC_URL'] },
  { system: 'national portal (incoming client credentials)', variables: ['PORTAL_CLIENTS'] },
  {
    system: 'provincial social insurance office (decisions out, payments in)',
    variables: ['SOCIAL_INSURANCE_SYNC_URL', 'SOCIAL_INSURANCE_CLIENTS'],
  },
  { system: 'e-mail relay (SMTP)', variables: ['SMTP_URL'] },
  { system: 'SMS gateway', variables: ['SMS_GATEWAY_URL'] },
  { system: 'PostgreSQL', variables: ['DATABASE_URL', 'DATABASE_MIGRATION_URL'] },
  { system: 'object store', variables: ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'] },
  { system: 'signing certificate', variables: ['SIGNING_P12_PATH', 'SIGNING_P12_PASSWORD'] },
];

/** `SANDBOX=off` with variables of REQUIRED_WITHOUT_SANDBOX unset: names every one of them, not only the first. */
export class MissingConfigError extends ConfigError {
  constructor(readonly missing: readonly string[]) {
    super(
      'SANDBOX',
      `is off, so every national system, the database, the object store and the signing certificate must be ` +
        `configured; missing: ${missing.join(', ')}`,
    );
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const sandbox = oneOf(env, 'SANDBOX', ['on', 'off'], 'on') === 'on';
  if (!sandbox) {
    const missing = REQUIRED_WITHOUT_SANDBOX.flatMap((s) => s.variables).filter((name) => !env[name]);
    if (missing.length > 0) throw new MissingConfigError(missing);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || './data');
  const publicBaseUrl = (url(env, 'PUBLIC_BASE_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    sandbox,
    port,
    host: env.HOST || '0.0.0.0',
    publicBaseUrl,
    dataDir,
    databaseUrl,
    databaseMigrationUrl: url(env, 'DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']),
    databaseReplicaUrls: replicaUrls(env, databaseUrl),
    auditCheckpointSeconds: integer(env, 'AUDIT_CHECKPOINT_SECONDS', 300, 5, 86400),
    s3: group(
      env,
      ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'],
      ([endpoint, accessKey, secretKey, bucket]) => {
        url(env, 'S3_ENDPOINT');
        if (bucket.length < 3) throw new ConfigError('S3_BUCKET', 'must have at least 3 characters');
        return { endpoint, accessKey, secretKey, bucket };
      },
    ),
    eid: group(env, ['EID_ISSUER', 'EID_CLIENT_ID', 'EID_CLIENT_SECRET'], ([issuer, clientId, clientSecret]) => {
      url(env, 'EID_ISSUER');
      return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret };
    }),
    eidSubjectClaim: pattern(env, 'EID_SUBJECT_CLAIM', /^[A-Za-z_][\w.:-]{0,99}$/, 'sub'),
    eidScope: pattern(env, 'EID_SCOPE', /^openid( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'openid profile'),
    populationRegistryUrl: url(env, 'POPULATION_REGISTRY_URL'),
    insuranceRegistryUrl: url(env, 'INSURANCE_REGISTRY_URL'),
    portalSyncUrl: url(env, 'PORTAL_SYNC_URL'),
    signing: group(env, ['SIGNING_P12_PATH', 'SIGNING_P12_PASSWORD'], ([p12Path, password]) => ({
      p12Path: resolve(p12Path),
      password,
    })),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    portalClients: portalClients(env),
    registryTimeoutMs: integer(env, 'REGISTRY_TIMEOUT_MS', 3000, 100, 60000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 60000, 1000, 600000),
    portalMaxAttempts: integer(env, 'PORTAL_MAX_ATTEMPTS', 12, 1, 1000),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 120, 1, 1000000),
    attachmentQuota: {
      count: integer(env, 'ATTACHMENTS_PER_DOSSIER', 20, 1, 1000),
      bytes: integer(env, 'ATTACHMENT_MB_PER_DOSSIER', 50, 1, 10000) * 1024 * 1024,
    },
    procedureCode: env.PROCEDURE_CODE || '1.001978',
    trustProxy: oneOf(env, 'TRUST_PROXY', ['true', 'false'], 'false') === 'true',
    issuer: issuerConfig(env),
    helpLine: helpLineConfig(env),
    documentWorker: oneOf(env, 'DOCUMENT_WORKER', ['on', 'off'], 'on') === 'on',
    httpCompression: oneOf(env, 'HTTP_COMPRESSION', ['on', 'off'], 'on') === 'on',
    metricsToken: metricsToken(env),
    documentSigning: documentSigningConfig(env),
    socialInsuranceSyncUrl: url(env, 'SOCIAL_INSURANCE_SYNC_URL'),
    socialInsuranceClients: clientPairs(env, 'SOCIAL_INSURANCE_CLIENTS'),
    socialInsuranceMaxAttempts: integer(env, 'SOCIAL_INSURANCE_MAX_ATTEMPTS', 20, 1, 1000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL'),
    smsUnaccented: oneOf(env, 'SMS_UNACCENTED', ['true', 'false'], 'false') === 'true',
    adminAlertEmails: adminAlertEmails(env),
    staffTwoFactorRoles: staffTwoFactorRoles(env),
    staffOidc: group(
      env,
      ['STAFF_OIDC_ISSUER', 'STAFF_OIDC_CLIENT_ID', 'STAFF_OIDC_CLIENT_SECRET'],
      ([issuer, clientId, clientSecret]) => {
        url(env, 'STAFF_OIDC_ISSUER');
        return {
          issuer: issuer.replace(/\/+$/, ''),
          clientId,
          clientSecret,
          employeeClaim: pattern(env, 'STAFF_OIDC_EMPLOYEE_CLAIM', /^[A-Za-z_][\w.:-]{0,99}$/, 'employee_number'),
          scope: pattern(env, 'STAFF_OIDC_SCOPE', /^openid( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'openid profile email'),
        };
      },
    ),
    transfers: transferConfig(env, sandbox),
  };
}

function transferConfig(env: Env, sandbox: boolean): TransferConfig {
  const provinceCode = pattern(env, 'PROVINCE_CODE', /^\d{3}$/, '075');
  const peers = (env.PEER_PROVINCES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('=');
      const code = entry.slice(0, at);
      const raw = entry.slice(at + 1);
      if (at < 0 || !/^\d{3}$/.test(code))
        throw new ConfigError('PEER_PROVINCES', 'must be a comma-separated list of provinceCode=url (code: 3 digits)');
      if (code === provinceCode) throw new ConfigError('PEER_PROVINCES', `lists this province (${code}) itself`);
      url({ PEER_PROVINCES: raw }, 'PEER_PROVINCES');
      return { provinceCode: code, url: raw.replace(/\/+$/, '') };
    });
  if (new Set(peers.map((p) => p.provinceCode)).size !== peers.length)
    throw new ConfigError('PEER_PROVINCES', 'lists a province twice');
  const client = group(env, ['PEER_CLIENT_ID', 'PEER_CLIENT_SECRET'], ([clientId, clientSecret]) => {
    if (clientSecret.length < 16) throw new ConfigError('PEER_CLIENT_SECRET', 'must have at least 16 characters');
    return { clientId, clientSecret };
  });
  if (peers.length && !client)
    throw new ConfigError('PEER_CLIENT_ID', 'and PEER_CLIENT_SECRET must be set together with PEER_PROVINCES');
  const signingKeyPath = env.TRANSFER_SIGNING_KEY_PATH ? resolve(env.TRANSFER_SIGNING_KEY_PATH) : undefined;
  if (!sandbox && peers.length && !signingKeyPath)
    throw new ConfigError('TRANSFER_SIGNING_KEY_PATH', 'must be set with PEER_PROVINCES when SANDBOX is off');
  return {
    provinceCode,
    peers,
    ...(client ? { client } : {}),
    incomingClients: clientPairs(env, 'PEER_CLIENTS') ?? (client ? [client] : []),
    ...(signingKeyPath ? { signingKeyPath } : {}),
  };
}

function staffTwoFactorRoles(env: Env): AppConfig['staffTwoFactorRoles'] {
  const roles = ['receiver', 'reviewer', 'center_head', 'director', 'admin'] as const;
  const listed = (env.STAFF_TWO_FACTOR_ROLES ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const role of listed)
    if (!(roles as readonly string[]).includes(role))
      throw new ConfigError('STAFF_TWO_FACTOR_ROLES', `has an unknown role "${role}" (known: ${roles.join(', ')})`);
  return [...new Set(['director', 'admin', ...listed])] as AppConfig['staffTwoFactorRoles'];
}

function mailFrom(env: Env): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return 'Dịch vụ việc làm <no-reply@dichvuvieclam.invalid>';
  if (raw.length > 200 || /[\r\n]/.test(raw))
    throw new ConfigError('MAIL_FROM', 'must be one line of at most 200 characters');
  return raw.normalize('NFC');
}

function helpLineConfig(env: Env): AppConfig['helpLine'] {
  const text = (name: string, fallback: string): string => {
    const raw = env[name]?.trim().normalize('NFC');
    if (raw === undefined || raw === '') return fallback;
    if (raw.length > 200) throw new ConfigError(name, 'must be at most 200 characters');
    return raw;
  };
  return {
    department: text('ISSUER_AUTHORITY_FULL_NAME', 'Sở Nội vụ tỉnh Đồng Nai'),
    name: text('HELP_LINE_NAME', 'Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia'),
    phone: text('HELP_LINE_PHONE', '18001096'),
    hours: text('HELP_LINE_HOURS', 'Thứ Hai đến Thứ Sáu, 7 giờ 30 đến 17 giờ'),
  };
}

function issuerConfig(env: Env): IssuerConfig {
  const text = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (raw.length > 200) throw new ConfigError(name, 'must be at most 200 characters');
    return raw.normalize('NFC');
  };
  const symbol = text('ISSUER_SYMBOL', 'SNV');
  if (!/^[\p{Lu}0-9]{1,20}$/u.test(symbol))
    throw new ConfigError('ISSUER_SYMBOL', 'must be 1-20 capital letters or digits');
  const centerSymbol = text('ISSUER_CENTER_SYMBOL', 'TTDVVL');
  if (!/^[\p{Lu}0-9]{1,20}$/u.test(centerSymbol)) {
    throw new ConfigError('ISSUER_CENTER_SYMBOL', 'must be 1-20 capital letters or digits');
  }
  const onBehalf = text('ISSUER_SIGNER_ON_BEHALF_OF', '');
  const authorityFullName = text('ISSUER_AUTHORITY_FULL_NAME', 'Sở Nội vụ tỉnh Đồng Nai');
  const place = text('ISSUER_PLACE', 'Đồng Nai');
  return {
    parentAuthority: text('ISSUER_PARENT_AUTHORITY', 'UBND TỈNH ĐỒNG NAI'),
    authority: text('ISSUER_AUTHORITY', 'SỞ NỘI VỤ'),
    authorityFullName,
    symbol,
    place,
    competenceBasis: text(
      'ISSUER_COMPETENCE_BASIS',
      `Căn cứ Quyết định của Ủy ban nhân dân tỉnh ${place} quy định chức năng, nhiệm vụ của ${authorityFullName};`,
    ),
    signerTitle: text('ISSUER_SIGNER_TITLE', 'GIÁM ĐỐC'),
    signerName: text('ISSUER_SIGNER_NAME', 'Trần Đức Hải'),
    ...(onBehalf ? { signerOnBehalfOf: onBehalf } : {}),
    centerSymbol,
    centerHeader: text('ISSUER_CENTER_HEADER', 'TRUNG TÂM DỊCH VỤ VIỆC LÀM'),
    socialInsuranceOffice: text('SOCIAL_INSURANCE_OFFICE', 'Bảo hiểm xã hội tỉnh Đồng Nai'),
  };
}

/** Which embedded stand-ins the configuration leaves in use; logged at start and shown in /health/ready. */
export function embeddedDefaults(config: AppConfig): string[] {
  const used: string[] = [];
  if (!config.databaseUrl) used.push('PostgreSQL (embedded)');
  if (!config.s3) used.push('object store (embedded S3)');
  if (!config.eid) used.push('e-ID provider (SANDBOX)');
  if (!config.populationRegistryUrl) used.push('population registry (SANDBOX)');
  if (!config.insuranceRegistryUrl) used.push('social-insurance registry (SANDBOX)');
  if (!config.portalSyncUrl) used.push('national portal receiver (SANDBOX)');
  if (!config.socialInsuranceSyncUrl) used.push('social insurance office (SANDBOX)');
  if (!config.smtpUrl) used.push('mail relay (SANDBOX mailbox)');
  if (!config.smsGatewayUrl) used.push('SMS gateway (SANDBOX)');
  if (!config.signing) used.push('signing certificate (development)');
  return used;
}

/** Masks secrets (passwords in URLs, keys) before a value is logged. */
export function maskSecrets(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]+@/g, '$1***@');
}

function url(env: Env, name: string, protocols = ['http:', 'https:']): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  return raw;
}

function replicaUrls(env: Env, primary: string | undefined): string[] {
  const name = 'DATABASE_REPLICA_URLS';
  const urls = (env[name] ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length && !primary) throw new ConfigError(name, 'needs DATABASE_URL: replicas follow a primary');
  return urls.map((raw, i) => url({ [`${name}[${i}]`]: raw }, `${name}[${i}]`, ['postgres:', 'postgresql:'])!);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, 'must be a whole number');
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}`);
  return value;
}

function pattern(env: Env, name: string, shape: RegExp, fallback: string): string {
  const raw = env[name];
  if (!raw) return fallback;
  if (!shape.test(raw)) throw new ConfigError(name, `has an invalid value`);
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: T[], fallback: T): T {
  const raw = env[name];
  if (!raw) return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

/** Variables that only make sense together: all set, or all unset. */
function group<T>(env: Env, names: string[], build: (values: string[]) => T): T | undefined {
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return undefined;
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new ConfigError(missing[0], `must be set together with ${set.join(', ')}`);
  return build(names.map((n) => env[n]!));
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (!raw) return undefined;
  if (!/^[\x21-\x7e]{32,512}$/.test(raw))
    throw new ConfigError('METRICS_TOKEN', 'must be 32 to 512 printable characters without spaces');
  return raw;
}

function portalClients(env: Env): { clientId: string; clientSecret: string }[] | undefined {
  return clientPairs(env, 'PORTAL_CLIENTS');
}

function clientPairs(env: Env, name: string): { clientId: string; clientSecret: string }[] | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  return raw.split(',').map((pair) => {
    const [clientId, clientSecret] = pair.split(':');
    if (!clientId || !clientSecret || clientSecret.length < 16) {
      throw new ConfigError(name, 'must be a comma-separated list of id:secret (secret 16+ characters)');
    }
    return { clientId, clientSecret };
  });
}

function adminAlertEmails(env: Env): string[] {
  const raw = env.ADMIN_ALERT_EMAILS?.trim();
  if (!raw) return [];
  const list = raw.split(',').map((a) => a.trim());
  if (list.length > 20 || list.some((a) => !/^[^\s@,]{1,64}@[^\s@,]{1,190}$/.test(a)))
    throw new ConfigError('ADMIN_ALERT_EMAILS', 'must be up to 20 comma-separated e-mail addresses');
  return list;
}
