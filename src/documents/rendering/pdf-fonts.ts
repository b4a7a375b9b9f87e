import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded font faces; the standard 14 PDF fonts are never used. */
export const FONT_FACES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;

export type FontFace = keyof typeof FONT_FACES;

export type FontSet = Readonly<Record<FontFace, Buffer>>;

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
