/**
 * Citizen pages on a slow mobile line: first contentful paint in real Chromium (playwright-core, /usr/bin/chromium)
 * with the line emulated through CDP (Network.emulateNetworkConditions: 300 ms latency, 640 kbit/s each way), every
 * load from an empty cache. The service runs twice, side by side in the same run: once with HTTP_COMPRESSION=off
 * (the baseline: what main sent before, uncompressed) and once as configured by default.
 *
 *   node -r @swc-node/register bench/web.bench.ts   (the `web` section of `npm run bench`)
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { vietnamDate } from '../src/platform/clock/clock';
import { BenchDatabase, percentile, startService } from './support/infra';
import { startRegistryStub } from './support/synthetic-registry';

/** The slow mobile line of issue #21: 300 ms round trip, 640 kbit/s. */
export const SLOW_LINE = { latencyMs: 300, kbitPerSecond: 640 };
export const FCP_TARGET_MS = 1500;

/** Every page a citizen opens (the dossier page with an id that need not exist: the shell is the same). */
export const CITIZEN_PAGES = [
  { name: 'trang chủ', path: '/' },
  { name: 'tính thử trợ cấp', path: '/tinh-tro-cap' },
  { name: 'nộp hồ sơ', path: '/ho-so/nop' },
  { name: 'hồ sơ của tôi', path: '/ho-so' },
  { name: 'chi tiết hồ sơ', path: `/ho-so/${randomUUID()}` },
  { name: 'dữ liệu của tôi', path: '/ho-so/truy-cap-du-lieu' },
  { name: 'kiểm tra văn bản', path: '/verify' },
];

export interface PageFigures {
  name: string;
  path: string;
  /** Median first contentful paint over the runs, ms from navigation start. */
  fcpMs: number;
  fcpRunsMs: number[];
  /** Bytes on the wire (headers + body as sent) and requests, until the load event. */
  bytes: number;
  requests: number;
}

export interface WebVariant {
  label: string;
  env: Record<string, string>;
  pages: PageFigures[];
  /** The stylesheet as the page links it, and its Cache-Control. */
  stylesheet: { href: string; cacheControl: string };
  /** Cache-Control of the unversioned stylesheet URL (the one main linked: /assets/css/site.css). */
  unversionedCacheControl: string;
}

export interface WebBenchResult {
  runs: number;
  line: typeof SLOW_LINE;
  variants: WebVariant[];
}

async function measurePage(browser: Browser, url: string): Promise<{ fcp: number; bytes: number; requests: number }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const bytesPerSecond = (SLOW_LINE.kbitPerSecond * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_LINE.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0];
            if (paint) resolve(paint.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(NaN), 10_000);
        }),
    );
    return { fcp, bytes, requests };
  } finally {
    await context.close();
  }
}

export async function runWebBench(
  db: BenchDatabase,
  options: {
    runs: number;
    dataDir: string;
    serviceEntry?: string;
    s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
    log: (m: string) => void;
  },
): Promise<WebBenchResult> {
  const { log } = options;
  const url = await db.database('tctn_bench_web', true);
  const stub = await startRegistryStub(vietnamDate(new Date(Date.now() - 20 * 86_400_000)));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const variants: WebVariant[] = [];
  try {
    const baseline: Record<string, string> = { HTTP_COMPRESSION: 'off' };
    for (const variant of [
      { label: 'baseline: HTTP_COMPRESSION=off', env: baseline },
      { label: 'default configuration', env: {} as Record<string, string> },
    ]) {
      const dataDir = join(options.dataDir, 'service-web');
      rmSync(dataDir, { recursive: true, force: true });
      log(`web: starting the service (${variant.label})`);
      const service = await startService({
        databaseUrl: url,
        dataDir,
        registryUrl: stub.url,
        s3: options.s3,
        entry: options.serviceEntry,
        extraEnv: variant.env,
      });
      try {
        const pages: PageFigures[] = [];
        for (const p of CITIZEN_PAGES) {
          await measurePage(browser, service.baseUrl + p.path); // warms the service (templates, first-request costs)
          const runs: { fcp: number; bytes: number; requests: number }[] = [];
          for (let i = 0; i < options.runs; i++) runs.push(await measurePage(browser, service.baseUrl + p.path));
          const fcps = runs.map((r) => r.fcp).sort((a, b) => a - b);
          pages.push({
            ...p,
            fcpMs: percentile(fcps, 50),
            fcpRunsMs: runs.map((r) => Math.round(r.fcp)),
            bytes: runs[0].bytes,
            requests: runs[0].requests,
          });
          log(`web: ${variant.label}: ${p.path} FCP ${fcps.map((f) => f.toFixed(0)).join(' / ')} ms`);
        }
        const html = await (await fetch(service.baseUrl + '/ho-so/nop')).text();
        const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
        const linked = await fetch(service.baseUrl + css);
        const unversioned = await fetch(service.baseUrl + '/assets/css/site.css');
        variants.push({
          ...variant,
          pages,
          stylesheet: { href: css, cacheControl: linked.headers.get('cache-control') ?? '' },
          unversionedCacheControl: unversioned.headers.get('cache-control') ?? '',
        });
      } finally {
        await service.stop();
      }
    }
  } finally {
    await browser.close();
    await stub.close().catch(() => undefined);
  }
  return { runs: options.runs, line: SLOW_LINE, variants };
}

export function formatWebBench(result: WebBenchResult): string[] {
  const [before, after] = result.variants;
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  const lines = [
    `| web | citizen pages at ${result.line.latencyMs} ms latency, ${result.line.kbitPerSecond} kbit/s (CDP), empty cache, FCP median of ${result.runs}: ${before.label} → ${after.label} | | < ${FCP_TARGET_MS} ms | |`,
  ];
  for (let i = 0; i < after.pages.length; i++) {
    const b = before.pages[i];
    const a = after.pages[i];
    lines.push(
      `| web | ${a.name} (\`${a.path.replace(/[0-9a-f-]{36}$/, '{id}')}\`) | ${b.fcpMs.toFixed(0)} ms (${kb(b.bytes)}, ${b.requests} req) → **${a.fcpMs.toFixed(0)} ms** (${kb(a.bytes)}, ${a.requests} req) | < ${FCP_TARGET_MS} ms | ${a.fcpMs < FCP_TARGET_MS ? 'met' : '**MISSED**'} |`,
    );
  }
  lines.push(
    `| web | asset caching: the unversioned \`/assets/css/site.css\` (what pages linked before) → what pages link now | \`${after.unversionedCacheControl}\` → \`${after.stylesheet.href}\`: \`${after.stylesheet.cacheControl}\` | | |`,
  );
  return lines;
}
