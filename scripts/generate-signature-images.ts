/**
 * Generates the DEVELOPMENT signature and seal images (transparent PNG) under templates/signing/.
 * They are labelled "MẪU – PHÁT TRIỂN" in the image itself; a province configures its real ones with
 * SIGNATURE_IMAGE_PATH and SEAL_IMAGE_PATH. Needs poppler's pdftocairo (Debian poppler-utils).
 *
 * Run: node -r @swc-node/register scripts/generate-signature-images.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { loadFontSet, resolveFontsDir } from '../src/documents/rendering/pdf-fonts';
import { DEFAULT_TEMPLATES_DIR } from '../src/documents/rendering/templates-directory';

const MM = 72 / 25.4;
const fonts = loadFontSet(resolveFontsDir(join(DEFAULT_TEMPLATES_DIR, 'fonts')));

function toPdf(width: number, height: number, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: [width, height], margin: 0, font: null as unknown as string });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

function centered(doc: PDFKit.PDFDocument, text: string, face: string, size: number, cx: number, y: number): void {
  doc.font(face).fontSize(size);
  doc.text(text, cx - doc.widthOfString(text) / 2, y, { lineBreak: false });
}

async function seal(): Promise<Buffer> {
  const d = 34 * MM;
  const c = d / 2;
  const red = '#d0202a';
  return toPdf(d, d, (doc) => {
    doc
      .lineWidth(2.2)
      .strokeColor(red)
      .circle(c, c, c - 1.5)
      .stroke();
    doc
      .lineWidth(0.8)
      .circle(c, c, c - 6)
      .stroke();
    doc
      .lineWidth(0.8)
      .circle(c, c, c * 0.42)
      .stroke();
    doc.fillColor(red);
    // A five-pointed star in the centre, as on Vietnamese state seals.
    const points: number[][] = [];
    for (let i = 0; i < 10; i += 1) {
      const r = i % 2 === 0 ? c * 0.3 : c * 0.12;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
    }
    doc.polygon(...(points as [number, number][])).fill();
    centered(doc, 'UBND TỈNH ĐỒNG NAI', 'bold', 6, c, 16);
    centered(doc, 'SỞ NỘI VỤ', 'bold', 7.5, c, c + c * 0.5);
    centered(doc, 'MẪU – PHÁT TRIỂN', 'bold', 5, c, d - 14.5);
  });
}

async function signature(): Promise<Buffer> {
  const w = 46 * MM;
  const h = 20 * MM;
  const blue = '#1c3f9c';
  return toPdf(w, h, (doc) => {
    doc.lineWidth(1.4).strokeColor(blue).lineCap('round').lineJoin('round');
    doc
      .moveTo(12, h * 0.7)
      .bezierCurveTo(20, h * 0.1, 34, h * 0.1, 30, h * 0.6)
      .bezierCurveTo(27, h * 0.95, 48, h * 0.2, 58, h * 0.45)
      .bezierCurveTo(66, h * 0.65, 74, h * 0.2, 86, h * 0.4)
      .bezierCurveTo(96, h * 0.55, 104, h * 0.3, 118, h * 0.35)
      .stroke();
    doc
      .moveTo(20, h * 0.78)
      .bezierCurveTo(50, h * 0.7, 90, h * 0.72, 124, h * 0.6)
      .stroke();
    doc.fillColor(blue);
    centered(doc, 'MẪU – PHÁT TRIỂN', 'italic', 6, w / 2, h - 9);
  });
}

async function toPng(pdf: Buffer, target: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'signature-image-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftocairo', ['-png', '-transp', '-r', '300', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    renameSync(join(dir, 'out.png'), target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = join(DEFAULT_TEMPLATES_DIR, 'signing');
  await toPng(await seal(), join(dir, 'development-seal.png'));
  await toPng(await signature(), join(dir, 'development-signature.png'));
  for (const name of ['development-seal.png', 'development-signature.png'])
    process.stdout.write(`${name}: ${readFileSync(join(dir, name)).length} bytes\n`);
}

void main();
