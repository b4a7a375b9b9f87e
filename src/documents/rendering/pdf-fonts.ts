import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { TrueTypeFont } from './truetype-subset';

/** The embedded font faces; the standard 14 PDF fonts are never used. */
export const FONT_FACES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;

export type FontFace = keyof typeof FONT_FACES;
export type FontSet = Readonly<Record<FontFace, Buffer>>;

const FACES = Object.keys(FONT_FACES) as FontFace[];
const cache = new Map<string, FontSet>();

/** Reads the TTF files from `<templatesDir>/fonts` once per directory. */
export function loadFontSet(fontsDir: string): FontSet {
  let fonts = cache.get(fontsDir);
  if (!fonts) {
    fonts = {
      regular: readFileSync(join(fontsDir, FONT_FACES.regular)),
      bold: readFileSync(join(fontsDir, FONT_FACES.bold)),
      italic: readFileSync(join(fontsDir, FONT_FACES.italic)),
      boldItalic: readFileSync(join(fontsDir, FONT_FACES.boldItalic)),
    };
    cache.set(fontsDir, fonts);
  }
  return fonts;
}

export function fontFaceFor(bold: boolean, italic: boolean): FontFace {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'regular';
}

/*
 * Parsed-font reuse.
 *
 * pdfkit 0.17 opens a font by handing the TTF bytes to fontkit for every document: each document re-decodes
 * the cmap, hmtx, glyf, GSUB and GPOS tables it touches and re-shapes every word. That was ~70% of the render
 * time. pdfkit has no public way to pass an already parsed font, so the (pinned) internals are used here:
 *
 * - one fontkit font per face per process, taken from pdfkit's own EmbeddedFont after opening the bytes once;
 * - per document, a new EmbeddedFont over that shared fontkit font (its subset, widths and PDF objects stay
 *   per document) placed in the document's font table under the face name, so `doc.font(face)` finds it;
 * - the word-shaping cache of pdfkit (text -> glyphs and positions, never mutated by pdfkit) shared across
 *   documents per face, bounded;
 * - the font subset written by `TrueTypeSubset` (raw glyph bytes) instead of fontkit's, which decodes every
 *   outline and re-encodes every table per document.
 *
 * Layout and subsetting run synchronously inside one `layoutDocument` / `end()` call, so documents rendered
 * concurrently in one process never interleave on a shared fontkit font. If the internals are not what is
 * expected (another pdfkit version), each document falls back to `registerFont` with the bytes read once.
 */

interface FontkitFont {
  readonly postscriptName: string;
  layout(text: string): unknown;
  createSubset(): unknown;
}

interface EmbeddedFontInternals {
  readonly font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  subset: unknown;
}

type EmbeddedFontConstructor = new (
  document: PDFKit.PDFDocument,
  font: FontkitFont,
  id: string,
) => EmbeddedFontInternals;

interface DocumentFontInternals {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: unknown;
}

interface SharedFace {
  readonly font: FontkitFont;
  /** Raw-bytes subsetter; undefined keeps fontkit's (e.g. for a CFF font). */
  readonly trueType: TrueTypeFont | undefined;
  layoutCache: Record<string, unknown>;
  entries: number;
}

interface ParsedFontSet {
  readonly embeddedFont: EmbeddedFontConstructor;
  readonly faces: Readonly<Record<FontFace, SharedFace>>;
}

/** Shaped words kept per face before the shared cache is started afresh (a few MB at most). */
export const SHARED_LAYOUT_CACHE_LIMIT = 20_000;
/** How often (in documents) the size of the shared shaping caches is checked. */
const CACHE_CHECK_INTERVAL = 64;

const parsed = new WeakMap<FontSet, ParsedFontSet | null>();
let documentsSinceCheck = 0;

function isDocumentWithFonts(value: unknown): value is DocumentFontInternals {
  const doc = value as Partial<DocumentFontInternals>;
  return typeof doc._fontFamilies === 'object' && doc._fontFamilies !== null && typeof doc._fontCount === 'number';
}

function isEmbeddedFont(value: unknown): value is EmbeddedFontInternals {
  const font = (value as { font?: Partial<FontkitFont> } | null)?.font;
  return (
    typeof font?.layout === 'function' &&
    typeof font.createSubset === 'function' &&
    typeof font.postscriptName === 'string'
  );
}

function openTrueType(data: Buffer): TrueTypeFont | undefined {
  try {
    return new TrueTypeFont(data);
  } catch {
    return undefined;
  }
}

function parseFontSet(fonts: FontSet): ParsedFontSet | null {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  if (!isDocumentWithFonts(probe)) return null;
  let embeddedFont: EmbeddedFontConstructor | undefined;
  const faces = {} as Record<FontFace, SharedFace>;
  for (const face of FACES) {
    probe.font(fonts[face]);
    const opened = probe._font;
    if (!isEmbeddedFont(opened)) return null;
    const constructor = (opened as object).constructor as EmbeddedFontConstructor;
    if (embeddedFont && embeddedFont !== constructor) return null;
    embeddedFont = constructor;
    faces[face] = {
      font: opened.font,
      trueType: openTrueType(fonts[face]),
      layoutCache: Object.create(null) as Record<string, unknown>,
      entries: 0,
    };
  }
  return embeddedFont ? { embeddedFont, faces } : null;
}

function parsedFontSet(fonts: FontSet): ParsedFontSet | null {
  let result = parsed.get(fonts);
  if (result === undefined) {
    result = parseFontSet(fonts);
    parsed.set(fonts, result);
  }
  return result;
}

function trimSharedCaches(set: ParsedFontSet): void {
  documentsSinceCheck += 1;
  if (documentsSinceCheck < CACHE_CHECK_INTERVAL) return;
  documentsSinceCheck = 0;
  for (const face of FACES) {
    const shared = set.faces[face];
    shared.entries = Object.keys(shared.layoutCache).length;
    if (shared.entries > SHARED_LAYOUT_CACHE_LIMIT) {
      shared.layoutCache = Object.create(null) as Record<string, unknown>;
      shared.entries = 0;
    }
  }
}

/**
 * Makes the four faces available to `doc.font(face)`, reusing fonts parsed once per process.
 * Returns whether the shared parsed fonts were used (false: fell back to per-document parsing).
 */
export function installFonts(doc: PDFKit.PDFDocument, fonts: FontSet): boolean {
  const set = parsedFontSet(fonts);
  if (!set || !isDocumentWithFonts(doc)) {
    for (const face of FACES) doc.registerFont(face, fonts[face]);
    return false;
  }
  trimSharedCaches(set);
  for (const face of FACES) {
    const shared = set.faces[face];
    doc._fontCount += 1;
    const embedded = new set.embeddedFont(doc, shared.font, `F${doc._fontCount}`);
    if (embedded.layoutCache) embedded.layoutCache = shared.layoutCache;
    if (shared.trueType) embedded.subset = shared.trueType.createSubset();
    doc._fontFamilies[face] = embedded;
  }
  return true;
}
