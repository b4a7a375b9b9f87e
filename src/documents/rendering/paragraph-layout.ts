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

/** The parts of pdfkit's document and embedded font that the fast text path below uses. */
interface EmbeddedFontInternals {
  readonly id: string;
  readonly ascender: number;
  readonly font: object;
  ref(): unknown;
  layout(text: string, features: undefined, onlyWidth: true): { readonly advanceWidth: number };
  layout(text: string): { readonly glyphs: readonly Glyph[]; readonly positions: readonly GlyphPosition[] };
  encode(text: string): [string[], GlyphPosition[]];
  readonly scale: number;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: number[];
  readonly unicode: unknown[];
}

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: unknown;
}

interface GlyphPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly advanceWidth: number;
}

interface DocumentInternals {
  _font: EmbeddedFontInternals;
  _fontSize: number;
  x: number;
  y: number;
  page: { readonly height: number; readonly fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

function internalsOf(doc: Doc): DocumentInternals | undefined {
  const candidate = doc as unknown as Partial<DocumentInternals>;
  const font = candidate._font as Partial<EmbeddedFontInternals> | undefined;
  return typeof font?.encode === 'function' &&
    typeof font.layout === 'function' &&
    typeof font.ref === 'function' &&
    typeof font.id === 'string' &&
    typeof font.ascender === 'number' &&
    typeof candidate._fontSize === 'number' &&
    typeof candidate.addContent === 'function' &&
    typeof candidate.page?.height === 'number'
    ? (candidate as DocumentInternals)
    : undefined;
}

/**
 * Advance widths (font units) of the words of each parsed font, kept per process: shaping a word again for
 * every measurement was a fifth of the rendering time. The fonts are parsed once per process (pdf-fonts), so
 * the key is the parsed font; the cache is dropped when it grows past `WIDTH_CACHE_LIMIT` words.
 */
const advanceWidths = new WeakMap<object, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 50_000;

function widthOf(doc: Doc, face: FontFace, size: number, text: string): number {
  doc.font(face).fontSize(size);
  const internals = internalsOf(doc);
  if (!internals) return doc.widthOfString(text);
  let widths = advanceWidths.get(internals._font.font);
  if (!widths) advanceWidths.set(internals._font.font, (widths = new Map<string, number>()));
  let advance = widths.get(text);
  if (advance === undefined) {
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
    advance = internals._font.layout(text, undefined, true).advanceWidth;
    widths.set(text, advance);
  }
  // The same arithmetic as pdfkit's widthOfString (no character spacing, 100 % horizontal scaling), so that
  // the figures, and so the PDF, are exactly those of pdfkit.
  return ((advance * (size / 1000) + 0) * 100) / 100;
}

/**
 * A text encoded in a document's font subset: the glyph numbers as one hex string (four digits per glyph, as
 * pdfkit writes them) and the shaped positions.
 */
interface Encoded {
  readonly hex: string;
  readonly positions: readonly GlyphPosition[];
}

/**
 * The encoded glyphs of each text already written with a document's font: its words recur through a document
 * ("trợ cấp thất nghiệp"), and encoding one again gives the same glyph ids in that document's subset.
 */
const encodings = new WeakMap<object, Map<string, Encoded>>();

function encode(font: EmbeddedFontInternals, text: string): Encoded {
  let cache = encodings.get(font);
  if (!cache) encodings.set(font, (cache = new Map<string, Encoded>()));
  let result = cache.get(text);
  if (!result) {
    result = encodeShaped(font, text);
    cache.set(text, result);
  }
  return result;
}

/** Shaped texts (glyphs and positions) per parsed font, kept per process like the word widths. */
const shapedTexts = new WeakMap<object, Map<string, ReturnType<EmbeddedFontInternals['layout']>>>();

/** Hex digits of the glyph numbers, written here and read as one string per text (pdfkit: four per glyph). */
let hexScratch = Buffer.alloc(1024);
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * pdfkit's EmbeddedFont.encode, with the shaping taken from the process-wide cache: the glyphs join this
 * document's subset and get its glyph numbers, widths and ToUnicode entries, as in pdfkit.
 */
function encodeShaped(font: EmbeddedFontInternals, text: string): Encoded {
  if (typeof font.subset?.includeGlyph !== 'function' || !Array.isArray(font.widths) || !Array.isArray(font.unicode)) {
    const [hex, positions] = font.encode(text);
    return { hex: hex.join(''), positions };
  }
  let shaped = shapedTexts.get(font.font);
  if (!shaped) shapedTexts.set(font.font, (shaped = new Map<string, ReturnType<EmbeddedFontInternals['layout']>>()));
  let run = shaped.get(text);
  if (!run) {
    if (shaped.size >= WIDTH_CACHE_LIMIT) shaped.clear();
    run = font.layout(text);
    shaped.set(text, run);
  }
  const glyphs = run.glyphs;
  if (hexScratch.length < glyphs.length * 4) hexScratch = Buffer.alloc(glyphs.length * 8);
  let at = 0;
  for (const glyph of glyphs) {
    const id = font.subset.includeGlyph(glyph.id);
    // The last four hex digits, as pdfkit's `0000${id.toString(16)}`.slice(-4).
    hexScratch[at] = HEX_DIGITS[(id >> 12) & 15];
    hexScratch[at + 1] = HEX_DIGITS[(id >> 8) & 15];
    hexScratch[at + 2] = HEX_DIGITS[(id >> 4) & 15];
    hexScratch[at + 3] = HEX_DIGITS[id & 15];
    at += 4;
    if (font.widths[id] == null) font.widths[id] = glyph.advanceWidth * font.scale;
    if (font.unicode[id] == null) font.unicode[id] = glyph.codePoints;
  }
  return { hex: hexScratch.toString('latin1', 0, at), positions: run.positions };
}

/** pdfkit's number formatting in content streams. */
const pdfNumber = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Writes one run of text in the current font at (x, y) (top of the line), with `wordSpacing` added after each
 * space: the content stream pdfkit's `text(..., { lineBreak: false, wordSpacing })` writes, byte for byte, in one
 * write instead of about ten, without pdfkit's option handling and without measuring the text again to advance
 * `doc.x`. Falls back to pdfkit when its internals are not the expected ones.
 */
export function writeText(doc: Doc, text: string, x: number, y: number, wordSpacing = 0): void {
  const internals = internalsOf(doc);
  if (!internals || text.length === 0 || text.includes('\n')) {
    doc.text(text, x, y, { lineBreak: false, wordSpacing });
    return;
  }
  writeEncoded(doc, internals, wordSpacing ? text.trim().split(/\s+/) : [text], x, y, wordSpacing);
}

/**
 * `writeText` of the words joined by spaces, for words already split (non-empty, without white space, as
 * `wordsOf` makes them): with `wordSpacing`, each word is encoded on its own and the spacing follows each
 * word's last glyph (as pdfkit does), so they need not be joined and split again; without, they are one text.
 */
function writeWords(doc: Doc, words: readonly string[], x: number, y: number, wordSpacing: number): void {
  const internals = internalsOf(doc);
  if (!internals || !wordSpacing || words.length === 0) {
    writeText(doc, words.join(' '), x, y, wordSpacing);
    return;
  }
  writeEncoded(doc, internals, words, x, y, wordSpacing);
}

function writeEncoded(
  doc: Doc,
  internals: DocumentInternals,
  words: readonly string[],
  x: number,
  y: number,
  wordSpacing: number,
): void {
  const font = internals._font;
  const size = internals._fontSize;
  internals.x = x;
  internals.y = y;
  const top = internals.page.height - y - (font.ascender / 1000) * size;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  let out = `q\n1 0 0 -1 0 ${pdfNumber(internals.page.height)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(top)} Tm\n/${font.id} ${pdfNumber(size)} Tf`;
  // After each word's last glyph the advance includes the word spacing, as pdfkit's copy of the position does.
  const spacing = wordSpacing ? ((wordSpacing + doc.widthOfString(' ') + 0) * 1000) / size : 0;
  const scale = size / 1000;
  let cursor = x;
  let hadOffset = false;
  // The TJ array being written; the glyphs not yet in it (from earlier words, then from index `last` of this
  // word); the adjustment after the previous glyph.
  let commands = '';
  let pending = '';
  let previous = 0;
  // The current word's glyphs, and the first of them not yet in `pending` or the TJ array.
  let hex = '';
  let last = 0;
  const addSegment = (cur: number, adjustment: number): void => {
    const glyphs = last < cur ? pending + hex.slice(last * 4, cur * 4) : pending;
    if (glyphs !== '') {
      const segment = `<${glyphs}> ${pdfNumber(-adjustment)}`;
      commands = commands === '' ? segment : `${commands} ${segment}`;
    }
    pending = '';
    last = cur;
  };
  const flush = (index: number, adjustment: number): void => {
    addSegment(index, adjustment);
    if (commands !== '') {
      out += `\n[${commands}] TJ`;
      commands = '';
    }
  };
  for (const word of words) {
    const encoded = encode(font, word);
    const positions = encoded.positions;
    const count = positions.length;
    hex = encoded.hex;
    last = 0;
    for (let index = 0; index < count; index += 1) {
      const position = positions[index];
      const advance = index === count - 1 && wordSpacing ? position.xAdvance + spacing : position.xAdvance;
      const adjustment = advance - position.advanceWidth;
      if (position.xOffset || position.yOffset) {
        flush(index, previous);
        out += `\n1 0 0 1 ${pdfNumber(cursor + position.xOffset * scale)} ${pdfNumber(top + position.yOffset * scale)} Tm`;
        flush(index + 1, adjustment);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out += `\n1 0 0 1 ${pdfNumber(cursor)} ${pdfNumber(top)} Tm`;
          hadOffset = false;
        }
        if (adjustment !== 0) addSegment(index + 1, adjustment);
      }
      previous = adjustment;
      cursor += advance * scale;
    }
    if (last < count) pending += hex.slice(last * 4, count * 4);
  }
  if (pending !== '') {
    const segment = `<${pending}> ${pdfNumber(-previous)}`;
    commands = commands === '' ? segment : `${commands} ${segment}`;
  }
  if (commands !== '') out += `\n[${commands}] TJ`;
  out += '\nET\nQ';
  internals.addContent(out);
  // pdfkit leaves the cursor after the text; the callers place every line themselves and set doc.x after the
  // paragraph, so the text is not measured again for it.
  internals.x = cursor;
}

function spaceWidth(doc: Doc, size: number): number {
  return widthOf(doc, 'regular', size, ' ');
}

/**
 * The one-fragment words of each parsed font and size, kept per process: the words of a template recur in
 * every document, and a word is immutable. Dropped when it grows past `WIDTH_CACHE_LIMIT` words.
 */
const plainWords = new WeakMap<object, Map<number, Map<string, Word>>>();
let plainWordCount = 0;

function plainWordsOf(doc: Doc, face: FontFace, size: number): Map<string, Word> | undefined {
  doc.font(face).fontSize(size);
  const font = internalsOf(doc)?._font.font;
  if (!font) return undefined;
  let bySize = plainWords.get(font);
  if (!bySize) plainWords.set(font, (bySize = new Map<number, Map<string, Word>>()));
  let words = bySize.get(size);
  if (!words) bySize.set(size, (words = new Map<string, Word>()));
  return words;
}

function plainWord(doc: Doc, words: Map<string, Word> | undefined, face: FontFace, size: number, text: string): Word {
  let word = words?.get(text);
  if (!word) {
    const width = widthOf(doc, face, size, text);
    word = { fragments: [{ text, face, width }], width };
    if (words) {
      if (plainWordCount >= WIDTH_CACHE_LIMIT) {
        words.clear();
        plainWordCount = 0;
      }
      words.set(text, word);
      plainWordCount += 1;
    }
  }
  return word;
}

/**
 * The words of each run text (NFC, split at white space), kept per process: most runs are a template's fixed
 * text, the same in every document. Dropped when it grows past `WIDTH_CACHE_LIMIT` texts.
 */
const piecesOfText = new Map<string, readonly string[]>();

function piecesOf(text: string): readonly string[] {
  let pieces = piecesOfText.get(text);
  if (!pieces) {
    if (piecesOfText.size >= WIDTH_CACHE_LIMIT) piecesOfText.clear();
    pieces = text.normalize('NFC').split(/\s+/);
    piecesOfText.set(text, pieces);
  }
  return pieces;
}

/** Splits styled runs into words (space-separated), keeping each fragment's face. */
export function wordsOf(
  doc: Doc,
  runs: readonly TextRun[],
  style: Pick<ParagraphStyle, 'size' | 'bold' | 'italic'>,
): Word[] {
  const words: Word[] = [];
  // The fragments of the word being read (a word of several styled fragments has no space between them).
  const current: Word[] = [];
  const flush = (): void => {
    if (current.length === 1) words.push(current[0]);
    else if (current.length > 1) {
      const fragments = current.map((part) => part.fragments[0]);
      words.push({ fragments, width: fragments.reduce((sum, f) => sum + f.width, 0) });
    }
    current.length = 0;
  };
  for (const run of runs) {
    const face = fontFaceFor(run.bold || !!style.bold, run.italic || !!style.italic);
    // Whitespace separates words: a word ends wherever there was some between two pieces.
    const pieces = piecesOf(run.text);
    let known: Map<string, Word> | undefined;
    let looked = false;
    for (let index = 0; index < pieces.length; index += 1) {
      if (index > 0) flush();
      const piece = pieces[index];
      if (piece === '') continue;
      if (!looked) {
        known = plainWordsOf(doc, face, style.size);
        looked = true;
      }
      current.push(plainWord(doc, known, face, style.size, piece));
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
    writeWords(doc, group, groupX, y, extra);
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
