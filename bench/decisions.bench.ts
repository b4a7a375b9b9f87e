/**
 * Signed decisions per second in one process (pdfkit + CAdES signer) next to headless Chromium printing
 * equivalent HTML. Run: node -r @swc-node/register bench/decisions.bench.ts [count]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { issueSignedDocument } from '../src/documents/issue-signed-document';
import { renderDocument } from '../src/documents/rendering/document.renderer';
import { ensureDevelopmentSigningCredentials } from '../src/documents/signing/development-credentials';
import { signPdf } from '../src/documents/signing/pdf.signer';
import { openSigningIdentity } from '../src/documents/signing/signing-identity';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../src/documents/testing/sample-documents.fixture';

const count = Number(process.argv[2] ?? 50);
const data = SAMPLE_DOCUMENTS['decision-approval'];

function html(): string {
  const d = data.decision;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm 17mm 15mm 30mm } body { font-family: 'DejaVu Serif'; font-size: 11.5pt }
  .h { display: flex; justify-content: space-between; text-align: center } h1 { font-size: 14pt; text-align: center }
  table { border-collapse: collapse; width: 100% } td, th { border: 1px solid #000; padding: 4px }</style></head><body>
  <div class="h"><div>UBND TỈNH ĐỒNG NAI<br><b><u>SỞ NỘI VỤ</u></b><br>Số: 123/QĐ-SNV</div>
  <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br><u>Độc lập - Tự do - Hạnh phúc</u></b><br><i>Đồng Nai, ngày 26 tháng 11 năm 2026</i></div></div>
  <h1>QUYẾT ĐỊNH<br>Về việc hưởng trợ cấp thất nghiệp</h1>
  <p><i>Căn cứ Luật Việc làm số 74/2025/QH15;</i></p>
  <p><b>Điều 1.</b> Bà <b>${data.holder.fullName}</b>, số định danh cá nhân ${data.holder.personalId}, được hưởng
  ${d.monthlyBenefit.toLocaleString('vi-VN')} đồng/tháng trong ${d.benefitMonths} tháng từ ${d.entitlementStart} đến ${d.entitlementEnd}.</p>
  <p style="page-break-before: always"><b>PHỤ LỤC</b></p><table>${d.periods
    .map((p, i) => `<tr><td>${i + 1}</td><td>${p.from} – ${p.to}</td></tr>`)
    .join('')}</table></body></html>`;
}

async function timeIt(label: string, runs: number, work: () => Promise<unknown>): Promise<[string, number]> {
  await work(); // warm-up
  const start = process.hrtime.bigint();
  for (let index = 0; index < runs; index += 1) await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  return [label, ms];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'decisions-bench-'));
  const generated = await ensureDevelopmentSigningCredentials(dir);
  const credentials = { p12: readFileSync(generated.p12Path), password: generated.password };
  const identity = openSigningIdentity(credentials);
  const unsigned = await renderDocument('decision-approval', data, SAMPLE_ISSUER);

  const rows: [string, number][] = [];
  rows.push(await timeIt('pdfkit render (3 pages, QR, placeholder)', count, () => renderDocument('decision-approval', data, SAMPLE_ISSUER)));
  rows.push(await timeIt('CAdES sign (RSA-2048, identity cached)', count, () => signPdf(unsigned, identity)));
  rows.push(await timeIt('issueSignedDocument (render + sign)', count, () => issueSignedDocument('decision-approval', data, SAMPLE_ISSUER, credentials)));

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  const chromiumRuns = Math.max(5, Math.floor(count / 2));
  rows.push(
    await timeIt('chromium page.pdf (equivalent HTML, unsigned)', chromiumRuns, async () => {
      await page.setContent(html(), { waitUntil: 'load' });
      return page.pdf({ format: 'A4' });
    }),
  );
  await browser.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(`\n${count} runs each (chromium ${chromiumRuns}), one process, Node ${process.version}\n`);
  console.log('| step | ms per document | documents per second |');
  console.log('|---|---:|---:|');
  for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(1)} | ${(1000 / ms).toFixed(1)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
