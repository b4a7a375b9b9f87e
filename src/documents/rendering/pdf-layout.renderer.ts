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
import { fontFaceFor, installFonts } from './pdf-fonts';

/** A4 page with the margins of Nghị định 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm). */
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 20 * MM, bottom: 15 * MM, left: 30 * MM, right: 17 * MM } as const;
const QR_SIZE = 54;
/** Space kept above the page's bottom margin for the QR code and the verification note (left half only). */
const FOOTER_HEIGHT = QR_SIZE + 8;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT_WIDTH = CONTENT_WIDTH * 0.42;
/** "Nơi nhận" (and the QR note under it) on the left, the signer block on the right. */
const CLOSING_LEFT_WIDTH = CONTENT_WIDTH * 0.5;
/** 12 pt body: DejaVu Serif is about 10% wider than Times New Roman, so it reads like 13 pt Times. */
const BODY_SIZE = 12;

/** Vertical spacing. `compact` is used when the closing block would otherwise be pushed to a new page. */
export type LayoutDensity = 'normal' | 'compact';

interface Spacing {
  /** Extra space between lines of a paragraph (pt); with DejaVu Serif 12 pt, 1 gives 15 pt lines. */
  readonly lineGap: number;
  readonly paragraphGap: number;
  readonly basisGap: number;
  /** Between the signer's title and name. */
  readonly signatureSpace: number;
}

const SPACING: Readonly<Record<LayoutDensity, Spacing>> = {
  normal: { lineGap: 0.6, paragraphGap: 2.5, basisGap: 1, signatureSpace: 44 },
  compact: { lineGap: 0, paragraphGap: 1.5, basisGap: 0.5, signatureSpace: 38 },
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
}

/** The input with its spacing resolved. */
interface Layout extends LayoutInput {
  readonly spacing: Spacing;
}

export interface LayoutResult {
  /** Not yet ended, so that a signature placeholder can be added before `end()`. */
  readonly doc: PDFKit.PDFDocument;
  /** A "Nơi nhận" / signer block did not fit below the text before it and starts a new page. */
  readonly closingOnNewPage: boolean;
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

/** pdfkit drops the leading space of a continued fragment that wraps; keep spaces at the end of the previous run. */
function moveLeadingSpaces(runs: readonly TextRun[]): TextRun[] {
  const result: TextRun[] = [];
  for (const run of runs) {
    const previous = result[result.length - 1];
    const leading = /^\s+/.exec(run.text)?.[0] ?? '';
    if (previous && leading) result[result.length - 1] = { ...previous, text: `${previous.text}${leading}` };
    const text = previous ? run.text.slice(leading.length) : run.text;
    if (text) result.push({ ...run, text });
  }
  return result;
}

/** Writes styled runs as one paragraph at the current position. */
function writeRuns(doc: Doc, spacing: Spacing, rawRuns: readonly TextRun[], options: RunOptions = {}): void {
  const runs = moveLeadingSpaces(rawRuns);
  if (runs.length === 0) return;
  const x = options.x ?? MARGIN.left;
  const width = options.width ?? CONTENT_WIDTH;
  const size = options.size ?? BODY_SIZE;
  runs.forEach((run, index) => {
    useFont(doc, fontFaceFor(run.bold || !!options.bold, run.italic || !!options.italic), size);
    const textOptions: PDFKit.Mixins.TextOptions = {
      width,
      align: options.align ?? 'justify',
      lineGap: spacing.lineGap,
      continued: index < runs.length - 1,
    };
    if (index === 0) doc.text(run.text, x, doc.y, { ...textOptions, indent: options.indent ?? 0 });
    else doc.text(run.text, textOptions);
  });
  doc.x = MARGIN.left;
  doc.y += options.gapAfter ?? spacing.paragraphGap;
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

function drawHeader(doc: Doc, view: DocumentViewModel): void {
  const { header } = view;
  const top = MARGIN.top;
  const leftX = MARGIN.left - 14;
  const leftWidth = HEADER_LEFT_WIDTH + 14;
  const leftCenter = leftX + leftWidth / 2;
  const rightX = MARGIN.left + HEADER_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - HEADER_LEFT_WIDTH + 10;
  const rightCenter = rightX + rightWidth / 2;

  // Left: parent authority, issuing authority (bold) with a short rule, then the number.
  const parentSize = fittedSize(doc, header.parentAuthority, 'regular', 12, leftWidth);
  useFont(doc, 'regular', parentSize);
  doc.text(header.parentAuthority, leftX, top, { width: leftWidth, align: 'center', lineGap: 1 });
  useFont(doc, 'regular', parentSize);
  useFont(doc, 'bold', fittedSize(doc, header.authority, 'bold', 12, leftWidth));
  doc.text(header.authority, leftX, doc.y, { width: leftWidth, align: 'center', lineGap: 1 });
  const authorityWidth = Math.min(doc.widthOfString(header.authority), leftWidth);
  const leftRuleY = doc.y + 2;
  drawRule(doc, leftCenter, leftRuleY, authorityWidth * 0.4);

  // Right: national motto with a rule as long as the second line.
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const mottoSize = fittedSize(doc, motto, 'bold', 12, rightWidth);
  doc.text(motto, rightX, top, { width: rightWidth, align: 'center', lineGap: 1 });
  const slogan = 'Độc lập - Tự do - Hạnh phúc';
  useFont(doc, 'bold', mottoSize + 0.5);
  doc.text(slogan, rightX, doc.y, { width: rightWidth, align: 'center', lineGap: 1 });
  const rightRuleY = doc.y + 2;
  drawRule(doc, rightCenter, rightRuleY, doc.widthOfString(slogan));

  const lineY = Math.max(leftRuleY, rightRuleY) + 9;
  useFont(doc, 'regular', 12);
  doc.text(header.numberLine, leftX, lineY, { width: leftWidth, align: 'center' });
  const numberBottom = doc.y;
  useFont(doc, 'italic', 12);
  const placeDate = `${header.place}, ${formatLongDate(header.issuedAt)}`;
  doc.text(placeDate, rightX, lineY, { width: rightWidth, align: 'center' });
  doc.x = MARGIN.left;
  doc.y = Math.max(numberBottom, doc.y) + 14;
}

/** Vector QR code with a 2-module quiet zone (the page is white); no image decoding, so output is deterministic. */
function drawQr(doc: Doc, qr: QrMatrix, x: number, y: number): void {
  const module = QR_SIZE / (qr.size + 4);
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
      doc.rect(x + (start + 2) * module, y + (row + 2) * module, (column - start) * module, module);
    }
  }
  doc.fillColor('#000000').fill();
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
  drawQr(doc, input.qr, MARGIN.left, top);
  // The note sits beside the QR code, its last line (the URL, never wrapped, so that it can be copied) on
  // the QR code's bottom edge; the lines above it stay in the left half, under "Nơi nhận", so that the
  // signer block can reach down beside them.
  const textX = MARGIN.left + QR_SIZE + 6;
  const narrowWidth = CLOSING_LEFT_WIDTH - QR_SIZE - 6;
  const urlTop = footerUrlTop(doc);
  useFont(doc, 'italic', FOOTER_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  doc.text(`Mã hồ sơ: ${input.dossierCode}`, textX, urlTop - 2 * lineHeight, { width: narrowWidth, lineBreak: false });
  doc.text('Tra cứu tính xác thực tại:', textX, urlTop - lineHeight, { width: narrowWidth, lineBreak: false });
  useFont(doc, 'regular', FOOTER_SIZE);
  doc.text(input.verifyUrl, textX, urlTop, { lineBreak: false });
  if (pageNumber > 1) {
    useFont(doc, 'regular', 11);
    doc.text(String(pageNumber), MARGIN.left, MARGIN.top / 2, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
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
  lines.forEach((line, index) => {
    const runs = evaluateRuns(line.text, input.view.scope, siteOf(input, line));
    const size = index === 0 ? 14 : 13;
    useFont(doc, 'bold', size);
    widest = Math.max(widest, doc.widthOfString(runs.map((run) => run.text).join('')));
    writeRuns(doc, input.spacing, runs, { align: 'center', size, bold: true, gapAfter: 1 });
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
        writeRuns(doc, input.spacing, evaluateRuns(line.text, scope, siteOf(input, line)), {
          align: 'center',
          bold: !block.options.italic,
          italic: block.options.italic,
          size: block.options.italic ? BODY_SIZE : 12.5,
          gapAfter: 2,
        });
      }
      doc.y += 5;
      return;
    case 'basis':
      for (const line of block.lines.filter((item) => item.text !== '')) {
        writeRuns(doc, input.spacing, evaluateRuns(line.text, scope, siteOf(input, line)), {
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
        writeRuns(doc, input.spacing, evaluateRuns(paragraph.text, scope, siteOf(input, paragraph)), {
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
      writeRuns(doc, input.spacing, [{ text: `${index + 1}. `, bold: false, italic: false }, ...runs], {
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
  const size = 11;

  const drawRow = (cells: readonly string[], bold: boolean): void => {
    useFont(doc, bold ? 'bold' : 'regular', size);
    const height =
      Math.max(
        ...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * padding, lineGap: 1 })),
      ) +
      2 * padding;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (!bold) drawRow(block.header, true);
      useFont(doc, bold ? 'bold' : 'regular', size);
    }
    const top = doc.y;
    let x = MARGIN.left;
    cells.forEach((cell, index) => {
      doc.rect(x, top, widths[index], height).lineWidth(0.6).strokeColor('#000000').stroke();
      doc.text(cell, x + padding, top + padding, { width: widths[index] - 2 * padding, align: 'center', lineGap: 1 });
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

/** "Nơi nhận:" bottom left and the signer block bottom right, side by side. */
/** Returns whether the block had to start a new page. */
function drawClosing(
  doc: Doc,
  input: Layout,
  recipients: TextBlock | undefined,
  signature: TextBlock | undefined,
): boolean {
  const scope = input.view.scope;
  const leftWidth = CLOSING_LEFT_WIDTH - 8;
  const rightX = MARGIN.left + CLOSING_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - CLOSING_LEFT_WIDTH;
  const recipientLines = (recipients?.lines ?? [])
    .filter((line) => line.text !== '')
    .map((line) => substituteFields(line.text, scope, siteOf(input, line)));
  const signatureLines = (signature?.lines ?? []).map((line) =>
    line.text === '---' ? '---' : substituteFields(line.text, scope, siteOf(input, line)),
  );
  const gapIndex = signatureLines.indexOf('---');
  const above = (gapIndex < 0 ? signatureLines : signatureLines.slice(0, gapIndex)).filter(Boolean);
  const below = gapIndex < 0 ? [] : signatureLines.slice(gapIndex + 1).filter(Boolean);
  const { signatureSpace } = input.spacing;

  const recipientOptions = { width: leftWidth, lineGap: 0.5 };
  useFont(doc, 'boldItalic', 12);
  let recipientsHeight = recipientLines.length > 0 ? doc.heightOfString('Nơi nhận:', { width: leftWidth }) : 0;
  useFont(doc, 'regular', 11);
  for (const line of recipientLines) recipientsHeight += doc.heightOfString(`- ${line}`, recipientOptions);
  const signatureHeight = (above.length + below.length) * 17 + signatureSpace;
  doc.y += 4;
  // "Nơi nhận" must end above the QR code; the signer block may go down beside it, to the URL line.
  const signatureBottom = footerUrlTop(doc) - 4;
  const fits = doc.y + recipientsHeight <= pageBottom(doc) && doc.y + signatureHeight <= signatureBottom;
  if (!fits) doc.addPage();
  const top = doc.y;

  if (recipientLines.length > 0) {
    useFont(doc, 'boldItalic', 12);
    doc.text('Nơi nhận:', MARGIN.left, top, { width: leftWidth });
    useFont(doc, 'regular', 11);
    for (const line of recipientLines) doc.text(`- ${line}`, MARGIN.left, doc.y, recipientOptions);
  }
  const recipientsBottom = doc.y;

  // Lower the page's bottom margin while drawing the signer block, or pdfkit would break the page.
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = MARGIN.bottom;
  doc.y = top;
  for (const line of above) {
    useFont(doc, 'bold', fittedSize(doc, line, 'bold', 12.5, rightWidth));
    doc.text(line, rightX, doc.y, { width: rightWidth, align: 'center' });
  }
  doc.y += signatureSpace;
  for (const line of below) {
    useFont(doc, 'bold', 12.5);
    doc.text(line, rightX, doc.y, { width: rightWidth, align: 'center' });
  }
  doc.page.margins.bottom = savedBottom;
  doc.x = MARGIN.left;
  doc.y = Math.max(recipientsBottom, doc.y) + 8;
  return !fits;
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
  const input: Layout = { ...layoutInput, spacing: SPACING[layoutInput.density ?? 'normal'] };
  const { view } = input;
  let closingOnNewPage = false;
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
  let pageNumber = 0;
  doc.on('pageAdded', () => {
    pageNumber += 1;
    drawFooter(doc, input, pageNumber);
  });
  doc.addPage();
  useFont(doc, 'regular', BODY_SIZE);
  drawHeader(doc, view);

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
        const moved = drawClosing(
          doc,
          input,
          all.find((item) => item.type === 'recipients'),
          all.find((item) => item.type === 'signature'),
        );
        closingOnNewPage ||= moved;
        break;
      }
      case 'title':
      case 'heading':
      case 'basis':
      case 'paragraph':
      case 'fields':
        drawTextBlock(doc, input, block);
        break;
    }
  }
  return { doc, closingOnNewPage };
}
