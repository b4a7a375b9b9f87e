/** Minimal DER writer/reader for the CMS structures built here; raw certificate bytes pass through untouched. */

export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derTlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

export const derSequence = (...items: Buffer[]): Buffer => derTlv(0x30, Buffer.concat(items));

/** SET OF with DER ordering (elements sorted by their encodings). */
export const derSetOf = (items: Buffer[]): Buffer => derTlv(0x31, Buffer.concat([...items].sort(Buffer.compare)));

export const derNull = (): Buffer => Buffer.from([0x05, 0x00]);

export const derOctetString = (value: Buffer): Buffer => derTlv(0x04, value);

export function derSmallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new RangeError('small integer expected');
  return derTlv(0x02, Buffer.from([value]));
}

export function derOid(oid: string): Buffer {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128))
      chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return derTlv(0x06, Buffer.from(bytes));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return derTlv(0x17, Buffer.from(digits.slice(2), 'ascii'));
  return derTlv(0x18, Buffer.from(digits, 'ascii'));
}

/** [n] EXPLICIT. */
export const derExplicit = (tagNumber: number, content: Buffer): Buffer => derTlv(0xa0 | tagNumber, content);

/** [n] IMPLICIT constructed (replaces the SET/SEQUENCE tag of `encoded`). */
export function derImplicitConstructed(tagNumber: number, encoded: Buffer): Buffer {
  const copy = Buffer.from(encoded);
  copy[0] = 0xa0 | tagNumber;
  return copy;
}

export interface DerElement {
  readonly tag: number;
  /** Offset of the tag byte. */
  readonly start: number;
  /** Offset of the first content byte. */
  readonly contentStart: number;
  /** Offset after the last content byte. */
  readonly end: number;
}

export function readDerElement(buffer: Buffer, offset: number): DerElement {
  const tag = buffer[offset];
  let length = buffer[offset + 1];
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let index = 0; index < count; index += 1) length = length * 256 + buffer[offset + 2 + index];
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > buffer.length) throw new RangeError('truncated DER element');
  return { tag, start: offset, contentStart, end };
}

/** The direct children of a constructed element. */
export function readDerChildren(buffer: Buffer, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readDerElement(buffer, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export const derBytes = (buffer: Buffer, element: DerElement): Buffer => buffer.subarray(element.start, element.end);
