import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { installFonts, loadFontSet, resolveFontsDir } from './pdf-fonts';
import type { FontFace } from './pdf-fonts';
import { breakLines, justification, MAX_STRETCH, wordsOf, writeText } from './paragraph-layout';
import { uniqueRecipients } from './pdf-layout.renderer';
import { DEFAULT_TEMPLATES_DIR } from './templates-directory';

function document(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  installFonts(doc, loadFontSet(resolveFontsDir(join(DEFAULT_TEMPLATES_DIR, 'fonts'))));
  return doc;
}

const run = (text: string, bold = false) => ({ text, bold, italic: false });

describe('paragraph layout (Nghị định 30/2020 text rules)', () => {
  const doc = document();

  it('never breaks a number, symbol or dossier code at a hyphen, whatever the line width', () => {
    const code = 'G22.75-261102-0042/TNHS-TTDVVL';
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 460 }), fc.nat(12), (width, before) => {
        const text = `${'hồ sơ '.repeat(before)}số ${code} và quyết định số 01/QĐ-SNV ngày 26/11/2026`;
        const words = wordsOf(doc, [run(text)], { size: 13 });
        const lines = breakLines(words, 3.25, width, 0);
        const printed = lines.map((line) => line.words.map((word) => word.fragments.map((f) => f.text).join('')));
        expect(printed.flat()).toContain(code);
        expect(printed.flat()).toContain('01/QĐ-SNV');
        expect(printed.flat().join(' ')).toBe(text);
      }),
    );
  });

  it('keeps styled fragments of one word together ("**Điều 1.**" then plain text)', () => {
    const words = wordsOf(doc, [run('Điều 1.', true), run(' Bà '), run('Nguyễn', true), run('Thị')], { size: 13 });
    expect(words.map((word) => word.fragments.map((f) => `${f.face}:${f.text}`).join('+'))).toEqual([
      'bold:Điều',
      'bold:1.',
      'regular:Bà',
      'bold:Nguyễn+regular:Thị',
    ]);
  });

  it('never stretches the last line, nor a line whose spaces would grow by more than one space', () => {
    const space = 3.25;
    const words = wordsOf(doc, [run('một hai ba bốn năm sáu bảy tám chín mười')], { size: 13 });
    const [line] = breakLines(words, space, 10_000, 0);
    expect(justification(line, line.width, space, true)).toBe(0);
    const gaps = line.words.length - 1;
    expect(justification(line, line.width + gaps * space * MAX_STRETCH, space, false)).toBeCloseTo(space);
    expect(justification(line, line.width + gaps * space * MAX_STRETCH + 1, space, false)).toBe(0);
  });
});

describe('uniqueRecipients (Nơi nhận)', () => {
  it.each([
    [
      ['Như Điều 3;', 'Bảo hiểm xã hội tỉnh Đồng Nai;', 'Lưu: VT.'],
      ['Như Điều 3;', 'Bảo hiểm xã hội tỉnh Đồng Nai;', 'Lưu: VT.'],
    ],
    [
      ['Như trên;', 'Bảo hiểm xã hội tỉnh Đồng Nai;', 'bảo hiểm xã hội tỉnh Đồng Nai.', 'Lưu: VT.'],
      ['Như trên;', 'Bảo hiểm xã hội tỉnh Đồng Nai;', 'Lưu: VT.'],
    ],
    [
      ['Bà Nguyễn Thị Ánh Tuyết', 'Lưu: VT', 'Lưu: VT;'],
      ['Bà Nguyễn Thị Ánh Tuyết;', 'Lưu: VT.'],
    ],
  ])('prints each recipient once, ";" between and "." at the end: %j', (lines, expected) => {
    expect(uniqueRecipients(lines)).toEqual(expected);
  });

  it('writes a line into the page content exactly as pdfkit text() does, justified or not', () => {
    const pageContent = (draw: (page: PDFKit.PDFDocument) => void): string => {
      const page = document().addPage({ size: 'A4' });
      draw(page);
      const content = (page as unknown as { page: { content: { buffer: Buffer[] } } }).page.content.buffer;
      return Buffer.concat(content).toString('latin1');
    };
    const word = fc.constantFrom(
      'Quyết',
      'định',
      'hưởng',
      'trợ',
      'cấp',
      'thất',
      'nghiệp',
      '01/QĐ-SNV',
      '5.310.000',
      'đồng;',
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<FontFace>('regular', 'bold', 'italic', 'boldItalic'),
        fc.constantFrom(8, 11, 13),
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 4, noNaN: true })),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (words, face, size, spacing, x) => {
          const text = words.join(' ');
          const expected = pageContent((page) =>
            page.font(face).fontSize(size).text(text, x, 300, { lineBreak: false, wordSpacing: spacing }),
          );
          const actual = pageContent((page) => writeText(page.font(face).fontSize(size), text, x, 300, spacing));
          expect(actual).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
