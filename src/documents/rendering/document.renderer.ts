import { join } from 'node:path';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import QRCode from 'qrcode';
import type { DocumentData } from '../document-data.types';
import type { DocumentKind } from '../document-kind';
import type { IssuerProfile } from '../issuer-profile.types';
import { buildDocumentViewModel } from './document-view-model';
import { loadDocumentTemplate } from './document-template.loader';
import { loadFontSet } from './pdf-fonts';
import { layoutDocument } from './pdf-layout.renderer';
import type { LayoutInput } from './pdf-layout.renderer';
import { DEFAULT_TEMPLATES_DIR } from './templates-directory';

export interface RenderOptions {
  /** Folder holding documents/ and fonts/; defaults to the repository's templates/. */
  readonly templatesDir?: string;
  /** Bytes reserved for the CMS signature (default 16 KiB, enough for a chain of 3 RSA certificates). */
  readonly signatureLength?: number;
}

/** PDF document titles, also used in the signature's reason. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  'decision-approval': 'Quyết định về việc hưởng trợ cấp thất nghiệp',
  'decision-refusal': 'Thông báo về việc không được hưởng trợ cấp thất nghiệp',
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  'intake-refusal': 'Phiếu từ chối tiếp nhận hồ sơ',
};

export const DEFAULT_SIGNATURE_LENGTH = 16384;

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders one document from its template into a PDF carrying an empty ETSI.CAdES.detached signature field,
 * ready for `signPdf`. Output is byte-identical for identical input (dates come from `data.issuedAt`).
 */
export async function renderDocument<K extends DocumentKind>(
  kind: K,
  data: DocumentData<K>,
  issuer: IssuerProfile,
  options: RenderOptions = {},
): Promise<Buffer> {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const template = loadDocumentTemplate(templatesDir, kind);
  const view = buildDocumentViewModel(kind, template.meta, data, issuer);
  const code = QRCode.create(data.verifyUrl, { errorCorrectionLevel: 'M' });
  const author = template.meta.issuedBy === 'center' && issuer.center ? issuer.center.name : issuer.authorityFullName;
  const input: LayoutInput = {
    template,
    view,
    fonts: loadFontSet(join(templatesDir, 'fonts')),
    qr: { size: code.modules.size, modules: code.modules.data },
    verifyUrl: data.verifyUrl,
    dossierCode: data.dossierCode,
    title: DOCUMENT_TITLES[kind],
    author,
  };
  let layout = layoutDocument(input);
  // Keep the signer and "Nơi nhận" on the page of the text they close: lay out again with tighter spacing
  // (only for long data; the discarded document was never ended). If even that overflows, keep it.
  if (layout.closingOnNewPage) {
    const compact = layoutDocument({ ...input, density: 'compact' });
    if (!compact.closingOnNewPage) layout = compact;
  }
  const { doc } = layout;
  const output = collect(doc);
  // The refs returned by the placeholder are already ended; ending them again would hang the document.
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: DOCUMENT_TITLES[kind],
    contactInfo: data.verifyUrl,
    name: author,
    location: issuer.place,
    signingTime: data.issuedAt,
    signatureLength: options.signatureLength ?? DEFAULT_SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'tro-cap-that-nghiep',
  } as Parameters<typeof pdfkitAddPlaceholder>[0]);
  doc.end();
  return output;
}
