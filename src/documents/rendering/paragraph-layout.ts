import type { TextRun } from '../templates/template-text.evaluator';
import type { FontFace } from './pdf-fonts';
import { fontFaceFor } from './pdf-fonts';

/**
 * Line breaking for document text, instead of pdfkit's own wrapper, for three rules of Nghị định 30/2020
 * documents that pdfkit does not keep:
 *
 * - lines break at spaces only, never at a hyphen, so a number ("01/QĐ-SNV") or a dossier code
 *   ("G22.75-261102-0042") stays whole (the fonts have no non-breaking hyphen glyph to substitute);
 * - a justified line is stretched only moderately: when its spaces would grow by more than
 *   `MAX_STRETCH` of a space, it is set flush left instead (pdfkit stretches any line, e.g. the last line of a
 *   styled fragment in the middle of a paragraph);
 * - the last line of a paragraph is never stretched.
 *
 * A word may be made of several styled fragments ("**Điều 1.**" followed by plain text has a space between,
 * but "*a*b" does not); words are drawn grouped by style, one pdfkit call per group per line.
 */

/** A space may grow by at most this fraction of its width when a line is justified. */
export const MAX_STRETCH = 1;

export type Align = 'left' | 'center' | 'right' | 'justify';

interface Fragment {
  readonly text: string;
  readonly face: FontFace;
  readonly width: number;
}

interface Word {
  readonly fragments: readonly Fragment[];
  readonly width: number;
}

export interface LaidLine {
  readonly words: readonly Word[];
  /** Natural width: words plus one space between each. */
  readonly width: number;
  readonly indent: number;
}

export interface ParagraphStyle {
  readonly x: number;
  readonly width: number;
  readonly size: number;
  readonly align: Align;
  /** First-line indent. */
  readonly indent: number;
  /** Extra space between lines. */
  readonly lineGap: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

type Doc = PDFKit.PDFDocument;

function widthOf(doc: Doc, face: FontFace, size: number, text: string): number {
  return doc.font(face).fontSize(size).widthOfString(text);
}

function spaceWidth(doc: Doc, size: number): number {
  return widthOf(doc, 'regular', size, ' ');
}

/** Splits styled runs into words (space-separated), keeping each fragment's face. */
export function wordsOf(
  doc: Doc,
  runs: readonly TextRun[],
  style: Pick<ParagraphStyle, 'size' | 'bold' | 'italic'>,
): Word[] {
  const words: Word[] = [];
  let current: Fragment[] = [];
  const flush = (): void => {
    if (current.length > 0) words.push({ fragments: current, width: current.reduce((sum, f) => sum + f.width, 0) });
    current = [];
  };
  for (const run of runs) {
    const face = fontFaceFor(run.bold || !!style.bold, run.italic || !!style.italic);
    const pieces = run.text.normalize('NFC').split(/(\s+)/);
    for (const piece of pieces) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        flush();
        continue;
      }
      current.push({ text: piece, face, width: widthOf(doc, face, style.size, piece) });
    }
  }
  flush();
  return words;
}

/** Greedy line breaking at spaces. A word wider than the line gets a line of its own. */
export function breakLines(words: readonly Word[], space: number, width: number, indent: number): LaidLine[] {
  const lines: LaidLine[] = [];
  let current: Word[] = [];
  let currentWidth = 0;
  let lineIndent = indent;
  for (const word of words) {
    const candidate = current.length === 0 ? word.width : currentWidth + space + word.width;
    if (current.length > 0 && lineIndent + candidate > width) {
      lines.push({ words: current, width: currentWidth, indent: lineIndent });
      current = [word];
      currentWidth = word.width;
      lineIndent = 0;
    } else {
      current.push(word);
      currentWidth = candidate;
    }
  }
  if (current.length > 0) lines.push({ words: current, width: currentWidth, indent: lineIndent });
  return lines;
}

/** Extra space per gap for a justified line, 0 when it would stretch too much (then it is set flush left). */
export function justification(line: LaidLine, available: number, space: number, last: boolean): number {
  const gaps = line.words.length - 1;
  if (last || gaps === 0) return 0;
  const extra = (available - line.indent - line.width) / gaps;
  return extra > 0 && extra <= space * MAX_STRETCH ? extra : 0;
}

function lineHeight(doc: Doc, size: number, gap: number): number {
  return doc.font('regular').fontSize(size).currentLineHeight(true) + gap;
}

/** Height the paragraph would take, without drawing it. */
export function measureParagraph(doc: Doc, runs: readonly TextRun[], style: ParagraphStyle): number {
  const words = wordsOf(doc, runs, style);
  const lines = breakLines(words, spaceWidth(doc, style.size), style.width, style.indent);
  return lines.length * lineHeight(doc, style.size, style.lineGap);
}

/**
 * Draws a paragraph from `top`; `newPage()` is called when the next line does not fit above `bottom()`
 * and returns the new top. Returns the y below the last line.
 */
export function drawParagraph(
  doc: Doc,
  runs: readonly TextRun[],
  style: ParagraphStyle,
  top: number,
  bottom: () => number,
  newPage: () => number,
): number {
  const words = wordsOf(doc, runs, style);
  const space = spaceWidth(doc, style.size);
  const lines = breakLines(words, space, style.width, style.indent);
  const height = lineHeight(doc, style.size, style.lineGap);
  let y = top;
  lines.forEach((line, index) => {
    if (y + height - style.lineGap > bottom()) y = newPage();
    const last = index === lines.length - 1;
    const extra = style.align === 'justify' ? justification(line, style.width, space, last) : 0;
    let x = style.x + line.indent;
    if (style.align === 'center') x += (style.width - line.width) / 2;
    else if (style.align === 'right') x += style.width - line.width;
    drawLine(doc, line, x, y, style.size, space + extra, extra);
    y += height;
  });
  return y;
}

/** Draws a line's words grouped by face: one pdfkit call per run of words sharing a face. */
function drawLine(doc: Doc, line: LaidLine, startX: number, y: number, size: number, gap: number, extra: number): void {
  let x = startX;
  let group: string[] = [];
  let groupFace: FontFace | undefined;
  let groupX = x;
  const flush = (): void => {
    if (groupFace === undefined || group.length === 0) return;
    doc.font(groupFace).fontSize(size);
    doc.text(group.join(' '), groupX, y, { lineBreak: false, wordSpacing: extra });
    group = [];
  };
  line.words.forEach((word, wordIndex) => {
    word.fragments.forEach((fragment, fragmentIndex) => {
      // A change of face, or the second fragment of a word (no space before it), starts a new group; a
      // word in the group's face joins it after a space, which pdfkit widens by `extra`.
      if (fragment.face !== groupFace || fragmentIndex > 0) {
        flush();
        groupFace = fragment.face;
        groupX = x;
        group = [fragment.text];
      } else {
        group.push(fragment.text);
      }
      x += fragment.width;
    });
    if (wordIndex < line.words.length - 1) x += gap;
  });
  flush();
}
