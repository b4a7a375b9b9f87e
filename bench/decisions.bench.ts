/**
 * Signed approval decisions per second in one process (pdfkit + CAdES signer), next to headless Chromium
 * printing the same decision as HTML (one browser, `page.setContent` + `page.pdf` per document).
 *
 * Run: node -r @swc-node/register bench/decisions.bench.ts [iterations]
 * From code: `runDecisionBench({ iterations })` returns the figures; `formatDecisionBench` prints them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import type { DecisionApprovalData, IssuerProfile } from '../src/documents';
import { formatVnd, vndInWords } from '../src/documents';
import { issueSignedDocument } from '../src/documents/issue-signed-document';
import { renderDocument } from '../src/documents/rendering/document.renderer';
import { ensureDevelopmentSigners } from '../src/documents/signing/development-credentials';
import { signPdf } from '../src/documents/signing/pdf.signer';
import { SandboxTimestampAuthority } from '../src/sandbox/tsa/sandbox-timestamp-authority';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../test/support/sample-documents.fixture';

export interface DecisionBenchOptions {
  /** Documents per measured step (after a warm-up of max(5, iterations/10)). Default 200. */
  readonly iterations?: number;
  /** Documents printed by Chromium; default max(10, iterations/4) (it is the slow side). */
  readonly chromiumIterations?: number;
  /** Skip Chromium (figures are then null). */
  readonly chromium?: boolean;
}

export interface StepFigures {
  readonly documents: number;
  readonly msPerDocument: number;
  readonly perSecond: number;
  /** CPU time per document: this Node process, plus (for Chromium) the browser's child processes. */
  readonly cpuMsPerDocument: number;
  /** Documents per CPU-second: the per-core throughput, independent of other load on the machine. */
  readonly perCpuSecond: number;
  readonly bytesPerDocument: number;
}

export interface DecisionBenchResult {
  readonly node: string;
  readonly pages: string;
  /**
   * issueSignedDocument, one process, sequential: render, Director's and organisation's signatures
   * (incremental update), QR offline payload (PAdES B-B).
   */
  readonly signed: StepFigures;
  /** The same plus RFC 3161 timestamps from the in-process sandbox TSA and the DSS with CRLs (PAdES B-LT). */
  readonly signedLongTerm: StepFigures;
  readonly renderOnly: StepFigures;
  /** signPdf on an already rendered PDF, identity opened once. */
  readonly signOnly: StepFigures;
  readonly chromium: StepFigures | null;
  /** signed.perSecond / chromium.perSecond (wall clock). */
  readonly ratio: number | null;
  /** signed.perCpuSecond / chromium.perCpuSecond (CPU of Node plus all Chromium processes). */
  readonly cpuRatio: number | null;
  readonly chromiumError?: string;
}

/** The approval decision as HTML, with the same text, header, QR code, closing block and appendix table. */
export function decisionHtml(data: DecisionApprovalData, issuer: IssuerProfile, qrSvg: string): string {
  const d = data.decision;
  const date = (iso: string): string => iso.split('-').reverse().join('/');
  const issued = data.issuedAt;
  const longDate = `ngày ${issued.getUTCDate()} tháng ${issued.getUTCMonth() + 1} năm ${issued.getUTCFullYear()}`;
  const who = data.holder.sex === 'male' ? 'Ông' : 'Bà';
  const center = issuer.center?.name ?? issuer.authorityFullName;
  const notice = (value: DecisionApprovalData['decision']['noticeDates'][number]): string =>
    typeof value === 'string'
      ? `Ngày ${date(value)}`
      : 'words' in value
        ? value.words
        : `Từ ${date(value.from)} đến ${date(value.to)}`;
  const footer = `<div class="foot">${qrSvg}<div><i>Mã hồ sơ: ${data.dossierCode}</i><br><i>Tra cứu tính xác thực tại:</i><br>${data.verifyUrl}</div></div>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm }
body { font-family: 'Liberation Serif'; font-size: 13pt; line-height: 1.17; margin: 0 }
p { margin: 0 0 3pt; text-align: justify; text-indent: 1cm } .basis p { font-style: italic }
.head { display: flex; text-align: center } .head > div:first-child { width: 42% } .head > div:last-child { flex: 1 }
.rule { border-bottom: 0.7pt solid #000; display: inline-block; padding-bottom: 2pt }
h1 { font-size: 14pt; text-align: center; margin: 12pt 0 0 } h2 { font-size: 13pt; text-align: center; margin: 0 0 10pt }
h3 { font-size: 12.5pt; text-align: center; margin: 4pt 0 } .closing { display: flex; margin-top: 4pt }
.closing > div { width: 50% } .sign { text-align: center; font-weight: bold } .sign .name { margin-top: 44pt }
.recipients { font-size: 11pt } .page { page-break-after: always; display: flex; flex-direction: column; min-height: 261mm }
.foot { margin-top: auto; display: flex; gap: 6pt; font-size: 8pt; align-items: flex-end } .foot svg { width: 54pt; flex: none }
table { border-collapse: collapse; width: 100%; font-size: 11pt } td, th { border: 0.6pt solid #000; padding: 5pt; text-align: center }
</style></head><body><div class="page">
<div class="head"><div>${issuer.parentAuthority}<br><b class="rule">${issuer.authority}</b><br>Số: ${data.documentNumber}/QĐ-${issuer.symbol}</div>
<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br><span class="rule">Độc lập - Tự do - Hạnh phúc</span></b><br><i>${issuer.place}, ${longDate}</i></div></div>
<h1>QUYẾT ĐỊNH</h1><h2><span class="rule">Về việc hưởng trợ cấp thất nghiệp</span></h2>
<h3>GIÁM ĐỐC ${issuer.authorityFullName.toUpperCase()}</h3>
<div class="basis"><p>Căn cứ Luật Việc làm số 74/2025/QH15;</p>
<p>Căn cứ Nghị định số 374/2025/NĐ-CP của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp;</p>
<p>Theo đề nghị của Giám đốc ${center} (hồ sơ số ${data.dossierCode} nộp ngày ${date(data.submittedAt)}).</p></div>
<h3>QUYẾT ĐỊNH:</h3>
<p><b>Điều 1.</b> ${who} <b>${data.holder.fullName}</b>, sinh ngày ${date(data.holder.dateOfBirth)}, số định danh cá nhân: <b>${data.holder.personalId}</b>, nơi cư trú: ${data.holder.address}; đã chấm dứt hợp đồng lao động với ${data.lastEmployer} ngày ${date(data.terminationDate)}, được hưởng trợ cấp thất nghiệp như sau:</p>
<p>- Số tháng đóng bảo hiểm thất nghiệp: ${d.contributionMonths} tháng;</p>
<p>- Mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 06 tháng liền kề trước khi thất nghiệp: ${formatVnd(d.averageSalary)};</p>
<p>- Mức hưởng trợ cấp thất nghiệp hằng tháng: <b>${formatVnd(d.monthlyBenefit)}</b> (bằng chữ: <i>${vndInWords(d.monthlyBenefit)}</i>);</p>
<p>- Số tháng được hưởng trợ cấp thất nghiệp: <b>${d.benefitMonths} tháng</b>, từ ngày <b>${date(d.entitlementStart)}</b> đến ngày <b>${date(d.entitlementEnd)}</b>;</p>
<p>- Nơi nhận trợ cấp thất nghiệp: ${d.paymentPlace ?? d.socialInsuranceOffice}.</p>
<p>- Số tháng đóng bảo hiểm thất nghiệp được bảo lưu sau khi hưởng: ${d.reservedMonthsAfter ?? 0} tháng.</p>
<p><b>Điều 2.</b> ${d.socialInsuranceOffice} có trách nhiệm chi trả trợ cấp thất nghiệp và cấp thẻ bảo hiểm y tế cho ${who} có tên tại Điều 1 theo quy định. ${who} có tên tại Điều 1 có trách nhiệm thông báo về việc tìm kiếm việc làm hằng tháng theo lịch tại Phụ lục kèm theo Quyết định này.</p>
<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Giám đốc ${center}, Giám đốc ${d.socialInsuranceOffice} và ${who} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.</p>
<div class="closing"><div class="recipients"><b><i style="font-size: 12pt">Nơi nhận:</i></b><br>- Như Điều 3;<br>- ${d.socialInsuranceOffice};<br>- Lưu: VT, hồ sơ ${data.dossierCode}.</div>
<div class="sign"><div>${issuer.signerTitle}</div><div class="name">${issuer.signerName}</div></div></div>
${footer}</div><div class="page">
<h1>PHỤ LỤC</h1><h2><span class="rule">Lịch thông báo tìm kiếm việc làm hằng tháng</span></h2>
<p style="text-align: center; text-indent: 0"><i>(Kèm theo Quyết định số ${data.documentNumber}/QĐ-${issuer.symbol} ${longDate} của Giám đốc ${issuer.authorityFullName})</i></p>
<p>${who}: <b>${data.holder.fullName}</b> – Số định danh cá nhân: ${data.holder.personalId}</p>
<table><tr><th>Tháng hưởng thứ</th><th>Thời gian hưởng trợ cấp thất nghiệp</th><th>Thời hạn thông báo tìm kiếm việc làm</th></tr>
${d.periods.map((period, index) => `<tr><td>${String(index + 1).padStart(2, '0')}</td><td>Từ ${date(period.from)} đến ${date(period.to)}</td><td>${notice(d.noticeDates[index])}</td></tr>`).join('\n')}
</table>
<p style="margin-top: 10pt"><i>Ghi chú: Người lao động thông báo về việc tìm kiếm việc làm trực tuyến trên Cổng Dịch vụ công quốc gia hoặc trực tiếp tại ${center}. Tháng không thông báo sẽ bị tạm dừng hưởng trợ cấp thất nghiệp; không thông báo 03 tháng liên tục sẽ bị chấm dứt hưởng trợ cấp thất nghiệp.</i></p>
${footer}</div></body></html>`;
}

let clockTicks: number | undefined;

/** CPU milliseconds used so far by the descendants of this process (Linux /proc; 0 elsewhere). */
function childProcessesCpuMs(): number {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const parents = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
        // utime, stime, cutime, cstime (fields 14-17 of stat, counted after the command name)
        ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      } catch {
        // the process ended meanwhile
      }
    }
    let total = 0;
    for (const [pid, used] of ticks) {
      for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) {
        if (parent === process.pid) {
          total += used;
          break;
        }
      }
    }
    return (total * 1000) / clockTicks;
  } catch {
    return 0;
  }
}

async function measure(
  documents: number,
  warmUp: number,
  work: () => Promise<Buffer>,
  countChildren = false,
): Promise<StepFigures> {
  for (let index = 0; index < warmUp; index += 1) await work();
  let bytes = 0;
  const cpu = process.cpuUsage();
  const children = countChildren ? childProcessesCpuMs() : 0;
  const start = process.hrtime.bigint();
  for (let index = 0; index < documents; index += 1) bytes += (await work()).length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 + (countChildren ? childProcessesCpuMs() - children : 0);
  return {
    documents,
    msPerDocument: ms / documents,
    perSecond: (documents * 1000) / ms,
    cpuMsPerDocument: cpuMs / documents,
    perCpuSecond: (documents * 1000) / cpuMs,
    bytesPerDocument: Math.round(bytes / documents),
  };
}

async function measureChromium(documents: number, data: DecisionApprovalData): Promise<StepFigures> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    return await measure(
      documents,
      Math.max(3, Math.floor(documents / 10)),
      async () => {
        // Same per-document work as the pdfkit side: QR code and markup built from the data.
        const qrSvg = await QRCode.toString(data.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
        await page.setContent(decisionHtml(data, SAMPLE_ISSUER, qrSvg), { waitUntil: 'load' });
        return page.pdf({ format: 'A4', preferCSSPageSize: true });
      },
      true,
    );
  } finally {
    await browser.close();
  }
}

export async function runDecisionBench(options: DecisionBenchOptions = {}): Promise<DecisionBenchResult> {
  const iterations = options.iterations ?? 200;
  const warmUp = Math.max(5, Math.floor(iterations / 10));
  const data = SAMPLE_DOCUMENTS['decision-approval'];
  const dir = mkdtempSync(join(tmpdir(), 'decisions-bench-'));
  try {
    const signers = await ensureDevelopmentSigners(dir);
    const identity = signers.organisation;
    const unsigned = await renderDocument('decision-approval', data, SAMPLE_ISSUER);
    const baseline = { personal: signers.personal, organisation: signers.organisation, payloadKey: signers.payloadKey };

    const signed = await measure(
      iterations,
      warmUp,
      async () => (await issueSignedDocument('decision-approval', data, SAMPLE_ISSUER, baseline)).pdf,
    );
    // The TSA runs in this process here, so its RSA signatures count against the same core.
    const tsa = new SandboxTimestampAuthority();
    const signedLongTerm = await measure(
      iterations,
      warmUp,
      async () =>
        (await issueSignedDocument('decision-approval', data, SAMPLE_ISSUER, { ...signers, timestamps: tsa })).pdf,
    );
    const renderOnly = await measure(iterations, warmUp, () =>
      renderDocument('decision-approval', data, SAMPLE_ISSUER),
    );
    const signOnly = await measure(iterations, warmUp, () => signPdf(unsigned, identity));

    let chromiumFigures: StepFigures | null = null;
    let chromiumError: string | undefined;
    if (options.chromium !== false) {
      try {
        chromiumFigures = await measureChromium(
          options.chromiumIterations ?? Math.max(10, Math.floor(iterations / 4)),
          data,
        );
      } catch (error) {
        chromiumError = (error as Error).message;
      }
    }
    return {
      node: process.version,
      pages: '2 pages: decision with signer on page 1, appendix table on page 2; QR code on each page',
      signed,
      signedLongTerm,
      renderOnly,
      signOnly,
      chromium: chromiumFigures,
      ratio: chromiumFigures ? signed.perSecond / chromiumFigures.perSecond : null,
      cpuRatio: chromiumFigures ? signed.perCpuSecond / chromiumFigures.perCpuSecond : null,
      ...(chromiumError ? { chromiumError } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDecisionBench(result: DecisionBenchResult): string {
  const row = (label: string, step: StepFigures | null): string =>
    step
      ? `| ${label} | ${step.documents} | ${step.msPerDocument.toFixed(2)} | **${step.perSecond.toFixed(1)}** | ${step.cpuMsPerDocument.toFixed(2)} | **${step.perCpuSecond.toFixed(1)}** | ${(step.bytesPerDocument / 1024).toFixed(0)} KiB |`
      : `| ${label} | – | – | – | – | – | – |`;
  return [
    `Approval decision (${result.pages}), one Node process, sequential, ${result.node}`,
    '',
    '| step | documents | wall ms/doc | documents/s (wall) | CPU ms/doc | documents per CPU-second (per core) | PDF size |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('signed decision: render + 2 PAdES signatures + QR payload, B-B (issueSignedDocument)', result.signed),
    row('… + 2 RFC 3161 timestamps (in-process TSA) + DSS with CRLs, B-LT', result.signedLongTerm),
    row('render only (pdfkit, placeholder)', result.renderOnly),
    row('one signature only (CAdES RSA-2048, identity opened once)', result.signOnly),
    row('headless Chromium: setContent + page.pdf, unsigned', result.chromium),
    '',
    result.ratio !== null && result.cpuRatio !== null
      ? `signed pdfkit ÷ unsigned Chromium: **${result.ratio.toFixed(1)}×** wall clock, **${result.cpuRatio.toFixed(1)}×** per CPU-second (Chromium CPU counted over all its processes)`
      : `Chromium not measured${result.chromiumError ? `: ${result.chromiumError}` : ''}`,
  ].join('\n');
}

if (require.main === module) {
  const iterations = Number(process.argv[2] ?? 200);
  runDecisionBench({ iterations })
    .then((result) => console.log(formatDecisionBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
