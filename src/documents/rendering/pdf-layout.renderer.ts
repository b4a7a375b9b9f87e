import PDFDocument from 'pdfkit';
import { formatLongDate } from '../formatting/vietnamese-date.formatter';
import type {
  DocumentTemplate,
  ListBlock,
  TableBlock,
  TemplateBlock,
  TemplateLine,
  TextBlock,
} from '../templates/document-template.types';
import type { TextRun } from '../templates/template-text.evaluator';
import { evaluateRuns, isTruthyField, resolveField, substituteFields } from '../templates/template-text.evaluator';
import { TemplateError } from '../templates/template-error';
import type { DocumentViewModel } from './document-view-model';
import type { FontFace, FontSet } from './pdf-fonts';
import { installFonts } from './pdf-fonts';
import type { ParagraphStyle } from './paragraph-layout';
import { drawParagraph, measureParagraph, writeText } from './paragraph-layout';
import type { PreparedImage } from './signature-images';
import { drawPreparedImage } from './signature-images';

/** A4 page with the margins of Nghị định 30/2020, Phụ lục I (top 20–25, bottom 20–25, left 30–35, right 15–20 mm). */
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;
/** 24 mm: the QR code carries the URL and the signed offline payload (about 330 characters). */
const QR_SIZE = 68;
/** Space kept above the page's bottom margin for the QR code and the verification note (left half only). */
const FOOTER_HEIGHT = QR_SIZE + 8;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT_WIDTH = CONTENT_WIDTH * 0.42;
/** "Nơi nhận" (and the QR note under it) on the left, the signer block on the right. */
const CLOSING_LEFT_WIDTH = CONTENT_WIDTH * 0.5;
/** Body size when the font set does not say (13 pt, Nghị định 30: 13–14 pt). */
const DEFAULT_BODY_SIZE = 13;

/** Vertical spacing. `compact` is used when the closing block would otherwise be pushed to a new page. */
export type LayoutDensity = 'normal' | 'compact';

interface Spacing {
  /** Extra space between lines of a paragraph (pt). */
  readonly lineGap: number;
  readonly paragraphGap: number;
  readonly basisGap: number;
  /** Between the signer's title and name. */
  readonly signatureSpace: number;
}

/**
 * Nghị định 30/2020, Phụ lục I: at least 6 pt between paragraphs, single line spacing or more. `compact` only drops the
 * extra line gap: when the closing still does not fit, the last article moves with it to the next page.
 */
const SPACING: Readonly<Record<LayoutDensity, Spacing>> = {
  normal: { lineGap: 0.4, paragraphGap: 6, basisGap: 0.5, signatureSpace: 44 },
  compact: { lineGap: 0, paragraphGap: 6, basisGap: 0.5, signatureSpace: 44 },
};
const FIRST_LINE_INDENT = 1 * 28.35;

export interface QrMatrix {
  readonly size: number;
  readonly modules: ArrayLike<number | boolean>;
}

export interface LayoutInput {
  readonly template: DocumentTemplate;
  readonly view: DocumentViewModel;
  readonly fonts: FontSet;
  /** QR code modules (row-major, 1 = dark), drawn as vector squares. */
  readonly qr: QrMatrix;
  readonly verifyUrl: string;
  readonly dossierCode: string;
  readonly title: string;
  readonly author: string;
  readonly density?: LayoutDensity;
  /**
   * Start a new page before the text block that precedes the closing (signer and "Nơi nhận"), so that the closing
   * never stands alone on a page (Nghị định 30/2020, Phụ lục I: the signature page carries text of the document).
   */
  readonly keepLastTextWithClosing?: boolean;
  /** Visible signatures; without it the space between signer title and name stays blank. */
  readonly appearance?: SignatureAppearance;
  /** Called on the page of the signer block, right after it is drawn (to add the first signature's widget). */
  readonly onSignatureArea?: (doc: PDFKit.PDFDocument, placement: SignaturePlacement) => void;
}

/** The images and facts of the visible signatures (Nghị định 30/2020, Phụ lục I, mục II). */
export interface SignatureAppearance {
  /** The competent person's signature image; absent for a document signed by the organisation only. */
  readonly signatureImage?: PreparedImage;
  readonly sealImage?: PreparedImage;
  readonly organisationName: string;
  readonly signedAt: Date;
}

/** [x1, y1, x2, y2] in PDF user space (origin bottom left). */
export type PdfRect = readonly [number, number, number, number];

export interface SignatureRect {
  /** Zero-based page index. */
  readonly page: number;
  readonly rect: PdfRect;
}

/** Where the visible signatures are: the competent person's and the organisation's. */
export interface SignaturePlacement {
  readonly personal?: SignatureRect;
  readonly organisation?: SignatureRect;
}

/** The input with its spacing resolved. */
interface Layout extends LayoutInput {
  readonly spacing: Spacing;
  /** Body size (pt); every other size scales with it (`size(n)` is n pt at a 13 pt body). */
  readonly bodySize: number;
  readonly size: (points: number) => number;
  readonly pageIndex: () => number;
  /** The QR code's form XObject, made on the first page. */
  readonly qrForm: { ref?: PDFKit.PDFKitReference };
}

export interface LayoutResult {
  /** Not yet ended, so that a signature placeholder can be added before `end()`. */
  readonly doc: PDFKit.PDFDocument;
  /** A "Nơi nhận" / signer block did not fit below the text before it and starts a new page. */
  readonly closingOnNewPage: boolean;
  readonly signatures: SignaturePlacement;
}

type Doc = PDFKit.PDFDocument;

interface RunOptions {
  readonly x?: number;
  readonly width?: number;
  readonly align?: 'left' | 'center' | 'right' | 'justify';
  readonly indent?: number;
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly gapAfter?: number;
}

function useFont(doc: Doc, face: FontFace, size: number): Doc {
  return doc.font(face).fontSize(size);
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Writes styled runs as one paragraph at the current position (breaking at spaces only, see paragraph-layout). */
function writeRuns(doc: Doc, input: Layout, runs: readonly TextRun[], options: RunOptions = {}): void {
  const y = drawParagraph(
    doc,
    runs,
    {
      x: options.x ?? MARGIN.left,
      width: options.width ?? CONTENT_WIDTH,
      size: options.size ?? input.bodySize,
      align: options.align ?? 'justify',
      indent: options.indent ?? 0,
      lineGap: input.spacing.lineGap,
      bold: options.bold,
      italic: options.italic,
    },
    doc.y,
    () => pageBottom(doc),
    () => {
      doc.addPage();
      return doc.y;
    },
  );
  doc.x = MARGIN.left;
  doc.y = y + (options.gapAfter ?? input.spacing.paragraphGap);
}

/** Fits a single line into `width` by shrinking the font size in half-point steps. */
function fittedSize(doc: Doc, text: string, face: FontFace, size: number, width: number): number {
  let current = size;
  while (current > 8 && useFont(doc, face, current).widthOfString(text) > width) current -= 0.5;
  return current;
}

function drawRule(doc: Doc, centerX: number, y: number, length: number): void {
  doc
    .moveTo(centerX - length / 2, y)
    .lineTo(centerX + length / 2, y)
    .lineWidth(0.7)
    .strokeColor('#000000')
    .stroke();
}

/** One centered line that never wraps (so never breaks at a hyphen): shrunk in half points until it fits. */
function centeredLine(
  doc: Doc,
  text: string,
  face: FontFace,
  size: number,
  x: number,
  width: number,
  y: number,
): number {
  const fitted = fittedSize(doc, text, face, size, width);
  useFont(doc, face, fitted);
  const lineWidth = doc.widthOfString(text);
  writeText(doc, text, x + (width - lineWidth) / 2, y);
  return y + doc.currentLineHeight(true) + 1;
}

/** Nghị định 30/2020, Phụ lục I: authority (13 pt, upper case) left, national motto right, number, place and date. */
function drawHeader(doc: Doc, input: Layout): void {
  const { header } = input.view;
  const size = input.size;
  const top = MARGIN.top;
  const leftX = MARGIN.left - 14;
  const leftWidth = HEADER_LEFT_WIDTH + 14;
  const leftCenter = leftX + leftWidth / 2;
  const rightX = MARGIN.left + HEADER_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - HEADER_LEFT_WIDTH + 10;
  const rightCenter = rightX + rightWidth / 2;

  // Left: parent authority, issuing authority (bold) with a short rule, then the number.
  let leftY = centeredLine(doc, header.parentAuthority, 'regular', size(13), leftX, leftWidth, top);
  leftY = centeredLine(doc, header.authority, 'bold', size(13), leftX, leftWidth, leftY);
  const authorityWidth = Math.min(doc.widthOfString(header.authority), leftWidth);
  // Below the dots under letters such as "Ụ".
  const leftRuleY = leftY + 4.5;
  drawRule(doc, leftCenter, leftRuleY, authorityWidth * 0.4);

  // Right: national motto (13 pt) and slogan (14 pt) with a rule as long as the slogan.
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  let rightY = centeredLine(doc, motto, 'bold', size(13), rightX, rightWidth, top);
  const slogan = 'Độc lập - Tự do - Hạnh phúc';
  rightY = centeredLine(doc, slogan, 'bold', size(14), rightX, rightWidth, rightY);
  const rightRuleY = rightY + 1;
  drawRule(doc, rightCenter, rightRuleY, doc.widthOfString(slogan));

  const lineY = Math.max(leftRuleY, rightRuleY) + 9;
  const numberBottom = centeredLine(doc, header.numberLine, 'regular', size(13), leftX, leftWidth, lineY);
  const placeDate = `${header.place}, ${formatLongDate(header.issuedAt)}`;
  const dateBottom = centeredLine(doc, placeDate, 'italic', size(14), rightX, rightWidth, lineY);
  doc.x = MARGIN.left;
  doc.y = Math.max(numberBottom, dateBottom) + 14;
}

/**
 * Vector QR code with a 2-module quiet zone (the page is white); no image decoding, so output is deterministic.
 * Drawn once per document into a form XObject that every page places.
 */
function drawQr(doc: Doc, input: Layout, x: number, y: number): void {
  const state = input.qrForm;
  if (!state.ref) {
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, QR_SIZE, QR_SIZE] });
    form.end(qrContent(input.qr));
    state.ref = form;
  }
  const page = doc.page as unknown as { xobjects: Record<string, unknown> };
  page.xobjects.Qr = state.ref;
  // pdfkit's page space is flipped (y down); the form is drawn in PDF space (y up) from its bottom-left corner.
  doc.save();
  doc.addContent(`1 0 0 -1 ${x.toFixed(3)} ${(y + QR_SIZE).toFixed(3)} cm /Qr Do`);
  doc.restore();
}

/**
 * The QR modules as rectangles in a QR_SIZE square, PDF space (origin bottom left): the content stream's
 * bytes, with the newline pdfkit adds after a text (written straight into one Buffer: a thousand small
 * strings per document otherwise).
 */
function qrContent(qr: QrMatrix): Buffer {
  // Drawn in module units (scaled once), so every rectangle has integer coordinates; the 2-module quiet zone
  // is the offset. Row 0 is the top row.
  const module = QR_SIZE / (qr.size + 4);
  const out = Buffer.allocUnsafe(64 + qr.size * qr.size * 8);
  let at = out.write(`0 g\n${module.toFixed(5)} 0 0 ${module.toFixed(5)} 0 0 cm`, 0, 'latin1');
  const integer = (value: number): void => {
    if (value >= 100) out[at++] = 0x30 + Math.floor(value / 100);
    if (value >= 10) out[at++] = 0x30 + (Math.floor(value / 10) % 10);
    out[at++] = 0x30 + (value % 10);
  };
  // One rectangle per horizontal run of dark modules: a third of the content bytes of one per module.
  for (let row = 0; row < qr.size; row += 1) {
    let column = 0;
    while (column < qr.size) {
      if (!qr.modules[row * qr.size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < qr.size && qr.modules[row * qr.size + column]) column += 1;
      // "\n{x} {y} {width} 1 re"
      out[at++] = 0x0a;
      integer(start + 2);
      out[at++] = 0x20;
      integer(qr.size + 1 - row);
      out[at++] = 0x20;
      integer(column - start);
      at += out.write(' 1 re', at, 'latin1');
    }
  }
  at += out.write('\nf\n\n', at, 'latin1');
  return out.subarray(0, at);
}

const FOOTER_SIZE = 8;

/** Top of the verification URL line, the lowest line of the footer note. */
function footerUrlTop(doc: Doc): number {
  return doc.page.height - MARGIN.bottom - useFont(doc, 'regular', FOOTER_SIZE).currentLineHeight(true);
}

function drawFooter(doc: Doc, input: Layout, pageNumber: number): void {
  const { x, y } = doc;
  // A page can be added in the middle of a paragraph: restore the paragraph's font afterwards.
  const state = doc as unknown as { _font: unknown; _fontSize: number };
  const [font, fontSize] = [state._font, state._fontSize];
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const top = doc.page.height - MARGIN.bottom - QR_SIZE;
  drawQr(doc, input, MARGIN.left, top);
  // The note sits beside the QR code, its last line (the URL, never wrapped, so that it can be copied) on
  // the QR code's bottom edge; the lines above it stay in the left half, under "Nơi nhận", so that the
  // signer block can reach down beside them.
  const textX = MARGIN.left + QR_SIZE + 6;
  const narrowWidth = CLOSING_LEFT_WIDTH - QR_SIZE - 6;
  const urlTop = footerUrlTop(doc);
  useFont(doc, 'italic', FOOTER_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  // Single lines without a width: pdfkit then skips its line wrapper (they are short enough for narrowWidth).
  const code = `Mã hồ sơ: ${input.dossierCode}`;
  const codeSize = fittedSize(doc, code, 'italic', FOOTER_SIZE, narrowWidth);
  useFont(doc, 'italic', codeSize);
  writeText(doc, code, textX, urlTop - 2 * lineHeight);
  useFont(doc, 'italic', FOOTER_SIZE);
  writeText(doc, 'Tra cứu tính xác thực tại:', textX, urlTop - lineHeight);
  useFont(doc, 'regular', FOOTER_SIZE);
  writeText(doc, input.verifyUrl, textX, urlTop);
  if (pageNumber > 1) {
    useFont(doc, 'regular', input.size(13));
    const number = String(pageNumber);
    writeText(doc, number, MARGIN.left + (CONTENT_WIDTH - doc.widthOfString(number)) / 2, MARGIN.top / 2);
  }
  doc.page.margins.bottom = savedBottom;
  state._font = font;
  doc.fontSize(fontSize);
  doc.x = x;
  doc.y = y;
}

function siteOf(input: Layout, line: TemplateLine): { templateName: string; lineNumber: number } {
  return { templateName: input.template.name, lineNumber: line.lineNumber };
}

/** Groups lines into paragraphs: blank lines separate, and a line starting with "- " starts its own. */
function paragraphsOf(lines: readonly TemplateLine[]): TemplateLine[] {
  const paragraphs: TemplateLine[] = [];
  let current: TemplateLine | undefined;
  for (const line of lines) {
    if (line.text === '') {
      current = undefined;
      continue;
    }
    if (!current || line.text.startsWith('- ')) {
      current = { text: line.text, lineNumber: line.lineNumber };
      paragraphs.push(current);
    } else {
      current = { text: `${current.text} ${line.text}`, lineNumber: current.lineNumber };
      paragraphs[paragraphs.length - 1] = current;
    }
  }
  return paragraphs;
}

function drawTitle(doc: Doc, input: Layout, block: TextBlock): void {
  const lines = block.lines.filter((line) => line.text !== '');
  let widest = 0;
  lines.forEach((line) => {
    const runs = evaluateRuns(line.text, input.view.scope, siteOf(input, line));
    const size = input.size(14);
    useFont(doc, 'bold', size);
    widest = Math.max(widest, doc.widthOfString(runs.map((run) => run.text).join('')));
    writeRuns(doc, input, runs, { align: 'center', size, bold: true, gapAfter: 1 });
  });
  drawRule(doc, MARGIN.left + CONTENT_WIDTH / 2, doc.y + 3, Math.min(widest, CONTENT_WIDTH) * 0.35);
  doc.y += 12;
}

function drawTextBlock(doc: Doc, input: Layout, block: TextBlock): void {
  const scope = input.view.scope;
  switch (block.type) {
    case 'title':
      drawTitle(doc, input, block);
      return;
    case 'heading':
      for (const line of block.lines.filter((item) => item.text !== '')) {
        writeRuns(doc, input, evaluateRuns(line.text, scope, siteOf(input, line)), {
          align: 'center',
          bold: !block.options.italic,
          italic: block.options.italic,
          size: block.options.italic ? input.bodySize : input.size(13),
          gapAfter: 2,
        });
      }
      doc.y += 5;
      return;
    case 'basis':
      for (const line of block.lines.filter((item) => item.text !== '')) {
        writeRuns(doc, input, evaluateRuns(line.text, scope, siteOf(input, line)), {
          italic: true,
          indent: FIRST_LINE_INDENT,
          gapAfter: input.spacing.basisGap,
        });
      }
      doc.y += 4;
      return;
    case 'paragraph':
    case 'fields':
      for (const paragraph of block.type === 'fields'
        ? block.lines.filter((item) => item.text !== '')
        : paragraphsOf(block.lines)) {
        writeRuns(doc, input, evaluateRuns(paragraph.text, scope, siteOf(input, paragraph)), {
          indent: FIRST_LINE_INDENT,
          italic: block.options.italic,
          bold: block.options.bold,
          align: block.options.center ? 'center' : 'justify',
        });
      }
      doc.y += block.type === 'fields' ? 1 : 2;
      return;
    case 'recipients':
    case 'signature':
      throw new TemplateError(
        input.template.name,
        block.lines[0]?.lineNumber,
        `@${block.type} is drawn by the closing block`,
      );
  }
}

function arrayField(input: Layout, source: string, lineNumber: number | undefined): readonly unknown[] {
  let value: unknown;
  try {
    value = resolveField(input.view.scope, source);
  } catch (error) {
    throw new TemplateError(input.template.name, lineNumber, (error as Error).message);
  }
  if (!Array.isArray(value)) throw new TemplateError(input.template.name, lineNumber, `"${source}" is not a list`);
  return value;
}

function drawList(doc: Doc, input: Layout, block: ListBlock): void {
  const items = arrayField(input, block.source, block.lines[0]?.lineNumber);
  const itemTemplate = block.lines.filter((line) => line.text !== '');
  items.forEach((item, index) => {
    const scope = { ...input.view.scope, item, index: index + 1 };
    for (const line of itemTemplate) {
      const runs = evaluateRuns(line.text, scope, siteOf(input, line));
      writeRuns(doc, input, [{ text: `${index + 1}. `, bold: false, italic: false }, ...runs], {
        indent: FIRST_LINE_INDENT,
        italic: block.options.italic,
      });
    }
  });
  doc.y += 4;
}

function drawTable(doc: Doc, input: Layout, block: TableBlock): void {
  const rows = arrayField(input, block.source, block.cells[0]?.lineNumber);
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  const widths = block.widths.map((width) => (width / total) * CONTENT_WIDTH);
  const padding = 5;
  const size = input.size(12);
  const cellStyle = (index: number, bold: boolean): ParagraphStyle => ({
    x: 0,
    width: widths[index] - 2 * padding,
    size,
    align: 'center',
    indent: 0,
    lineGap: 1,
    bold,
  });
  const run = (text: string): TextRun[] => [{ text, bold: false, italic: false }];

  const drawRow = (cells: readonly string[], bold: boolean): void => {
    const height =
      Math.max(...cells.map((cell, index) => measureParagraph(doc, run(cell), cellStyle(index, bold)))) + 2 * padding;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (!bold) drawRow(block.header, true);
    }
    const top = doc.y;
    let x = MARGIN.left;
    cells.forEach((cell, index) => {
      doc.rect(x, top, widths[index], height).lineWidth(0.6).strokeColor('#000000').stroke();
      const style = { ...cellStyle(index, bold), x: x + padding };
      drawParagraph(
        doc,
        run(cell),
        style,
        top + padding,
        () => Infinity,
        () => top + padding,
      );
      x += widths[index];
    });
    doc.x = MARGIN.left;
    doc.y = top + height;
  };

  drawRow(block.header, true);
  rows.forEach((row, index) => {
    const scope = { ...input.view.scope, row, index: index + 1 };
    drawRow(
      block.cells.map((cell) => substituteFields(cell.text, scope, siteOf(input, cell))),
      false,
    );
  });
  doc.y += 10;
}

/** One entry per recipient: repeated entries (same words, case and final punctuation aside) are dropped. */
export function uniqueRecipients(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const line of lines) {
    const text = line
      .trim()
      .replace(/[;.,]+$/, '')
      .trim();
    const key = text.toLocaleLowerCase('vi').replace(/\s+/g, ' ');
    if (!text || seen.has(key)) continue;
    seen.add(key);
    result.push(text);
  }
  // Each entry ends with ";" and the last one with "." (Nghị định 30/2020, Phụ lục I).
  return result.map((text, index) => `${text}${index === result.length - 1 ? '.' : ';'}`);
}

/** ISO 8601 in Vietnam time (UTC+7), as Nghị định 30 asks for the signing time of a digital signature. */
export function vietnamIsoTime(instant: Date): string {
  return `${new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

const SEAL_DIAMETER = 34 * MM;
const SIGNATURE_IMAGE = { width: 46 * MM, height: 20 * MM } as const;

function pdfRect(doc: Doc, x: number, y: number, width: number, height: number): PdfRect {
  const h = doc.page.height;
  const r = (value: number): number => Math.round(value * 100) / 100;
  return [r(x), r(h - y - height), r(x + width), r(h - y)];
}

/**
 * The space between the signer's title and name (Nghị định 30/2020, Phụ lục I, mục II): the competent person's
 * signature image centred, the organisation's seal over the left third of it, and the organisation's signing
 * information (name, time in ISO 8601) beside the seal. Returns the widget rectangles of both signatures.
 */
function drawSignatureArea(doc: Doc, input: Layout, x: number, width: number, top: number): SignaturePlacement {
  const appearance = input.appearance;
  if (!appearance) return {};
  const page = input.pageIndex();
  const center = x + width / 2;
  const info = [`Ký bởi: ${appearance.organisationName}`, `Thời gian ký: ${vietnamIsoTime(appearance.signedAt)}`];
  const infoSize = input.size(7.5);
  if (appearance.signatureImage) {
    const sig = { x: center - SIGNATURE_IMAGE.width / 2, y: top + 10, ...SIGNATURE_IMAGE };
    const seal = {
      x: sig.x + sig.width / 3 - SEAL_DIAMETER,
      y: sig.y + sig.height / 2 - SEAL_DIAMETER / 2,
      size: SEAL_DIAMETER,
    };
    drawPreparedImage(doc, appearance.signatureImage, sig.x, sig.y, sig.width, sig.height);
    if (appearance.sealImage) drawPreparedImage(doc, appearance.sealImage, seal.x, seal.y, seal.size, seal.size);
    const infoX = sig.x + sig.width / 3 + 2;
    const infoWidth = x + width - infoX;
    let infoY = sig.y + sig.height + 1;
    for (const line of info) {
      const size = fittedSize(doc, line, 'italic', infoSize, infoWidth);
      useFont(doc, 'italic', size);
      writeText(doc.fillColor('#1f3a93'), line, infoX, infoY);
      infoY += doc.currentLineHeight(true);
    }
    doc.fillColor('#000000');
    return {
      personal: { page, rect: pdfRect(doc, sig.x, sig.y, sig.width, sig.height) },
      organisation: { page, rect: pdfRect(doc, seal.x, seal.y, seal.size, seal.size) },
    };
  }
  // Signed by the organisation only (a center's slip): its seal, if configured, and the signing information.
  const boxWidth = Math.min(width - 10, 62 * MM);
  let boxX = center - boxWidth / 2;
  if (appearance.sealImage) {
    const size = 24 * MM;
    drawPreparedImage(doc, appearance.sealImage, boxX, top + 2, size, size);
    boxX += size / 3;
  }
  let y = top + 10;
  for (const line of info) {
    const size = fittedSize(doc, line, 'italic', infoSize + 0.5, x + width - boxX - 2);
    useFont(doc, 'italic', size);
    writeText(doc.fillColor('#1f3a93'), line, boxX + 2, y);
    y += doc.currentLineHeight(true);
  }
  doc.fillColor('#000000');
  return { organisation: { page, rect: pdfRect(doc, center - boxWidth / 2, top + 2, boxWidth, y - top) } };
}

/** "Nơi nhận:" bottom left and the signer block bottom right, side by side. */
/** Returns whether the block had to start a new page. */
function drawClosing(
  doc: Doc,
  input: Layout,
  recipients: TextBlock | undefined,
  signature: TextBlock | undefined,
): { movedToNewPage: boolean; placement: SignaturePlacement } {
  const scope = input.view.scope;
  const leftWidth = CLOSING_LEFT_WIDTH - 8;
  const rightX = MARGIN.left + CLOSING_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - CLOSING_LEFT_WIDTH;
  const recipientLines = uniqueRecipients(
    (recipients?.lines ?? [])
      .filter((line) => line.text !== '')
      .map((line) => substituteFields(line.text, scope, siteOf(input, line))),
  );
  const signatureLines = (signature?.lines ?? []).map((line) =>
    line.text === '---' ? '---' : substituteFields(line.text, scope, siteOf(input, line)),
  );
  const gapIndex = signatureLines.indexOf('---');
  const above = (gapIndex < 0 ? signatureLines : signatureLines.slice(0, gapIndex)).filter(Boolean);
  const below = gapIndex < 0 ? [] : signatureLines.slice(gapIndex + 1).filter(Boolean);
  const signatureSpace = input.appearance?.signatureImage
    ? SEAL_DIAMETER - 8
    : input.appearance?.sealImage
      ? 26 * MM
      : input.spacing.signatureSpace;

  const recipientStyle = (text: string): [TextRun[], ParagraphStyle] => [
    [{ text: `- ${text}`, bold: false, italic: false }],
    { x: MARGIN.left, width: leftWidth, size: input.size(11), align: 'left', indent: 0, lineGap: 0.5 },
  ];
  useFont(doc, 'boldItalic', input.size(12));
  let recipientsHeight = recipientLines.length > 0 ? doc.currentLineHeight(true) : 0;
  for (const line of recipientLines) recipientsHeight += measureParagraph(doc, ...recipientStyle(line));
  useFont(doc, 'bold', input.size(14));
  const signatureHeight = (above.length + below.length) * doc.currentLineHeight(true) + signatureSpace;
  doc.y += 4;
  // "Nơi nhận" must end above the QR code; the signer block may go down beside it, to the URL line.
  const signatureBottom = footerUrlTop(doc) - 4;
  const fits = doc.y + recipientsHeight <= pageBottom(doc) && doc.y + signatureHeight <= signatureBottom;
  if (!fits) doc.addPage();
  const top = doc.y;

  if (recipientLines.length > 0) {
    useFont(doc, 'boldItalic', input.size(12));
    writeText(doc, 'Nơi nhận:', MARGIN.left, top);
    let y = top + doc.currentLineHeight(true);
    for (const line of recipientLines) {
      const [runs, style] = recipientStyle(line);
      y = drawParagraph(
        doc,
        runs,
        style,
        y,
        () => Infinity,
        () => y,
      );
    }
    doc.y = y;
  }
  const recipientsBottom = doc.y;

  let y = top;
  for (const line of above) y = centeredLine(doc, line, 'bold', input.size(14), rightX, rightWidth, y);
  const placement = drawSignatureArea(doc, input, rightX, rightWidth, y);
  y += signatureSpace;
  for (const line of below) y = centeredLine(doc, line, 'bold', input.size(14), rightX, rightWidth, y);
  doc.x = MARGIN.left;
  doc.y = Math.max(recipientsBottom, y) + 8;
  return { movedToNewPage: !fits, placement };
}

function isShown(input: Layout, block: TemplateBlock): boolean {
  if (!block.options.if) return true;
  try {
    return isTruthyField(resolveField(input.view.scope, block.options.if));
  } catch (error) {
    throw new TemplateError(input.template.name, undefined, `if=${block.options.if}: ${(error as Error).message}`);
  }
}

/**
 * Lays the document out on A4 pages. The pdfkit document is returned not yet ended, so that a signature
 * placeholder can be added before `end()`.
 */
export function layoutDocument(layoutInput: LayoutInput): LayoutResult {
  const bodySize = layoutInput.fonts.family?.bodySize ?? DEFAULT_BODY_SIZE;
  let pageNumber = 0;
  const input: Layout = {
    ...layoutInput,
    spacing: SPACING[layoutInput.density ?? 'normal'],
    bodySize,
    size: (points) => (points * bodySize) / DEFAULT_BODY_SIZE,
    pageIndex: () => pageNumber - 1,
    qrForm: {},
  };
  const { view } = input;
  let closingOnNewPage = false;
  let signatures: SignaturePlacement | undefined;
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    // No default font: the faces are installed below (pdfkit would otherwise parse the regular face again).
    font: null as unknown as string,
    margins: { top: MARGIN.top, bottom: MARGIN.bottom + FOOTER_HEIGHT, left: MARGIN.left, right: MARGIN.right },
    info: {
      Title: input.title,
      Author: input.author,
      Subject: input.dossierCode,
      Creator: 'Dịch vụ công Giải quyết hưởng trợ cấp thất nghiệp',
      Producer: 'PDFKit',
      CreationDate: view.header.issuedAt,
      ModDate: view.header.issuedAt,
    },
  });
  installFonts(doc, input.fonts);
  doc.on('pageAdded', () => {
    pageNumber += 1;
    drawFooter(doc, input, pageNumber);
  });
  doc.addPage();
  useFont(doc, 'regular', input.bodySize);
  drawHeader(doc, input);

  const blocks = input.template.blocks.filter((block) => isShown(input, block));
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    switch (block.type) {
      case 'page-break':
        doc.addPage();
        break;
      case 'list':
        drawList(doc, input, block);
        break;
      case 'table':
        drawTable(doc, input, block);
        break;
      case 'recipients':
      case 'signature': {
        const next = blocks[index + 1];
        const pair =
          next && (next.type === 'recipients' || next.type === 'signature') && next.type !== block.type
            ? next
            : undefined;
        if (pair) index += 1;
        const all = [block, pair].filter((item): item is TextBlock => item !== undefined);
        const closing = drawClosing(
          doc,
          input,
          all.find((item) => item.type === 'recipients'),
          all.find((item) => item.type === 'signature'),
        );
        closingOnNewPage ||= closing.movedToNewPage;
        if (!signatures) {
          signatures = closing.placement;
          // The page is written out when the next one starts: the widgets must be added now.
          input.onSignatureArea?.(doc, signatures);
        }
        break;
      }
      case 'title':
      case 'heading':
      case 'basis':
      case 'paragraph':
      case 'fields': {
        const next = blocks[index + 1];
        const beforeClosing = next !== undefined && (next.type === 'recipients' || next.type === 'signature');
        if (input.keepLastTextWithClosing && beforeClosing) doc.addPage();
        const startPage = pageNumber;
        drawTextBlock(doc, input, block);
        // The article that the closing follows was split across pages: keep it whole with the closing instead.
        if (beforeClosing && pageNumber !== startPage) closingOnNewPage = true;
        break;
      }
    }
  }
  return { doc, closingOnNewPage, signatures: signatures ?? {} };
}
