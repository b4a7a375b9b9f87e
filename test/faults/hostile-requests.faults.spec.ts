import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { citizenBearer, staffBearer } from '../support/tokens';
import { registeredRoutes, DEFAULT_BODY_LIMIT_BYTES } from '../../src/platform/http/route-limits';
import { waitFor } from '../e2e/portal.support';

/**
 * 10 000 hostile requests (fast-check) across every write route of the running application (every POST, PUT, PATCH
 * and DELETE the router holds, sandbox routes included: a new route is covered without editing this file), with
 * valid, wrong-role and invalid credentials: random JSON of every shape, wrong types in otherwise valid bodies, huge
 * and exotic strings, control characters, prototype-pollution keys, malformed JSON, wrong content types, multipart
 * junk, random ids. None may answer 5xx, every 4xx is problem+json, no write route answers 2xx unless it is listed as
 * harmless (`mayAccept`), and no business row changes (see `snapshot`).
 *
 * Reproduce a run with HOSTILE_SEED=<seed printed on failure>; HOSTILE_REQUESTS sets the count.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
const COUNT = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const CONCURRENCY = 16;
/** Bodies over the smallest route limit get a connection of their own (the server may answer before reading them). */
const BODY_LIMIT = DEFAULT_BODY_LIMIT_BYTES;
const HEADER_LIMIT = 16 * 1024;
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The sandbox e-ID provider is a third-party OpenID Connect provider (oidc-provider), mounted only in sandbox mode:
 * its error answers are its own (OAuth JSON, HTML pages), not our problem+json. It must still never answer 5xx.
 */
const OWN_ERROR_FORMAT = /^\/sandbox\/eid(\/|$)/;

interface Spec {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** A 2xx is acceptable (stateless or read-only endpoints). */
  mayAccept?: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Rows that hostile requests may legitimately change, left out of the comparison: a failed login counts towards the
 * lock-out of that username and source (`staff_login_throttle`), and a logout ends its session (`revoked_session`);
 * that is them doing their job. The sandbox portal receiver stores any JSON object it is sent (`sandbox_portal_event`):
 * it stands in for the national portal and is not part of a production deployment.
 */
const EXCLUDED_TABLES = [
  'staff_login_throttle',
  'revoked_session',
  'sandbox_portal_event',
  // The sandbox office, SMS gateway and mailbox record what they are sent, like the portal sandbox.
  'sandbox_social_insurance_event',
  'sandbox_social_insurance_payment',
  'sandbox_sms',
  'sandbox_mail',
  // The sandbox clock moves when told to (PUT /sandbox/clock with a valid date): a demonstration tool, not data.
  'sandbox_clock',
  // Every call to a national system is timed for the integration-health page, whatever the request that caused it.
  'integration_call',
];

async function snapshot(db: Client): Promise<Record<string, string>> {
  const { rows: tables } = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (EXCLUDED_TABLES.includes(name)) continue;
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(to_jsonb(t)::text), '' ORDER BY md5(to_jsonb(t)::text)), '')) AS h
       FROM "${name}" t`,
    );
    out[name] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const EXOTIC = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '𝕏𝔂𝔃',
  'Nguyễn Thị Ánh Tuyết',
  'Nguye\u0302\u0303n',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../../etc/passwd',
  '%00',
  '${jndi:ldap://x/a}',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-1',
  '0',
  '__proto__',
  'constructor',
  'prototype',
  '2026-02-30',
  '9999-99-99',
  '075190000001',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...EXOTIC) },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 20_000 }).map((n) => 'Ắ'.repeat(n)) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}) },
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Objects whose keys are junk (never a field of the DTO), sometimes prototype-pollution keys. */
function junkObject(allowed: string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = fc
    .oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...PROTO_KEYS))
    .filter((k) => !allowed.includes(k));
  return fc.dictionary(key, hostileValue, { minKeys: 1, maxKeys: 6 });
}

/** A valid body with one required field given a value of the wrong type (so the body is always invalid). */
function wrongTyped(valid: Record<string, unknown>, required: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.constantFrom(...required), hostileValue).map(([field, value]) => {
    const original = valid[field];
    let replacement = value;
    // Never the same type as the original: a string for a string field could be valid.
    if (typeof original === typeof replacement && !(original === null || Array.isArray(original))) {
      replacement = typeof original === 'string' ? [replacement] : String(replacement);
    }
    if (field === 'declarationAccepted' && replacement === true) replacement = 'true';
    // `null` means "not given" to an optional field (withdraw's expectedVersion): not a wrong type there.
    if (replacement === null) replacement = [null];
    return { ...valid, [field]: replacement };
  });
}

/** JSON texts that are not valid JSON, or valid JSON that must be refused before anything looks at it. */
function malformed(valid: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(valid);
  return fc.oneof(
    fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)),
    fc.constantFrom(
      "{'a': 1}",
      '{"a": 1,}',
      '{"a": NaN}',
      '{"a": undefined}',
      '\uFEFF{"a":1}',
      'nul',
      '{"a":1}{"b":2}',
      '"\\ud800"',
      '{"__proto__": {"polluted": "yes"}}',
      '{"a": {"constructor": {"prototype": {"polluted": "yes"}}}}',
      `${text.slice(0, -1)},"__proto__":{"isAdmin":true}}`,
      `${text.slice(0, -1)},"constructor":{"prototype":{"polluted":"yes"}}}`,
    ),
    fc.integer({ min: 33, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 33, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    fc.integer({ min: 1_050_000, max: 1_200_000 }).map((n) => `{"a":"${'x'.repeat(n)}"}`),
  );
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/jsonx',
  'application/json; charset=utf-16',
  'image/png',
  'multipart/form-data',
  'multipart/form-data; boundary=',
];

/** The body of a JSON endpoint: hostile in one of many ways, never a valid request. */
function jsonBody(valid: Record<string, unknown>, required: string[], allowed: string[]) {
  const contentTypes = WRONG_CONTENT_TYPES;
  const typed = required.length ? wrongTyped(valid, required) : junkObject(allowed);
  return fc.oneof(
    { weight: 4, arbitrary: typed.map((v) => ({ ct: 'application/json', body: JSON.stringify(v) })) },
    { weight: 2, arbitrary: junkObject(allowed).map((v) => ({ ct: 'application/json', body: JSON.stringify(v) })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(null))
        .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
        .map((v) => ({ ct: 'application/json', body: JSON.stringify(v) })),
    },
    { weight: 2, arbitrary: malformed(valid).map((body) => ({ ct: 'application/json', body })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...contentTypes, ''),
          fc.oneof(
            junkObject(allowed).map((v) => JSON.stringify(v)),
            fc.constantFrom('a=1&b=2', '<x/>'),
          ),
        )
        .map(([ct, body]) => ({ ct, body })),
    },
  );
}

/** Multipart bodies with junk parts: never a valid upload (the file bytes are no PDF, JPEG or PNG). */
const multipartBody = fc
  .record({
    boundary: fc.constantFrom('xYz0123', '----b', 'a'.repeat(70)),
    kind: fc.oneof(hostileString, fc.constantFrom('termination_proof', 'other', 'id_card')),
    fieldName: fc.constantFrom('file', 'files', 'kind', 'FILE', ''),
    filename: fc.oneof(hostileString, fc.constantFrom('a.pdf', '../../x.pdf', 'x.png', 'ảnh.jpg', 'a'.repeat(300))),
    partType: fc.constantFrom(
      'application/pdf',
      'image/png',
      'image/jpeg',
      'text/html',
      'application/x-msdownload',
      '',
    ),
    content: fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.concat([Buffer.from('X'), Buffer.from(a)])),
    withKind: fc.boolean(),
    truncated: fc.boolean(),
    extraFields: fc.nat({ max: 15 }),
  })
  .map((m) => {
    const crlf = '\r\n';
    const parts: Buffer[] = [];
    if (m.withKind) {
      parts.push(
        Buffer.from(`--${m.boundary}${crlf}Content-Disposition: form-data; name="kind"${crlf}${crlf}${m.kind}${crlf}`),
      );
    }
    for (let i = 0; i < m.extraFields; i++) {
      parts.push(
        Buffer.from(`--${m.boundary}${crlf}Content-Disposition: form-data; name="f${i}"${crlf}${crlf}v${crlf}`),
      );
    }
    const disposition = `form-data; name="${m.fieldName}"; filename="${m.filename.replace(/["\r\n]/g, '')}"`;
    parts.push(
      Buffer.from(
        `--${m.boundary}${crlf}Content-Disposition: ${disposition}${crlf}` +
          (m.partType ? `Content-Type: ${m.partType}${crlf}` : '') +
          crlf,
      ),
      m.content,
      Buffer.from(m.truncated ? '' : `${crlf}--${m.boundary}--${crlf}`),
    );
    return { ct: `multipart/form-data; boundary=${m.boundary}`, body: Buffer.concat(parts) };
  });

const pathId = (real: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.uuid().map(String) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length < 200).map((s) => encodeURIComponent(s) || 'x') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('..%2F..%2Fadmin', '%00', '0', '-1', 'null', '1%20OR%201=1', 'a'.repeat(500)),
    },
  );

const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', 'x'.repeat(2000), '../../', '%00', 'null'),
);

// ---------------------------------------------------------------------------------------------------------------

describe('10 000 hostile requests against every write endpoint', () => {
  let t: TestApp;
  let db: Client;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', TRUST_PROXY: 'true' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    agent.destroy();
    await db?.end();
    await t?.close();
  });

  // Also a path parameter longer than the router takes (maxParamLength 200): refused with 414 before the body is read.
  const oversized = (spec: Spec) =>
    (spec.body?.length ?? 0) > BODY_LIMIT ||
    spec.path.length > HEADER_LIMIT / 2 ||
    spec.path
      .split('?')[0]
      .split('/')
      .some((segment) => segment.length > 200);

  function send(spec: Spec): Promise<Answer> {
    // The server closes the connection of a request it refuses unread: such requests get a connection of their own,
    // so that the keep-alive connections the others share are not cut under them.
    const own = oversized(spec);
    const headers = own ? { ...spec.headers, connection: 'close' } : spec.headers;
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${t.baseUrl}${spec.path}`,
        { method: spec.method, headers, agent: own ? false : agent, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
      req.on('error', reject);
      req.end(spec.body);
    });
  }

  it('never answers 5xx, answers every 4xx with problem+json, and changes no row', async () => {
    // Fixtures: a filed dossier of citizen A, one of citizen C, citizen B without any.
    const [a, b, c] = residents('eligible');
    const tokenA = await citizenBearer(t, a.personalId);
    const tokenB = await citizenBearer(t, b.personalId);
    const tokenC = await citizenBearer(t, c.personalId);
    const file = async (token: string, person: typeof a) => {
      const res = await fetch(`${t.baseUrl}/api/v1/dossiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(applicationFor(person)),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const dossierA = await file(tokenA, a);
    const dossierC = await file(tokenC, c);
    const staff = {
      receiver: await staffBearer(t, 'tiepnhan.bh', 'receiver', 'DNA-BH'),
      reviewer: await staffBearer(t, 'thamdinh.bh', 'reviewer', 'DNA-BH'),
      head: await staffBearer(t, 'truongtt.bh', 'center_head', 'DNA-BH'),
      director: await staffBearer(t, 'giamdoc.snv', 'director', null),
      admin: await staffBearer(t, 'quantri', 'admin', null),
      otherCenter: await staffBearer(t, 'tiepnhan.dx', 'receiver', 'DNA-DX'),
    };
    const [client] = (await (await fetch(`${t.baseUrl}/sandbox/clients`)).json()) as {
      clientId: string;
      clientSecret: string;
    }[];
    const portalRes = await fetch(`${t.baseUrl}/api/v1/auth/clients/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(client),
    });
    const portal = ((await portalRes.json()) as { accessToken: string }).accessToken;
    const tampered = tokenA.slice(0, -3) + (tokenA.endsWith('AAA') ? 'BBB' : 'AAA');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: a.personalId, role: 'admin', exp: 9999999999 }),
    ).toString('base64url')}.`;
    const bearer = (valid: string[]) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...valid).map((v) => `Bearer ${v}`) },
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            `Bearer ${tokenB}`,
            `Bearer ${staff.otherCenter}`,
            `Bearer ${portal}`,
            `Bearer ${staff.admin}`,
            `Bearer ${tampered}`,
            `Bearer ${unsigned}`,
            'Bearer ',
            'Basic YWRtaW46YWRtaW4=',
            `bearer ${tokenA}`,
            'Bearer ' + 'x'.repeat(5000),
          ),
        },
        { weight: 1, arbitrary: fc.constant('') },
      );
    // Let the portal worker deliver the SUBMITTED events first: background work is not what we compare.
    await waitFor(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM job WHERE queue = 'portal.deliver' AND status <> 'done'`))
          .rows[0].n,
      (n) => n === 0,
      20_000,
      'portal events delivered',
    );
    const { rows: events } = await db.query(`SELECT dedupe_key AS id FROM job WHERE queue = 'portal.deliver' LIMIT 1`);

    const application = applicationFor(b) as Record<string, unknown>;
    const appRequired = [
      'terminationDate',
      'terminationReason',
      'contractType',
      'lastEmployer',
      'centerCode',
      'payment',
      'phone',
      'declarationAccepted',
    ];
    const appAllowed = [...appRequired, 'zone', 'email'];
    const counter = { personalId: b.personalId, application };
    const portalFiling = {
      ...counter,
      portalDossierCode: 'DVCQG-2026-000001',
      submittedAt: '2026-11-02T08:00:00+07:00',
    };
    const calculator = {
      terminationDate: '2026-10-15',
      filingDate: '2026-10-20',
      terminationReason: 'contract_expired',
      contractType: 'fixed_term',
      salaryRegime: 'employer',
      zone: 'I',
      contributions: [{ month: '2025-10', salary: 9_000_000 }],
    };
    const ids = [dossierA, dossierC];
    const xff = fc.ipV4();

    const json = (
      label: string,
      path: fc.Arbitrary<string>,
      tokens: fc.Arbitrary<string>,
      body: fc.Arbitrary<{ ct: string; body: string }>,
      mayAccept = false,
      method = label.split(' ')[0],
    ): fc.Arbitrary<Spec> =>
      fc.record({ path, auth: tokens, body, idem: headerValue, ip: xff, withIdem: fc.boolean() }).map((r) => ({
        label,
        method,
        path: r.path,
        headers: {
          ...(r.body.ct ? { 'content-type': r.body.ct } : {}),
          ...(r.auth ? { authorization: r.auth } : {}),
          ...(r.withIdem ? { 'idempotency-key': r.idem } : {}),
          'x-forwarded-for': r.ip,
        },
        body: r.body.body,
        mayAccept,
      }));

    const citizenTokens = bearer([tokenA, tokenB]);
    const throwaway = await Promise.all(
      residents('eligible')
        .slice(3, 13)
        .map((p) => citizenBearer(t, p.personalId)),
    );
    const allTokens = bearer([tokenA, tokenB, ...Object.values(staff), portal]);
    /** Write routes with a hand-made valid body to corrupt (labels are the routes, `METHOD /path/:param`). */
    const handmade: fc.Arbitrary<Spec>[] = [
      json(
        'POST /api/v1/dossiers',
        fc.constant('/api/v1/dossiers'),
        citizenTokens,
        jsonBody(application, appRequired, appAllowed),
      ),
      json(
        'POST /api/v1/dossiers/:id/supplement',
        pathId(ids).map((id) => `/api/v1/dossiers/${id}/supplement`),
        citizenTokens,
        jsonBody({ expectedVersion: 1, note: 'x' }, ['expectedVersion'], ['expectedVersion', 'note']),
      ),
      json(
        'POST /api/v1/dossiers/:id/withdraw',
        pathId(ids).map((id) => `/api/v1/dossiers/${id}/withdraw`),
        citizenTokens,
        jsonBody({ expectedVersion: 1, note: 'x' }, ['expectedVersion'], ['expectedVersion', 'note']),
      ),
      json(
        'POST /api/v1/staff/dossiers',
        fc.constant('/api/v1/staff/dossiers'),
        bearer([staff.receiver]),
        fc.oneof(
          jsonBody(counter, ['personalId', 'application'], ['personalId', 'application']),
          wrongTyped(application, appRequired).map((app) => ({
            ct: 'application/json',
            body: JSON.stringify({ ...counter, application: app }),
          })),
        ),
      ),
      json(
        'POST /api/v1/staff/dossiers/:id/actions',
        pathId(ids).map((id) => `/api/v1/staff/dossiers/${id}/actions`),
        bearer([staff.receiver, staff.reviewer, staff.head, staff.director]),
        jsonBody(
          { action: 'receive', expectedVersion: 1 },
          ['action', 'expectedVersion'],
          ['action', 'expectedVersion', 'note', 'items', 'reason', 'recommendation'],
        ),
      ),
      json(
        'POST /api/v1/portal/dossiers',
        fc.constant('/api/v1/portal/dossiers'),
        bearer([portal]),
        fc.oneof(
          jsonBody(
            portalFiling,
            ['personalId', 'application', 'portalDossierCode', 'submittedAt'],
            ['personalId', 'application', 'portalDossierCode', 'submittedAt'],
          ),
          wrongTyped(application, appRequired).map((app) => ({
            ct: 'application/json',
            body: JSON.stringify({ ...portalFiling, application: app }),
          })),
        ),
      ),
      // Stateless: a hostile body that happens to be valid may be answered 200; nothing is stored either way.
      json(
        'POST /api/v1/eligibility/assessments',
        fc.constant('/api/v1/eligibility/assessments'),
        fc.constant(''),
        jsonBody(calculator, Object.keys(calculator), [...Object.keys(calculator), 'priorReservedMonths']),
        true,
      ),
      json(
        'POST /api/v1/auth/staff/login',
        fc.constant('/api/v1/auth/staff/login'),
        fc.constant(''),
        fc.oneof(
          jsonBody({ username: 'tiepnhan.bh', password: 'x' }, ['username', 'password'], ['username', 'password']),
          fc
            .record({
              username: fc.constantFrom('tiepnhan.bh', 'quantri', 'giamdoc.snv', 'nobody'),
              password: hostileString,
            })
            .map((v) => ({ ct: 'application/json', body: JSON.stringify(v) })),
        ),
      ),
      json(
        'POST /api/v1/auth/clients/token',
        fc.constant('/api/v1/auth/clients/token'),
        fc.constant(''),
        fc.oneof(
          jsonBody(
            { clientId: client.clientId, clientSecret: 'x' },
            ['clientId', 'clientSecret'],
            ['clientId', 'clientSecret'],
          ),
          hostileString.map((s) => ({
            ct: 'application/json',
            body: JSON.stringify({ clientId: client.clientId, clientSecret: s }),
          })),
        ),
      ),
      json(
        'POST /api/v1/admin/portal/deliveries/:eventId/replay',
        fc
          .oneof(fc.constantFrom(...events.map((e) => e.id)), pathId([randomUUID()]))
          .map((id) => `/api/v1/admin/portal/deliveries/${id}/replay`),
        bearer([staff.admin]),
        fc.oneof(jsonBody({}, [], []), fc.constant({ ct: '', body: '' })),
      ),
      // Read-only: a hostile body that happens to be a valid search may be answered 200.
      json(
        'POST /api/v1/staff/dossiers/search',
        fc.constant('/api/v1/staff/dossiers/search'),
        bearer([staff.receiver, staff.director, staff.admin]),
        jsonBody(
          { q: 'Nguyễn', limit: '10' },
          [],
          ['status', 'overdue', 'dueSoon', 'q', 'cursor', 'limit', 'centerCode'],
        ),
        true,
      ),
    ];
    handmade.push(
      fc.record({ auth: bearer([staff.admin]), status: hostileString, limit: hostileString }).map((r) => ({
        label: 'GET /api/v1/admin/portal/deliveries',
        method: 'GET' as const,
        path: `/api/v1/admin/portal/deliveries?status=${encodeURIComponent(r.status)}&limit=${encodeURIComponent(r.limit)}`,
        headers: r.auth ? { authorization: r.auth } : ({} as Record<string, string>),
        mayAccept: true,
      })),
      fc.record({ id: pathId(ids), auth: citizenTokens, m: multipartBody, ip: xff }).map((r) => ({
        label: 'POST /api/v1/dossiers/:id/attachments',
        method: 'POST' as const,
        path: `/api/v1/dossiers/${r.id}/attachments`,
        headers: { 'content-type': r.m.ct, ...(r.auth ? { authorization: r.auth } : {}), 'x-forwarded-for': r.ip },
        body: r.m.body,
      })),
      // Logout ends the session of the token it is given: throwaway tokens, so that the others stay valid.
      fc.record({ auth: bearer(throwaway), body: jsonBody({}, [], []) }).map((r) => ({
        label: 'POST /auth/logout',
        method: 'POST' as const,
        path: '/auth/logout',
        headers: { 'content-type': r.body.ct, ...(r.auth ? { authorization: r.auth } : {}) },
        body: r.body.body,
        mayAccept: true,
      })),
    );
    /** Each hand-made arbitrary by the route it targets (its specs' label). */
    const byLabel = new Map(
      handmade.map((arbitrary) => [fc.sample(arbitrary, { numRuns: 1, seed: 1 })[0].label, arbitrary]),
    );

    /**
     * Every write route the router holds. Those without a hand-made body get junk bodies of every kind, every
     * credential, and path parameters from real ids and hostile strings.
     */
    const routes = registeredRoutes(t.app.getHttpAdapter().getInstance())
      .filter((r) => WRITE_METHODS.includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    const routeSet = new Set(routes);
    // No hand-made entry for a route that no longer exists.
    const extras = [...byLabel].filter(([label]) => label.startsWith('GET ')).map(([, arbitrary]) => arbitrary);
    expect([...byLabel.keys()].filter((label) => !label.startsWith('GET ') && !routeSet.has(label))).toEqual([]);
    /** Generic routes that may answer 2xx to a junk request: sandbox stand-ins whose state is in memory. */
    const HARMLESS = new Set([
      'DELETE /sandbox/faults',
      'DELETE /sandbox/portal/faults',
      'POST /sandbox/portal/events',
      'POST /sandbox/social-insurance/events',
      'POST /sandbox/social-insurance/pay-due',
      'POST /sandbox/sms/messages',
      'PUT /sandbox/clock',
      'DELETE /sandbox/clock',
    ]);
    const param = (name: string): fc.Arbitrary<string> => {
      if (name === 'id') return pathId(ids);
      if (name === 'eventId') return pathId(events.map((e) => e.id).concat(randomUUID()));
      if (name === 'target') return pathId(['population', 'insurance', 'portal']);
      if (name === 'date') return pathId(['2026-12-31', '2026-02-30']);
      return pathId(['x', randomUUID()]);
    };
    const generic = (label: string): fc.Arbitrary<Spec> => {
      const [method, url] = label.split(' ');
      const segments = url
        .split('/')
        .map((segment) =>
          segment.startsWith(':')
            ? param(segment.slice(1))
            : segment === '*'
              ? pathId(['x', 'a/b'])
              : fc.constant(segment),
        );
      const path = fc.tuple(...segments).map((parts) => parts.join('/'));
      const accept = HARMLESS.has(label) || OWN_ERROR_FORMAT.test(url);
      return json(label, path, allTokens, jsonBody({}, [], []), accept, method);
    };
    // Sandbox stand-ins (not part of a production deployment) get a third of the share of a production route.
    const perRoute = routes.map((label) => ({
      arbitrary: byLabel.get(label) ?? generic(label),
      weight: label.split(' ')[1].startsWith('/sandbox/') ? 1 : 3,
    }));
    const specs = fc.sample(fc.oneof(...perRoute, ...extras), { numRuns: COUNT, seed: SEED });
    // Every write route gets requests (a route added later is fuzzed without editing this file).
    const covered = new Set(specs.map((spec) => spec.label));
    expect(routes.filter((label) => !covered.has(label))).toEqual([]);
    const before = await snapshot(db);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    const problems: string[] = [];
    const histogram: Record<string, Record<number, number>> = {};
    let ownFormat = 0;
    let refusedMidBody = 0;
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < specs.length) {
        const spec = specs[next++];
        let answer: Answer;
        try {
          answer = await send(spec);
        } catch (error) {
          // A body over the limit, or a request line over Node's header limit, is refused before it is read:
          // the server answers and closes while the client is still writing. That is a refusal, not a failure.
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (oversized(spec) && (['ECONNRESET', 'EPIPE'].includes(code) || code.startsWith('HPE_'))) {
            refusedMidBody += 1;
            continue;
          }
          problems.push(`${spec.label} ${spec.method} ${spec.path.slice(0, 120)}: ${(error as Error).message}`);
          continue;
        }
        (histogram[spec.label] ??= {})[answer.status] = (histogram[spec.label][answer.status] ?? 0) + 1;
        const what = () =>
          `${spec.label} ${spec.method} ${spec.path.slice(0, 120)} [${spec.headers['content-type'] ?? ''}] ` +
          `${String(spec.body ?? '').slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 300)}`;
        if (answer.status >= 500) problems.push(`5xx: ${what()}`);
        else if (answer.status >= 200 && answer.status < 300 && !spec.mayAccept) problems.push(`accepted: ${what()}`);
        else if (answer.status >= 400 && OWN_ERROR_FORMAT.test(spec.path)) {
          ownFormat += 1;
        } else if (answer.status >= 400) {
          let body: { status?: unknown; title?: unknown; type?: unknown; detail?: unknown } = {};
          try {
            body = JSON.parse(answer.body);
          } catch {
            // reported below
          }
          const ok =
            answer.contentType.startsWith('application/problem+json') &&
            body.status === answer.status &&
            typeof body.title === 'string' &&
            typeof body.type === 'string' &&
            typeof body.detail === 'string' &&
            !/\bat \S+ \(|node_modules/.test(answer.body);
          if (!ok) problems.push(`not problem+json: ${what()} (${answer.contentType})`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const after = await snapshot(db);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    const summary = Object.entries(histogram)
      .map(([label, statuses]) => `${label} ${JSON.stringify(statuses)}`)
      .join('\n  ');
    process.stdout.write(
      `hostile requests: ${specs.length} in ${seconds.toFixed(1)} s, seed ${SEED}; connection closed on an oversized ` +
        `request: ${refusedMidBody}; 4xx of the sandbox e-ID provider (its own format): ${ownFormat}\n  ${summary}\n`,
    );
    if (problems.length) process.stdout.write(`first problems (seed ${SEED}):\n${problems.slice(0, 15).join('\n')}\n`);
    expect(problems).toEqual([]);
    expect(changed.map((table) => `${table}: ${before[table]} → ${after[table]}`)).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // The dossiers the requests aimed at are untouched.
    const { rows } = await db.query(`SELECT status, version FROM dossier WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows).toEqual([
      { status: 'SUBMITTED', version: 1 },
      { status: 'SUBMITTED', version: 1 },
    ]);
  }, 240_000);
});
