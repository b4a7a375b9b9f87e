import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { startRuntime } from '../../src/platform/embedded/runtime';
import { createLogger } from '../../src/platform/http/logger';
import { PORTAL_DELIVERY_TUNING, PortalDeliveryTuning } from '../../src/portal/portal-delivery.options';
import { PortalEvent, PortalOutboxRepository } from '../../src/portal/portal-outbox.repository';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { appRoleOn } from '../support/database';
import { TestApp } from '../support/test-app';

/**
 * Overrides the worker's tuning, e.g. `startTestApp(env, [PortalDeliveryTuningModule.forRoot({ backoffBaseMs: 20 })])`.
 * Global so that `PortalModule` sees it wherever it is imported.
 */
@Global()
@Module({})
export class PortalDeliveryTuningModule {
  static forRoot(tuning: Partial<PortalDeliveryTuning>): DynamicModule {
    return {
      module: PortalDeliveryTuningModule,
      providers: [{ provide: PORTAL_DELIVERY_TUNING, useValue: tuning }],
      exports: [PORTAL_DELIVERY_TUNING],
    };
  }
}

/** Worker pacing for tests: fast polls, millisecond backoff. */
export function fastPortalDelivery(overrides: Partial<PortalDeliveryTuning> = {}) {
  return PortalDeliveryTuningModule.forRoot({
    pollIntervalMs: 20,
    backoffBaseMs: 10,
    backoffCapMs: 150,
    requestTimeoutMs: 2000,
    ...overrides,
  });
}

/** Another instance of the service on an existing (already migrated) database, as a second replica or a restart. */
export async function startAppOnDatabase(
  databaseUrl: string,
  env: Record<string, string> = {},
  extraModules: any[] = [],
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tctn-app-'));
  const appDatabaseUrl = await appRoleOn(databaseUrl);
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: appDatabaseUrl,
    DATABASE_MIGRATION_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const runtime = await startRuntime(config, () => undefined);
  const app = await createApp(runtime, createLogger('silent'), extraModules);
  await app.listen({ port: runtime.port, host: '127.0.0.1' });
  return {
    app,
    runtime,
    baseUrl: runtime.selfUrl,
    databaseUrl,
    appDatabaseUrl,
    close: async () => {
      await app.close();
      await runtime.stop();
    },
  };
}

export interface ReceivedRequest {
  key: string | undefined;
  contentType: string | undefined;
  body: PortalEvent & Record<string, unknown>;
  answered: number;
}

/** Decides the HTTP status for one request; `attempt` counts the requests seen with this Idempotency-Key (1-based). */
export type ReceiverBehaviour = (body: PortalEvent, attempt: number) => number | Promise<number>;

/**
 * A stand-in for the national portal on 127.0.0.1: records every request and checks the delivery guarantees
 * as they happen — one event is never in flight twice at once, a dossier never has two events in flight, and the
 * first arrival of each event follows the dossier's order (payload `note` = its sequence number in the dossier,
 * when the test sets it).
 */
export class TestPortalReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly violations: string[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly inFlightKeys = new Set<string>();
  private readonly inFlightDossiers = new Set<string>();
  private readonly firstArrival = new Map<string, ReceivedRequest>();
  private readonly lastSeq = new Map<string, number>();
  private server: Server;
  url: string;

  constructor(public behaviour: ReceiverBehaviour = () => 200) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (status) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: status < 300 }));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/portal/sync`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests (answered 2xx or not) for one dossier, in arrival order. */
  forDossier(dossierCode: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.body.dossierCode === dossierCode);
  }

  /** Events accepted (2xx) for one dossier, first acceptance of each event, in order. */
  acceptedEventIds(dossierCode: string): string[] {
    const seen = new Set<string>();
    return this.forDossier(dossierCode)
      .filter((r) => r.answered < 300)
      .map((r) => r.body.eventId)
      .filter((id) => !seen.has(id) && seen.add(id));
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'];
    const key = req.headers['idempotency-key'] as string | undefined;
    const record: ReceivedRequest = { key, contentType: req.headers['content-type'], body, answered: 0 };
    this.requests.push(record);
    const dossier = body.dossierCode;
    if (key !== body.eventId) this.violations.push(`Idempotency-Key ${key} differs from eventId ${body.eventId}`);
    if (this.inFlightKeys.has(body.eventId)) this.violations.push(`event ${body.eventId} sent twice concurrently`);
    if (this.inFlightDossiers.has(dossier)) this.violations.push(`dossier ${dossier} has two events in flight`);
    const first = this.firstArrival.get(body.eventId);
    if (first && JSON.stringify(first.body) !== JSON.stringify(body)) {
      this.violations.push(`event ${body.eventId} re-sent with a different body`);
    }
    if (!first) {
      this.firstArrival.set(body.eventId, record);
      const seq = Number(body.note);
      if (body.note !== undefined && Number.isInteger(seq)) {
        const last = this.lastSeq.get(dossier) ?? 0;
        if (seq !== last + 1) this.violations.push(`dossier ${dossier}: event #${seq} arrived after #${last}`);
        this.lastSeq.set(dossier, seq);
      }
    }
    this.inFlightKeys.add(body.eventId);
    this.inFlightDossiers.add(dossier);
    try {
      const attempt = (this.attempts.get(body.eventId) ?? 0) + 1;
      this.attempts.set(body.eventId, attempt);
      record.answered = await this.behaviour(body, attempt);
      return record.answered;
    } finally {
      this.inFlightKeys.delete(body.eventId);
      this.inFlightDossiers.delete(dossier);
    }
  }
}

let dossierCounter = 0;

/** A minimal dossier row (NOT NULL columns only) in a test service center; returns its id and code. */
export async function insertDossier(
  db: DataSource,
  options: { code?: string; status?: string } = {},
): Promise<{ id: string; code: string; personalId: string }> {
  await db.query(
    `INSERT INTO service_center (code, name, province_name) VALUES ('TEST-PORTAL', 'Trung tâm thử nghiệm', 'Đồng Nai')
     ON CONFLICT (code) DO NOTHING`,
  );
  dossierCounter += 1;
  const id = randomUUID();
  const code = options.code ?? `TEST-PORTAL-${process.pid}-${dossierCounter}-${id.slice(0, 6)}`;
  const personalId = `0791${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await db.query(
    `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
       application, assessment, termination_date, filed_at, sort_date)
     VALUES ($1, $2, $3, 'TEST-PORTAL', 'online', $4, 'Nguyễn Văn Thử', 'nguyen van thu', '{}', '{}', '{}',
       '2026-01-02', now(), '2026-01-05')`,
    [id, code, personalId, options.status ?? 'RESULT_RETURNED'],
  );
  return { id, code, personalId };
}

/** Enqueues status events through the real outbox repository, each in its own transaction; `note` = sequence number. */
export async function enqueueEvents(
  t: TestApp,
  dossier: { id: string; code: string; personalId: string },
  statuses: { status: string; portalStatusCode: number; heldFor?: string }[],
  firstSeq = 1,
): Promise<string[]> {
  const db = t.app.get(DataSource);
  const outbox = t.app.get(PortalOutboxRepository);
  const ids: string[] = [];
  for (const [i, s] of statuses.entries()) {
    ids.push(
      await db.transaction((em) =>
        outbox.enqueue(
          em,
          dossier.id,
          {
            dossierCode: dossier.code,
            personalId: dossier.personalId,
            procedureCode: '1.001978',
            status: s.status,
            portalStatusCode: s.portalStatusCode,
            occurredAt: new Date().toISOString(),
            actor: { type: 'system' },
            note: String(firstSeq + i),
          },
          { heldFor: s.heldFor },
        ),
      ),
    );
  }
  return ids;
}

export const STEPS = {
  submitted: { status: 'SUBMITTED', portalStatusCode: 1 },
  received: { status: 'RECEIVED', portalStatusCode: 2 },
  inReview: { status: 'IN_REVIEW', portalStatusCode: 4 },
  approved: { status: 'APPROVED', portalStatusCode: 9, heldFor: 'decision-approval' },
  resultReturned: { status: 'RESULT_RETURNED', portalStatusCode: 10 },
} as const;

export async function outboxRow(
  db: DataSource,
  eventId: string,
): Promise<{ status: string; attempts: number; lastError: string | null; payload: Record<string, unknown> }> {
  const [row] = await db.query(
    `SELECT CASE status WHEN 'done' THEN 'delivered' WHEN 'held' THEN 'pending' ELSE status END AS status, attempts,
       last_error AS "lastError", payload
     FROM job WHERE queue = 'portal.deliver' AND dedupe_key = $1`,
    [eventId],
  );
  return row;
}

export async function waitFor<T>(
  probe: () => Promise<T> | T,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${label}: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function staffToken(baseUrl: string, role: string): Promise<string> {
  const account = SANDBOX_STAFF.find((s) => s.role === role)!;
  const res = await fetch(`${baseUrl}/api/v1/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!res.ok) throw new Error(`staff login failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
