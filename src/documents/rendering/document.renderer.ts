import { join } from 'node:path';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { KeyObject } from 'node:crypto';
import QRCode from 'qrcode';
import { vietnamDate } from '../../platform/clock/clock';
import { maskHolderName } from '../domain/holder-name';
import { offlineDigest, signOfflinePayload } from '../verification/offline-payload';
import type { DocumentData } from '../document-data.types';
import type { DocumentKind } from '../document-kind';
import type { IssuerProfile } from '../issuer-profile.types';
import { buildDocumentViewModel } from './document-view-model';
import { loadDocumentTemplate } from './document-template.loader';
import { loadFontSet, resolveFontsDir } from './pdf-fonts';
import { layoutDocument } from './pdf-layout.renderer';
import type { LayoutInput, SignatureAppearance, SignaturePlacement } from './pdf-layout.renderer';
import { DEFAULT_TEMPLATES_DIR } from './templates-directory';

export interface RenderOptions {
  /** Folder holding documents/ and fonts/; defaults to the repository's templates/. */
  readonly templatesDir?: string;
  /** Folder of the serif TTF files; default: DOCUMENT_FONTS_DIR, Debian's fonts-liberation2, else DejaVu. */
  readonly fontsDir?: string;
  /** Bytes reserved for the CMS signature (default 16 KiB, enough for a chain of 3 RSA certificates). */
  readonly signatureLength?: number;
  /** Visible signature images and signing time; without it the signer block leaves the space blank. */
  readonly appearance?: SignatureAppearance;
  /** The issuer's Ed25519 key: the QR code then also carries the signed offline payload (verification/). */
  readonly payloadKey?: KeyObject;
}

export interface RenderedDocument {
  /** The PDF with an empty signature field for the first signature. */
  readonly pdf: Buffer;
  /** Where the visible signatures are (the second one is added by an incremental update). */
  readonly signatures: SignaturePlacement;
}

/** PDF document titles, also used in the signature's reason. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  'decision-approval': 'Quyết định về việc hưởng trợ cấp thất nghiệp',
  'decision-refusal': 'Thông báo về việc không được hưởng trợ cấp thất nghiệp',
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  'intake-refusal': 'Phiếu từ chối tiếp nhận hồ sơ',
  'decision-suspension': 'Quyết định về việc tạm dừng hưởng trợ cấp thất nghiệp',
  'decision-resumption': 'Quyết định về việc tiếp tục hưởng trợ cấp thất nghiệp',
  'decision-termination': 'Quyết định về việc chấm dứt hưởng trợ cấp thất nghiệp',
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
  return (await renderDocumentWithPlacement(kind, data, issuer, options)).pdf;
}

/** Like `renderDocument`, also telling where the visible signatures are. */
export async function renderDocumentWithPlacement<K extends DocumentKind>(
  kind: K,
  data: DocumentData<K>,
  issuer: IssuerProfile,
  options: RenderOptions = {},
): Promise<RenderedDocument> {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const template = loadDocumentTemplate(templatesDir, kind);
  const view = buildDocumentViewModel(kind, template.meta, data, issuer);
  const qrText = options.payloadKey
    ? `${data.verifyUrl}#${offlinePayload(view.scope, data, options.payloadKey)}`
    : data.verifyUrl;
  // One byte-mode segment and a fixed mask: qrcode's segment optimiser and mask search cost ~2 ms per
  // document for a 330-character text, for a symbol that scans just as well.
  const code = QRCode.create([{ data: Buffer.from(qrText, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: options.payloadKey ? 'L' : 'M',
    maskPattern: 2,
  } as QRCode.QRCodeOptions);
  const author = template.meta.issuedBy === 'center' && issuer.center ? issuer.center.name : issuer.authorityFullName;
  const input: LayoutInput = {
    template,
    view,
    fonts: loadFontSet(options.fontsDir ?? resolveFontsDir(join(templatesDir, 'fonts'))),
    qr: { size: code.modules.size, modules: code.modules.data },
    verifyUrl: data.verifyUrl,
    dossierCode: data.dossierCode,
    title: DOCUMENT_TITLES[kind],
    author,
    appearance: options.appearance,
  };
  // The first signature: the competent person's (a decision) or the organisation's (a center's slip). Its
  // widget covers the signature image (or the seal); it is added while the signer's page is still open.
  const placeholder = (doc: PDFKit.PDFDocument, placement: SignaturePlacement): void => {
    const first = placement.personal ?? placement.organisation;
    pdfkitAddPlaceholder({
      pdf: doc,
      pdfBuffer: Buffer.alloc(0),
      reason: DOCUMENT_TITLES[kind],
      contactInfo: data.verifyUrl,
      name: placement.personal ? issuer.signerName : author,
      location: issuer.place,
      signingTime: options.appearance?.signedAt ?? data.issuedAt,
      signatureLength: options.signatureLength ?? DEFAULT_SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'tro-cap-that-nghiep',
      widgetRect: first ? [...first.rect] : [0, 0, 0, 0],
    } as Parameters<typeof pdfkitAddPlaceholder>[0]);
  };
  let layout = layoutDocument({ ...input, onSignatureArea: placeholder });
  // Keep the signer and "Nơi nhận" on the page of the text they close: lay out again with tighter spacing
  // (only for long data; the discarded documents were never ended). If even that overflows, the last article goes
  // to the next page with the closing, so the signature never stands alone on a page (Nghị định 30/2020).
  if (layout.closingOnNewPage) {
    const compact = layoutDocument({ ...input, density: 'compact', onSignatureArea: placeholder });
    layout = compact.closingOnNewPage
      ? layoutDocument({ ...input, density: 'compact', keepLastTextWithClosing: true, onSignatureArea: placeholder })
      : compact;
  }
  const { doc } = layout;
  const output = collect(doc);
  if (layout.signatures.personal === undefined && layout.signatures.organisation === undefined && !placed(doc)) {
    placeholder(doc, {});
  }
  doc.end();
  return { pdf: await output, signatures: layout.signatures };
}

/** The signed key facts for the QR code: number, date, masked holder, monthly amount, months, digest. */
function offlinePayload(scope: Readonly<Record<string, unknown>>, data: DocumentData, key: KeyObject): string {
  const decision = 'decision' in data ? data.decision : undefined;
  const base = {
    number: String(scope.documentNumber),
    issuedOn: vietnamDate(data.issuedAt),
    amount: decision?.monthlyBenefit ?? 0,
    months: decision?.benefitMonths ?? 0,
  };
  return signOfflinePayload(
    { ...base, maskedHolder: maskHolderName(data.holder.fullName), digest: offlineDigest(base, data.holder) },
    key,
  );
}

/** Whether a signature field was already added (a template without a signer block gets one at the end). */
function placed(doc: PDFKit.PDFDocument): boolean {
  return Boolean((doc as unknown as { _acroform?: unknown })._acroform);
}
