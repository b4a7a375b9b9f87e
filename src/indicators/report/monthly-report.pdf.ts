import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { IssuerConfig } from '../../config/app-config';
import { loadFontSet, resolveFontsDir } from '../../documents/rendering/pdf-fonts';
import { layoutDocument } from '../../documents/rendering/pdf-layout.renderer';
import { DEFAULT_TEMPLATES_DIR } from '../../documents/rendering/templates-directory';
import { parseDocumentTemplate } from '../../documents/templates/document-template.parser';
import type { IndicatorSet } from '../domain/service-indicators';
import type { MonthIndicators } from '../indicators.service';

export const REPORT_TEMPLATE = 'monthly-indicator-report.template.txt';
export const REPORT_TITLE = 'Báo cáo tình hình giải quyết hưởng trợ cấp thất nghiệp';

const pct = (v: number | null) =>
  v === null ? 'chưa có số liệu' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
const cell = (v: number | null) => (v === null ? '–' : pct(v));
const days = (v: number | null) => (v === null ? 'chưa có số liệu' : `${dec(v)} ngày làm việc`);
const dec = (v: number | null) => (v === null ? '–' : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

/** The template's fields for the month (every figure as printed). */
export function reportScope(m: MonthIndicators, issuer: IssuerConfig, lastDay: string): Record<string, unknown> {
  const s: IndicatorSet = m.province;
  const monthLabel = `${m.month.slice(5)}/${m.month.slice(0, 4)}`;
  return {
    monthLabel,
    period: { from: `${m.month}-01`, to: lastDay },
    filed: { ...s.filed, onlineShare: pct(s.filed.onlineShare) },
    decided: s.decided,
    onTime: { count: s.onTime.count, share: pct(s.onTime.share) },
    electronicResult: { count: s.electronicResult.count, share: pct(s.electronicResult.share) },
    averageDays: days(s.averageWorkingDaysToDecision),
    p90Days: days(s.p90WorkingDaysToDecision),
    notices: { count: s.noticesOnTime.count, total: s.noticesOnTime.total, share: pct(s.noticesOnTime.share) },
    payments: { count: s.paymentsOnTime.count, total: s.paymentsOnTime.total, share: pct(s.paymentsOnTime.share) },
    satisfaction: {
      ratings: s.satisfaction.ratings,
      average: s.satisfaction.average === null ? 'chưa có số liệu' : `${dec(s.satisfaction.average)} điểm`,
    },
    centers: [...m.centers.map((c) => ({ name: c.centerName, set: c.indicators })), { name: 'Toàn tỉnh', set: s }].map(
      ({ name, set }) => ({
        name,
        filed: String(set.filed.total),
        online: cell(set.filed.onlineShare),
        decided: String(set.decided),
        onTime: cell(set.onTime.share),
        days: dec(set.averageWorkingDaysToDecision),
        satisfaction: set.satisfaction.average === null ? '–' : `${dec(set.satisfaction.average)}/5`,
      }),
    ),
    issuer: { ...issuer, signerOnBehalfOf: issuer.signerOnBehalfOf ?? '' },
    signer: { onBehalfOf: issuer.signerOnBehalfOf ?? '', title: issuer.signerTitle, name: issuer.signerName },
  };
}

/**
 * The draft monthly report as a PDF in the Nghị định 30/2020 form, laid out by the documents library (header with
 * authority and national motto, place and date, title, body, "Nơi nhận", signer block) from
 * templates/documents/monthly-indicator-report.template.txt. Not signed: the Director reviews, completes section IV
 * and signs it. The QR code leads to the report's page for staff.
 */
export async function renderMonthlyReportPdf(input: {
  month: MonthIndicators;
  lastDay: string;
  issuer: IssuerConfig;
  preparedAt: Date;
  url: string;
  templatesDir?: string;
}): Promise<Buffer> {
  const templatesDir = input.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const template = parseDocumentTemplate(
    REPORT_TEMPLATE,
    readFileSync(join(templatesDir, 'documents', REPORT_TEMPLATE), 'utf8'),
  );
  const code = QRCode.create([{ data: Buffer.from(input.url, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 2,
  } as QRCode.QRCodeOptions);
  const scope = normalize(reportScope(input.month, input.issuer, input.lastDay));
  const { doc } = layoutDocument({
    template,
    view: {
      header: {
        parentAuthority: input.issuer.parentAuthority,
        authority: input.issuer.authority,
        numberLine: `Số:      /BC-${input.issuer.symbol}`,
        place: input.issuer.place,
        issuedAt: input.preparedAt,
      },
      scope,
    },
    fonts: loadFontSet(resolveFontsDir(join(templatesDir, 'fonts'))),
    qr: { size: code.modules.size, modules: code.modules.data },
    verifyUrl: input.url,
    dossierCode: `BC-${input.month.month}`,
    title: `${REPORT_TITLE} tháng ${input.month.month}`,
    author: input.issuer.authorityFullName,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

function normalize<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => normalize(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)])) as T;
  return value;
}
