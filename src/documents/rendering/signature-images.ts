import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * The images of a visible electronic signature (Nghị định 30/2020, Phụ lục I, mục II): the competent
 * person's handwritten signature (blue, transparent PNG) and the organisation's seal (red, transparent PNG,
 * at its real size). Decoded and compressed once per process; each document only references the bytes.
 */
export interface PreparedImage {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Deflated RGB samples. */
  readonly rgb: Buffer;
  /** Deflated 8-bit alpha samples (the soft mask). */
  readonly alpha: Buffer;
}

export function prepareImage(png: Buffer): PreparedImage {
  const decoded = PNG.sync.read(png);
  const pixels = decoded.width * decoded.height;
  const rgb = Buffer.alloc(pixels * 3);
  const alpha = Buffer.alloc(pixels);
  for (let index = 0; index < pixels; index += 1) {
    rgb[index * 3] = decoded.data[index * 4];
    rgb[index * 3 + 1] = decoded.data[index * 4 + 1];
    rgb[index * 3 + 2] = decoded.data[index * 4 + 2];
    alpha[index] = decoded.data[index * 4 + 3];
  }
  return {
    widthPx: decoded.width,
    heightPx: decoded.height,
    rgb: deflateSync(rgb, { level: 9 }),
    alpha: deflateSync(alpha, { level: 9 }),
  };
}

const prepared = new Map<string, PreparedImage>();

/** Reads and prepares a PNG file once per path. */
export function loadPreparedImage(path: string): PreparedImage {
  let image = prepared.get(path);
  if (!image) {
    image = prepareImage(readFileSync(path));
    prepared.set(path, image);
  }
  return image;
}

/** Draws a prepared image with its soft mask at (x, y) (top-left, pdfkit coordinates), `width` × `height` pt. */
export function drawPreparedImage(
  doc: PDFKit.PDFDocument,
  image: PreparedImage,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const common = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.widthPx,
    Height: image.heightPx,
    BitsPerComponent: 8,
  };
  const mask = doc.ref({ ...common, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
  mask.end(image.alpha);
  const xobject = doc.ref({ ...common, ColorSpace: 'DeviceRGB', Filter: 'FlateDecode', SMask: mask });
  xobject.end(image.rgb);
  const page = doc.page as unknown as { xobjects: Record<string, unknown> };
  const name = `Sig${Object.keys(page.xobjects).length + 1}`;
  page.xobjects[name] = xobject;
  doc.save();
  doc.addContent(`${width.toFixed(3)} 0 0 ${(-height).toFixed(3)} ${x.toFixed(3)} ${(y + height).toFixed(3)} cm`);
  doc.addContent(`/${name} Do`);
  doc.restore();
}
