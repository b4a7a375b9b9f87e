import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { TrueTypeFont } from './truetype-subset';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * Serif families a document can be set in, in order of preference. Nghị định 30/2020 asks for a Times New
 * Roman-like face at 13–14 pt: Liberation Serif 2.x and Tinos are metric-compatible with it (same advance
 * widths) and cover every Vietnamese letter. They come from a package (Debian `fonts-liberation2`, or any
 * folder named by DOCUMENT_FONTS_DIR); DejaVu Serif (shipped in templates/fonts) is the fallback so that a
 * machine without them still renders, set smaller because it is about 10% wider.
 */
export interface FontFamily {
  readonly name: string;
  /** Body size in pt. */
  readonly bodySize: number;
  /** Whether the family is metric-compatible with Times New Roman (what Nghị định 30 expects). */
  readonly timesMetric: boolean;
  readonly files: Readonly<Record<FontFace, string>>;
}

export const FONT_FAMILIES: readonly FontFamily[] = [
  {
    name: 'Liberation Serif',
    bodySize: 13,
    timesMetric: true,
    files: {
      regular: 'LiberationSerif-Regular.ttf',
      bold: 'LiberationSerif-Bold.ttf',
      italic: 'LiberationSerif-Italic.ttf',
      boldItalic: 'LiberationSerif-BoldItalic.ttf',
    },
  },
  {
    name: 'Tinos',
    bodySize: 13,
    timesMetric: true,
    files: {
      regular: 'Tinos-Regular.ttf',
      bold: 'Tinos-Bold.ttf',
      italic: 'Tinos-Italic.ttf',
      boldItalic: 'Tinos-BoldItalic.ttf',
    },
  },
  {
    name: 'DejaVu Serif',
    bodySize: 12,
    timesMetric: false,
    files: {
      regular: 'DejaVuSerif.ttf',
      bold: 'DejaVuSerif-Bold.ttf',
      italic: 'DejaVuSerif-Italic.ttf',
      boldItalic: 'DejaVuSerif-BoldItalic.ttf',
    },
  },
];

/** Where the Debian packages put the metric-compatible families (fonts-liberation2, fonts-croscore). */
export const SYSTEM_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/truetype/croscore',
];

/** The DejaVu faces, kept for the fallback and for tests of the subsetter. */
export const FONT_FACES = FONT_FAMILIES[2].files;

/** Four faces of one family, with the family's layout figures. */
export type FontSet = Readonly<Record<FontFace, Buffer>> & { readonly family?: FontFamily };

const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const cache = new Map<string, FontSet>();

function familyIn(dir: string): FontFamily | undefined {
  return FONT_FAMILIES.find((family) => FACES.every((face) => existsSync(join(dir, family.files[face]))));
}

/** Reads the four TTF files of the first family found in `fontsDir`, once per directory. */
export function loadFontSet(fontsDir: string): FontSet {
  let fonts = cache.get(fontsDir);
  if (!fonts) {
    const family = familyIn(fontsDir);
    if (!family)
      throw new Error(`No complete serif family (${FONT_FAMILIES.map((f) => f.name).join(', ')}) in ${fontsDir}`);
    fonts = {
      regular: readFileSync(join(fontsDir, family.files.regular)),
      bold: readFileSync(join(fontsDir, family.files.bold)),
      italic: readFileSync(join(fontsDir, family.files.italic)),
      boldItalic: readFileSync(join(fontsDir, family.files.boldItalic)),
      family,
    };
    cache.set(fontsDir, fonts);
  }
  return fonts;
}

let warnedFallback = false;
let configuredFontsDir: string | undefined;

/** Sets the fonts folder of this process (DOCUMENT_FONTS_DIR, read by the configuration at boot). */
export function configureDocumentFonts(dir: string | undefined): void {
  configuredFontsDir = dir;
}

/**
 * The folder documents are set from: the configured one, else the first system folder holding a
 * Times-metric family, else `fallbackDir` (DejaVu Serif, with a warning once per process).
 */
export function resolveFontsDir(fallbackDir: string, configured = configuredFontsDir): string {
  if (configured) return configured;
  const system = SYSTEM_FONT_DIRS.find((dir) => familyIn(dir)?.timesMetric);
  if (system) return system;
  if (!warnedFallback) {
    warnedFallback = true;
    process.emitWarning(
      'No Times-metric serif found (install the Debian package fonts-liberation2 or set DOCUMENT_FONTS_DIR): ' +
        'documents are set in DejaVu Serif, which does not follow Nghị định 30/2020.',
    );
  }
  return fallbackDir;
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
  embed?: () => void;
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
  const installed: EmbeddedFontInternals[] = [];
  for (const face of FACES) {
    const shared = set.faces[face];
    doc._fontCount += 1;
    const embedded = new set.embeddedFont(doc, shared.font, `F${doc._fontCount}`);
    if (embedded.layoutCache) embedded.layoutCache = shared.layoutCache;
    if (shared.trueType) embedded.subset = shared.trueType.createSubset();
    doc._fontFamilies[face] = embedded;
    installed.push(embedded);
  }
  installStreamCompression(doc, installed);
  return true;
}

/*
 * Stream compression. A font's subset and ToUnicode map are the same for every document that uses the same
 * glyphs (documents of one template mostly do), yet pdfkit deflates them again for each one: while a font is
 * embedded, its streams are deflated through a small process-wide cache, found by length and a few bytes and
 * confirmed by comparing the bytes (a comparison costs a fraction of hashing them). Every other stream (page
 * content, forms) is different in each document and is deflated at level 1, several times faster than zlib's
 * default for a few percent more bytes.
 */
interface DeflatedStream {
  readonly raw: Buffer;
  readonly deflated: Buffer;
}
const deflated = new Map<string, DeflatedStream[]>();
let deflatedCount = 0;
const DEFLATE_CACHE_LIMIT = 256;

function cachedDeflate(data: Buffer): Buffer {
  const sample = (at: number): number => data[Math.floor(at * data.length)] ?? 0;
  const key = `${data.length}:${sample(0.25)}:${sample(0.5)}:${sample(0.75)}:${sample(0.999)}`;
  let bucket = deflated.get(key);
  const known = bucket?.find((entry) => entry.raw.equals(data));
  if (known) return known.deflated;
  if (deflatedCount >= DEFLATE_CACHE_LIMIT) {
    deflated.clear();
    deflatedCount = 0;
    bucket = undefined;
  }
  const result = deflateSync(data);
  if (!bucket) deflated.set(key, (bucket = []));
  bucket.push({ raw: data, deflated: result });
  deflatedCount += 1;
  return result;
}

interface StreamReference {
  compress: boolean;
  buffer: Buffer[];
  write(chunk: unknown): void;
  finalize(): void;
}

function installStreamCompression(doc: PDFKit.PDFDocument, embedded: readonly EmbeddedFontInternals[]): void {
  const target = doc as unknown as { ref?: (data?: unknown) => StreamReference };
  const originalRef = target.ref;
  if (typeof originalRef !== 'function') return;
  let embedding = 0;
  target.ref = function (this: unknown, data?: unknown) {
    const ref = originalRef.call(this, data);
    const finalize = ref.finalize;
    const write = ref.write;
    if (typeof finalize !== 'function' || typeof write !== 'function' || !Array.isArray(ref.buffer)) return ref;
    // pdfkit turns every text written to a stream (each operator a page's content gets) into a Buffer of its
    // own: the texts are kept together and turned into one Buffer when a Buffer is written or at the end, the
    // same bytes ("binary": one byte per character, a newline after each text).
    let text = '';
    const flushText = (reference: StreamReference): void => {
      if (text === '') return;
      const bytes = Buffer.from(text, 'latin1');
      text = '';
      write.call(reference, bytes);
    };
    ref.write = function (this: StreamReference, chunk: unknown) {
      if (chunk instanceof Uint8Array) {
        flushText(this);
        write.call(this, chunk);
      } else {
        text += (chunk as string) + '\n';
      }
    };
    ref.finalize = function (this: StreamReference) {
      flushText(this);
      if (this.compress && this.buffer.length > 0) {
        const raw = Buffer.concat(this.buffer);
        this.buffer = [embedding > 0 ? cachedDeflate(raw) : deflateSync(raw, { level: 1 })];
        // The /Filter /FlateDecode entry was set by pdfkit when the data was written.
        this.compress = false;
      }
      return finalize.call(this);
    };
    return ref;
  };
  for (const font of embedded) {
    const embed = font.embed;
    if (typeof embed !== 'function') continue;
    font.embed = () => {
      embedding += 1;
      try {
        embed.call(font);
      } finally {
        embedding -= 1;
      }
    };
  }
}
