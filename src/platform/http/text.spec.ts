import fc from 'fast-check';
import { fieldWithControlCharacter, normalizeMultiLine, normalizeSingleLine } from './text';

describe('single-line and multi-line text', () => {
  it('a single-line field never keeps a line break, tab or whitespace run, and is NFC and trimmed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', '\t', '\u2028', '\u0085', '  '),
        (s, br) => {
          const out = normalizeSingleLine(`${s}${br}Điều 1a.${br}${s}`) as string;
          expect(out).not.toMatch(/[\n\r\t\u2028\u2029\u0085]|\s{2}/);
          expect(out).toBe(out.trim());
          expect(out).toBe(out.normalize('NFC'));
        },
      ),
    );
  });

  it('a multi-line field keeps line feeds and unifies CRLF, CR and U+2028 to LF', () => {
    expect(normalizeMultiLine('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(normalizeMultiLine('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('finds the dotted path of a string or key with a control character, and nothing in clean input', () => {
    expect(fieldWithControlCharacter({ a: { b: ['x', 'y\u0000'] } }, '')).toBe('a.b.1');
    expect(fieldWithControlCharacter({ ['k\u0007']: 1 }, '')).toBe('k\u0007');
    expect(fieldWithControlCharacter('\u0000', 'q')).toBe('q');
    expect(fieldWithControlCharacter({ note: 'dòng 1\ndòng 2\tx' }, '')).toBeUndefined();
  });
});
