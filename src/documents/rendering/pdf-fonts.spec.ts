import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { loadDocumentTemplate } from './document-template.loader';
import { FONT_FACES, installFonts, loadFontSet } from './pdf-fonts';
import { DEFAULT_TEMPLATES_DIR } from './templates-directory';
import { TrueTypeFont } from './truetype-subset';

interface OpenedGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly path: { toSVG(): string };
}
interface OpenedFont {
  readonly numGlyphs: number;
  glyphForCodePoint(codePoint: number): OpenedGlyph;
  getGlyph(id: number): OpenedGlyph;
}

/** Opens a TTF with the fontkit that pdfkit uses. */
function openWithPdfkit(data: Buffer): OpenedFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(data);
  return (probe as unknown as { _font: { font: OpenedFont } })._font.font;
}

describe('TrueTypeSubset', () => {
  const data = readFileSync(join(DEFAULT_TEMPLATES_DIR, 'fonts', FONT_FACES.regular));
  const original = openWithPdfkit(data);

  it('copies the outlines and advance widths of the chosen glyphs, .notdef first, remapping composite components', () => {
    const text = 'Nguyễn Thị Ánh Tuyết ĐỒNG ỹ ặ 0123 ./:';
    const ids = [
      ...new Set([...text].map((character) => original.glyphForCodePoint(character.codePointAt(0) ?? 0).id)),
    ];
    const subset = new TrueTypeFont(data).createSubset();
    const newIds = ids.map((id) => subset.includeGlyph(id));
    expect(newIds[0]).toBe(1);
    const reopened = openWithPdfkit(subset.encode());
    expect(reopened.numGlyphs).toBe(subset.glyphs.length);
    // DejaVu builds accented capitals from components: those are appended to the subset.
    expect(subset.glyphs.length).toBeGreaterThan(ids.length + 1);
    ids.forEach((id, index) => {
      const before = original.getGlyph(id);
      const after = reopened.getGlyph(newIds[index]);
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after.path.toSVG()).toBe(before.path.toSVG());
    });
  });
});

describe('installFonts', () => {
  it('uses the fonts parsed once per process (pdfkit internals as expected)', () => {
    const fonts = loadFontSet(join(DEFAULT_TEMPLATES_DIR, 'fonts'));
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    expect(installFonts(doc, fonts)).toBe(true);
    const other = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    installFonts(other, fonts);
    const fontOf = (document: PDFKit.PDFDocument): unknown =>
      (document.font('bold') as unknown as { _font: { font: unknown } })._font.font;
    expect(fontOf(doc)).toBe(fontOf(other));
  });
});

describe('loadDocumentTemplate', () => {
  it('parses a template once and again after it changes on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'documents-templates-'));
    try {
      mkdirSync(join(dir, 'documents'));
      const path = join(dir, 'documents', 'receipt.template.txt');
      copyFileSync(join(DEFAULT_TEMPLATES_DIR, 'documents', 'receipt.template.txt'), path);
      const first = loadDocumentTemplate(dir, 'receipt');
      expect(loadDocumentTemplate(dir, 'receipt')).toBe(first);
      writeFileSync(path, readFileSync(path, 'utf8').replace('GIẤY TIẾP NHẬN HỒ SƠ', 'GIẤY BIÊN NHẬN HỒ SƠ'));
      const later = new Date(Date.now() + 5000);
      utimesSync(path, later, later);
      const edited = loadDocumentTemplate(dir, 'receipt');
      expect(edited).not.toBe(first);
      expect(JSON.stringify(edited.blocks)).toContain('GIẤY BIÊN NHẬN HỒ SƠ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
