/**
 * pgbench run on a script against a bench database, with its per-transaction log turned into latency percentiles.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile } from './infra';

const run = promisify(execFile);

export interface PgbenchFigures {
  tps: number;
  transactions: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  clients: number;
  seconds: number;
}

/** pgbench's connection arguments and password for a `postgres://` URL. */
export function pgbenchConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  return {
    args: [
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
      u.pathname.slice(1),
    ],
    env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
  };
}

/**
 * Runs `script` with `clients` connections (extended protocol), either for `seconds` or for `transactions` per client,
 * and reads latencies from pgbench's transaction log.
 */
export async function runPgbench(
  pgbench: string,
  url: string,
  script: string,
  limit: { clients: number; seconds?: number; transactionsPerClient?: number },
): Promise<PgbenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  try {
    const scriptFile = join(dir, 'script.sql');
    writeFileSync(scriptFile, script);
    const { args, env } = pgbenchConnection(url);
    const bound = limit.transactionsPerClient
      ? ['-t', String(limit.transactionsPerClient)]
      : ['-T', String(limit.seconds ?? 20)];
    const started = process.hrtime.bigint();
    const out = await run(
      pgbench,
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(limit.clients),
        '-j',
        '2',
        ...bound,
        '-f',
        scriptFile,
        '-l',
        `--log-prefix=${join(dir, 'tx')}`,
        ...args,
      ],
      { env, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`pgbench failed: ${error.stderr || error.stdout || error.message}`);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith('tx'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      tps: Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out.stdout)?.[1] ?? NaN),
      transactions: Number(/number of transactions actually processed: (\d+)/.exec(out.stdout)?.[1] ?? NaN),
      failed: Number(/number of failed transactions: (\d+)/.exec(out.stdout)?.[1] ?? 0),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      clients: limit.clients,
      seconds: limit.seconds ?? seconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
