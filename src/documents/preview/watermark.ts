import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, rgb } from 'pdf-lib';

/**
 * Stamps a diagonal watermark (e.g. "DỰ THẢO") across every page of a PDF, in a font with Vietnamese glyphs. The
 * result is a new, unsigned file: for previews only, never for an issued document.
 */
export async function watermarkPdf(pdf: Buffer, text: string, fontsDir: string): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(join(fontsDir, 'DejaVuSerif-Bold.ttf')), { subset: true });
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 5;
    const textWidth = font.widthOfTextAtSize(text, size);
    // Centred on the page along its diagonal.
    const angle = Math.atan2(height, width);
    const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3;
    const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3;
    page.drawText(text, {
      x,
      y,
      size,
      font,
      color: rgb(0.75, 0.1, 0.1),
      opacity: 0.22,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  doc.setTitle(`${text} — ${doc.getTitle() ?? ''}`.trim());
  return Buffer.from(await doc.save());
}
