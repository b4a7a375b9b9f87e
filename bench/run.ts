/**
 * `npm run bench` — filing and monthly-notice throughput next to pgbench, work-queue latency at two table sizes, signed decisions per
 * second next to headless Chromium, and the service's peak RSS under the filing load; one table at the end.
 * Reports (`--only=reports`, `--report-sizes=1000000`): every report figure from the summary tables, p95, next to
 * the full read of the dossiers it replaces (bench/reports.bench.ts; its own embedded PostgreSQL).
 *
 *   npm run bench -- [--only=filing,queue,decisions,memory,web] [--web-runs=3] [--queue-sizes=1000,1000000] [--explain] [--fresh]
 *                    [--filings=2000] [--warmup=100] [--connections=20] [--pgbench-seconds=20]
 *                    [--queue-seconds=8] [--queue-connections=4] [--decision-iterations=100] [--data-dir=data/bench]
 *                    [--notices=2000] [--notice-warmup=100] [--notice-beneficiaries=52500]
 *                    [--service-entry=scripts/start.js]   (e.g. dist/src/main.js after `npm run build`)
 *
 * PostgreSQL: DATABASE_URL if set (bench databases tctn_bench_* are created on that server), else an embedded
 * PostgreSQL 18 kept under <data-dir>/postgres so that the seeded queue tables survive between runs (--fresh reseeds).
 * Figures are also written as JSON to <data-dir>/results-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDecisionBench, runDecisionBench, DecisionBenchResult } from './decisions.bench';
import { FilingResult, runFilingBench } from './filing.bench';
import { NOTICE_PEAK_ASSUMPTIONS, NoticeResult, provinceNoticePeak, runNoticeBench } from './notices.bench';
import { QueueSizeResult, runQueueBench } from './queue.bench';
import { formatWebBench, runWebBench, WebBenchResult } from './web.bench';
import { formatReportsBench, ReportsBenchResult, runReportsBench } from './reports.bench';
import {
  machine,
  openBenchDatabase,
  ROOT,
  startObjectStore,
  BENCH_PG_SETTINGS,
  serviceNodeFlags,
} from './support/infra';

const SECTIONS = ['filing', 'queue', 'decisions', 'memory', 'notices', 'web', 'reports'] as const;
type Section = (typeof SECTIONS)[number];

const TARGETS = { filingRatio: 0.5, queueRatio: 1.5, rssMiB: 300, noticeRatio: 0.5, noticeHeadroom: 10 };

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    flags.set(m[1], m[2] ?? 'true');
  }
  const num = (name: string, fallback: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const only = (flags.get('only') ?? SECTIONS.join(',')).split(',').map((s) => s.trim()) as Section[];
  for (const s of only)
    if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (${SECTIONS.join(', ')})`);
  const sizes = (flags.get('queue-sizes') ?? '1000,1000000').split(',').map((s) => Number(s.replace(/[_,]/g, '')));
  if (sizes.some((s) => !Number.isInteger(s) || s < 200)) throw new Error('--queue-sizes: whole numbers ≥ 200');
  const reportSizes = (flags.get('report-sizes') ?? '1000000').split(',').map((s) => Number(s.replace(/[_,]/g, '')));
  if (reportSizes.some((s) => !Number.isInteger(s) || s < 1000))
    throw new Error('--report-sizes: whole numbers ≥ 1000');
  return {
    only: new Set(only),
    sizes,
    reportSizes,
    explain: flags.has('explain'),
    fresh: flags.has('fresh'),
    filings: num('filings', 2000),
    warmUp: num('warmup', 100),
    connections: num('connections', 20),
    pgbenchSeconds: num('pgbench-seconds', 20),
    queueSeconds: num('queue-seconds', 8),
    queueConnections: num('queue-connections', 4),
    decisionIterations: num('decision-iterations', 100),
    notices: num('notices', 2000),
    noticeWarmUp: num('notice-warmup', 100),
    noticeBeneficiaries: num('notice-beneficiaries', provinceNoticePeak().beneficiaries),
    webRuns: num('web-runs', 3),
    dataDir: resolve(ROOT, flags.get('data-dir') ?? join('data', 'bench')),
    serviceEntry: flags.get('service-entry'),
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–');
const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**');

function report(
  env: ReturnType<typeof machine>,
  loadEnd: number[],
  filing: FilingResult | undefined,
  queue: QueueSizeResult[] | undefined,
  decisions: DecisionBenchResult | undefined,
  notices: NoticeResult | undefined,
  memoryWanted: boolean,
  explain: boolean,
  web?: WebBenchResult,
): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${env.nproc} × ${env.cpu}, ${env.memoryGiB} GiB RAM, ${env.os}, Node ${env.node}, ${env.date}`,
    `Load average at start ${env.loadavg.join(' / ')}, at end ${loadEnd.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)` +
      (env.loadavg[0] > env.nproc * 0.5
        ? ' — the machine was SHARED/LOADED during this run: figures are pessimistic'
        : ''),
    '',
    '| section | measure | figure | target | verdict |',
    '|---|---|---|---|---|',
  );
  if (filing) {
    const h = filing.http;
    const p = filing.pgbench;
    const pgRow = (name: string, f: typeof p) =>
      `| filing | pgbench, ${name}, ${f.statements} statements, ${f.clients} clients, ${f.seconds} s | **${f.tps.toFixed(1)} tx/s**, p50 ${ms(f.p50)} ms, p99 ${ms(f.p99)} ms (${f.transactions} tx, ${f.failed} failed) | | |`;
    const c = filing.cpu;
    lines.push(
      `| filing | POST /api/v1/dossiers, ${h.requests} distinct citizens, ${filing.pgbench.clients} connections | **${h.perSecond.toFixed(1)} submissions/s**, p50 ${ms(h.p50)} ms, p99 ${ms(h.p99)} ms (statuses ${JSON.stringify(h.statuses)}) | | |`,
      `| filing | where the time goes, per filing under that load | service CPU **${ms(c.serviceMsPerFiling)} ms**, PostgreSQL CPU ${c.postgresMsPerFiling === null ? 'n/a (DATABASE_URL)' : `**${ms(c.postgresMsPerFiling)} ms**`}, wall ${ms(c.wallMsPerFiling)} ms (${filing.pgbench.clients} in flight) | | |`,
      pgRow('same SQL transaction as the service', p),
      pgRow('the SQL before (with the read-back of the new dossier)', filing.pgbenchBefore),
      pgRow('bare inserts (no checks, no read-back, no global serialisation)', filing.pgbenchBare),
      `| filing | ratio service ÷ pgbench same SQL | **${(filing.ratio * 100).toFixed(0)} %** | ≥ ${TARGETS.filingRatio * 100} % | ${verdict(filing.ratio >= TARGETS.filingRatio)} |`,
      `| filing | ratio service ÷ pgbench bare inserts (the physical limit) | **${(filing.ratioToBare * 100).toFixed(0)} %** | | |`,
    );
  }
  if (notices) {
    const h = notices.http;
    const p = notices.pgbench;
    const a = NOTICE_PEAK_ASSUMPTIONS;
    const headroom = h.perSecond / notices.peak.busiestHourPerSecond;
    lines.push(
      `| notices | the province's peak month: ${a.nationalDecisionsPerYear.toLocaleString('en')} decisions/year × ${a.provinceShare * 100} % × ${a.averageBenefitMonths} notices ÷ 12 × ${a.peakMonthFactor} (after Tết), all in the first 3 working days | **${notices.peak.beneficiaries.toLocaleString('en')} beneficiaries**, busiest hour ${notices.peak.busiestHourPerSecond.toFixed(2)} notices/s (${a.firstDayShare * 100} % on day 1, ${a.busiestHourShare * 100} % of it in one hour) | | |`,
      `| notices | POST /api/v1/dossiers/{id}/job-search-notices, ${h.requests} distinct beneficiaries of ${notices.beneficiaries.toLocaleString('en')} seeded, ${p.clients} connections | **${h.perSecond.toFixed(1)} notices/s**, p50 ${ms(h.p50)} ms, **p95 ${ms(h.p95)} ms**, p99 ${ms(h.p99)} ms (statuses ${JSON.stringify(h.statuses)}) | | |`,
      `| notices | pgbench, same SQL transaction, ${p.clients} clients, ${p.transactions} tx | **${p.tps.toFixed(1)} tx/s**, p50 ${ms(p.p50)} ms, **p95 ${ms(p.p95)} ms**, p99 ${ms(p.p99)} ms (${p.failed} failed) | | |`,
      `| notices | ratio service ÷ pgbench | **${(notices.ratio * 100).toFixed(0)} %** | ≥ ${TARGETS.noticeRatio * 100} % | ${verdict(notices.ratio >= TARGETS.noticeRatio)} |`,
      `| notices | headroom over the busiest hour; the whole peak month at this rate | **${headroom.toFixed(0)}×**; ${(notices.peak.beneficiaries / h.perSecond / 60).toFixed(1)} min of service time | ≥ ${TARGETS.noticeHeadroom}× | ${verdict(headroom >= TARGETS.noticeHeadroom)} |`,
      `| notices | the day's scheduled work at start (reminders, re-employment sweep) over ${notices.beneficiaries.toLocaleString('en')} beneficiaries | settled in ${notices.settleSeconds.toFixed(0)} s | | |`,
    );
  }
  if (queue?.length) {
    for (const q of queue) {
      for (const [name, page] of [
        ['first page', q.first],
        [`deep page (after ${q.deepOffset.toLocaleString('en')} rows)`, q.deep],
      ] as const) {
        lines.push(
          `| queue | ${q.size.toLocaleString('en')} dossiers (${q.centerRows.toLocaleString('en')} in the center, ${q.tableSize}), ${name} | **p95 ${ms(page.load.p95)} ms**, p50 ${ms(page.load.p50)} ms, p99 ${ms(page.load.p99)} ms, ${page.load.perSecond.toFixed(page.load.perSecond < 10 ? 2 : 0)} req/s (${page.load.requests} responses${page.load.errors ? `, ${page.load.errors} errors/timeouts` : ''}); SQL ${ms(page.sqlMs)} ms via ${page.indexes.join(', ') || 'NO INDEX (seq scan)'}; diagnostic \`center_code = one value\`: ${ms(page.singleCenter.sqlMs)} ms via ${page.singleCenter.indexes.join(', ') || 'seq scan'} | | |`,
        );
      }
    }
    if (queue.length >= 2) {
      const small = queue[0];
      const large = queue[queue.length - 1];
      for (const page of ['first', 'deep'] as const) {
        const ratio = large[page].load.p95 / small[page].load.p95;
        lines.push(
          `| queue | p95 ${page} page, ${large.size.toLocaleString('en')} ÷ ${small.size.toLocaleString('en')} | **${ratio.toFixed(2)}×** | ≤ ${TARGETS.queueRatio}× | ${verdict(ratio <= TARGETS.queueRatio)} |`,
        );
      }
    }
  }
  if (decisions) {
    const c = decisions.chromium;
    lines.push(
      `| decisions | signed decision (pdfkit + PAdES), one process | **${decisions.signed.perSecond.toFixed(1)}/s** wall, ${decisions.signed.perCpuSecond.toFixed(1)} per CPU-s | | |`,
      `| decisions | headless Chromium HTML→PDF (unsigned) | ${c ? `**${c.perSecond.toFixed(1)}/s** wall, ${c.perCpuSecond.toFixed(1)} per CPU-s` : `not measured: ${decisions.chromiumError ?? ''}`} | | |`,
      `| decisions | ratio signed ÷ Chromium | ${decisions.ratio !== null ? `**${decisions.ratio.toFixed(1)}×** wall, ${decisions.cpuRatio!.toFixed(1)}× per CPU-s` : '–'} | | |`,
    );
  }
  if (memoryWanted && filing) {
    const m = filing.memory;
    lines.push(
      `| memory | service VmHWM under the filing load (idle after start ${m.idleRssMiB.toFixed(0)} MiB) | **${m.peakHwmMiB.toFixed(0)} MiB** | < ${TARGETS.rssMiB} MB | ${verdict(m.peakHwmMiB * 1.048576 < TARGETS.rssMiB)} |`,
    );
  }
  if (web) lines.push(...formatWebBench(web));
  if (decisions) lines.push('', formatDecisionBench(decisions));
  if (explain && queue) {
    for (const q of queue) {
      lines.push(
        '',
        `EXPLAIN (ANALYZE, BUFFERS), ${q.size.toLocaleString('en')} dossiers, first page:`,
        '```',
        q.first.plan,
        '```',
      );
      lines.push(
        '',
        `EXPLAIN (ANALYZE, BUFFERS), ${q.size.toLocaleString('en')} dossiers, deep page:`,
        '```',
        q.deep.plan,
        '```',
      );
      lines.push(
        '',
        `Diagnostic, ${q.size.toLocaleString('en')} dossiers, deep page with center_code = one value (not what the service sends):`,
        '```',
        q.deep.singleCenter.plan,
        '```',
      );
    }
  }
  if (explain && filing)
    lines.push(
      '',
      'pgbench script (filing transaction):',
      '```sql',
      filing.pgbenchScript.trim(),
      '```',
      '',
      'pgbench script (bare inserts):',
      '```sql',
      filing.pgbenchBareScript.trim(),
      '```',
    );
  if (explain && notices)
    lines.push('', 'pgbench script (notice transaction):', '```sql', notices.pgbenchScript.trim(), '```');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const env = machine();
  const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
  log(`machine: ${env.nproc} CPU, ${env.memoryGiB} GiB, Node ${env.node}, load ${env.loadavg.join(' ')}`);
  mkdirSync(options.dataDir, { recursive: true });
  const started = Date.now();

  let filing: FilingResult | undefined;
  let queue: QueueSizeResult[] | undefined;
  let decisions: DecisionBenchResult | undefined;
  let notices: NoticeResult | undefined;
  let web: WebBenchResult | undefined;
  const needDb = ['filing', 'memory', 'queue', 'notices', 'web'].some((s) => options.only.has(s as Section));
  const db = needDb ? await openBenchDatabase(options.dataDir, log) : undefined;
  const s3 = needDb ? await startObjectStore(join(options.dataDir, 'objects')) : undefined;
  try {
    if (options.only.has('filing') || options.only.has('memory')) {
      filing = await runFilingBench(db!, {
        filings: options.filings,
        warmUp: options.warmUp,
        connections: options.connections,
        pgbenchSeconds: options.pgbenchSeconds,
        dataDir: options.dataDir,
        serviceEntry: options.serviceEntry,
        s3: s3!.settings,
        log,
      });
    }
    if (options.only.has('notices')) {
      notices = await runNoticeBench(db!, {
        beneficiaries: options.noticeBeneficiaries,
        notices: options.notices,
        warmUp: options.noticeWarmUp,
        connections: options.connections,
        dataDir: options.dataDir,
        serviceEntry: options.serviceEntry,
        s3: s3!.settings,
        log,
      });
    }
    if (options.only.has('queue')) {
      queue = await runQueueBench(db!, {
        sizes: options.sizes,
        seconds: options.queueSeconds,
        connections: options.queueConnections,
        fresh: options.fresh,
        dataDir: options.dataDir,
        serviceEntry: options.serviceEntry,
        s3: s3!.settings,
        log,
      });
    }
    if (options.only.has('web')) {
      web = await runWebBench(db!, {
        runs: options.webRuns,
        dataDir: options.dataDir,
        serviceEntry: options.serviceEntry,
        s3: s3!.settings,
        log,
      });
    }
  } finally {
    await s3?.stop();
    await db?.stop();
  }
  if (options.only.has('decisions')) {
    log(`decisions: ${options.decisionIterations} signed decisions, then Chromium`);
    decisions = await runDecisionBench({ iterations: options.decisionIterations });
  }
  let reports: ReportsBenchResult | undefined;
  if (options.only.has('reports')) {
    log(`reports: ${options.reportSizes.join(', ')} dossiers`);
    reports = await runReportsBench({ sizes: options.reportSizes, explain: options.explain, log });
  }
  const loadEnd = loadavg();
  const text = report(
    env,
    loadEnd,
    filing,
    queue,
    decisions,
    notices,
    options.only.has('memory'),
    options.explain,
    web,
  );
  console.log(text);
  if (reports) console.log('\n' + formatReportsBench(reports));
  console.log(
    `\n(total ${((Date.now() - started) / 1000).toFixed(0)} s; service: node ${[...serviceNodeFlags(), options.serviceEntry ?? 'scripts/start.js'].join(' ')}; bench PostgreSQL settings ${JSON.stringify(db?.embedded ? BENCH_PG_SETTINGS : 'DATABASE_URL server')})`,
  );
  const file = join(options.dataDir, `results-${env.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        machine: env,
        loadEnd,
        options: { ...options, only: [...options.only] },
        filing,
        queue,
        decisions,
        notices,
        web,
        reports,
      },
      null,
      2,
    ),
  );
  log(`figures written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
