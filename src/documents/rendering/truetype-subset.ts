/**
 * TrueType (glyf) subsetter for PDF embedding, built once per font per process.
 *
 * It writes the same tables as fontkit's TTFSubset (head, hhea, maxp, loca, glyf, hmtx and the hinting
 * tables cvt/fpgm/prep) but copies glyph outlines as raw bytes: no outline decoding and no table
 * re-encoding per document, which made fontkit's subset the largest cost of a render. New glyph ids are
 * given in order of first use, .notdef first; components of composite glyphs are appended and remapped.
 * Used as a PDF FontFile2 with CIDToGIDMap /Identity, so no cmap/name/post tables are needed.
 */

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

interface GlyphData {
  readonly bytes: Buffer;
  /** Byte offsets (inside `bytes`) of component glyph ids, with the original ids. */
  readonly components: readonly { readonly position: number; readonly glyphId: number }[];
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let index = 0; index < whole; index += 4) sum = (sum + data.readUInt32BE(index)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

const pad4 = (length: number): number => (length + 3) & ~3;

/** The parsed, immutable parts of one TrueType font. */
export class TrueTypeFont {
  private readonly tables = new Map<string, TableRecord>();
  private readonly locaOffsets: Uint32Array;
  private readonly numberOfHMetrics: number;
  private readonly glyphs = new Map<number, GlyphData>();
  readonly numGlyphs: number;

  constructor(private readonly data: Buffer) {
    const version = data.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565) throw new Error('Not a TrueType (glyf) font');
    const numTables = data.readUInt16BE(4);
    for (let index = 0; index < numTables; index += 1) {
      const record = 12 + index * 16;
      const tag = data.toString('latin1', record, record + 4);
      this.tables.set(tag, { offset: data.readUInt32BE(record + 8), length: data.readUInt32BE(record + 12) });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) {
      if (!this.tables.has(tag)) throw new Error(`TrueType font without a ${tag} table`);
    }
    const head = this.table('head');
    const maxp = this.table('maxp');
    const hhea = this.table('hhea');
    const loca = this.table('loca');
    this.numGlyphs = maxp.readUInt16BE(4);
    this.numberOfHMetrics = hhea.readUInt16BE(34);
    const longOffsets = head.readInt16BE(50) === 1;
    this.locaOffsets = new Uint32Array(this.numGlyphs + 1);
    for (let glyph = 0; glyph <= this.numGlyphs; glyph += 1) {
      this.locaOffsets[glyph] = longOffsets ? loca.readUInt32BE(glyph * 4) : loca.readUInt16BE(glyph * 2) * 2;
    }
  }

  table(tag: string): Buffer {
    const record = this.tables.get(tag);
    if (!record) throw new Error(`TrueType font without a ${tag} table`);
    return this.data.subarray(record.offset, record.offset + record.length);
  }

  hasTable(tag: string): boolean {
    return this.tables.has(tag);
  }

  /** Advance width and left side bearing (font units). */
  metrics(glyphId: number): { advance: number; bearing: number } {
    const hmtx = this.table('hmtx');
    if (glyphId < this.numberOfHMetrics) {
      return { advance: hmtx.readUInt16BE(glyphId * 4), bearing: hmtx.readInt16BE(glyphId * 4 + 2) };
    }
    return {
      advance: hmtx.readUInt16BE((this.numberOfHMetrics - 1) * 4),
      bearing: hmtx.readInt16BE(this.numberOfHMetrics * 4 + (glyphId - this.numberOfHMetrics) * 2),
    };
  }

  glyph(glyphId: number): GlyphData {
    let glyph = this.glyphs.get(glyphId);
    if (glyph) return glyph;
    if (glyphId < 0 || glyphId >= this.numGlyphs) throw new RangeError(`glyph ${glyphId} out of range`);
    const glyf = this.table('glyf');
    const bytes = glyf.subarray(this.locaOffsets[glyphId], this.locaOffsets[glyphId + 1]);
    const components: { position: number; glyphId: number }[] = [];
    if (bytes.length >= 10 && bytes.readInt16BE(0) < 0) {
      let position = 10;
      let flags = MORE_COMPONENTS;
      while (flags & MORE_COMPONENTS) {
        flags = bytes.readUInt16BE(position);
        components.push({ position: position + 2, glyphId: bytes.readUInt16BE(position + 2) });
        position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) position += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
      }
    }
    glyph = { bytes, components };
    this.glyphs.set(glyphId, glyph);
    return glyph;
  }

  /** Encoded subsets by their requested glyph list (see `TrueTypeSubset.encode`). */
  readonly encodedSubsets = new Map<string, { readonly glyphs: readonly number[]; readonly bytes: Buffer }>();

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this);
  }
}

const ENCODED_SUBSETS_LIMIT = 64;

/** One document's subset: the same interface pdfkit uses on fontkit's subsets. */
export class TrueTypeSubset {
  /** Original glyph ids, by new id. */
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  /** Not a CFF font (pdfkit checks this to choose FontFile2). */
  readonly cff = undefined;

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  includeGlyph(glyphId: number): number {
    let id = this.mapping.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.mapping.set(glyphId, id);
    }
    return id;
  }

  /**
   * The subset as a TrueType file. Documents of one template use the same glyphs, so the result is kept per
   * font for each glyph list (a handful of entries): the same bytes, without copying and summing the tables again.
   */
  encode(): Buffer {
    const key = this.glyphs.join(',');
    const cached = this.font.encodedSubsets.get(key);
    if (cached) {
      for (const glyphId of cached.glyphs) this.includeGlyph(glyphId);
      return cached.bytes;
    }
    const bytes = this.encodeTables();
    if (this.font.encodedSubsets.size >= ENCODED_SUBSETS_LIMIT) this.font.encodedSubsets.clear();
    this.font.encodedSubsets.set(key, { glyphs: [...this.glyphs], bytes });
    return bytes;
  }

  private encodeTables(): Buffer {
    const { font } = this;
    const glyphBuffers: Buffer[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // Components may add glyphs while this runs.
    for (let index = 0; index < this.glyphs.length; index += 1) {
      const glyph = font.glyph(this.glyphs[index]);
      let bytes = glyph.bytes;
      if (glyph.components.length > 0) {
        bytes = Buffer.from(bytes);
        for (const component of glyph.components)
          bytes.writeUInt16BE(this.includeGlyph(component.glyphId), component.position);
      }
      offsets.push(offset);
      glyphBuffers.push(bytes);
      const padding = pad4(bytes.length) - bytes.length;
      if (padding > 0) glyphBuffers.push(Buffer.alloc(padding));
      offset += bytes.length + padding;
    }
    offsets.push(offset);
    const count = this.glyphs.length;

    const loca = Buffer.alloc(offsets.length * 4);
    offsets.forEach((value, index) => loca.writeUInt32BE(value, index * 4));
    const hmtx = Buffer.alloc(count * 4);
    this.glyphs.forEach((glyphId, index) => {
      const { advance, bearing } = font.metrics(glyphId);
      hmtx.writeUInt16BE(advance, index * 4);
      hmtx.writeInt16BE(bearing, index * 4 + 2);
    });
    const head = Buffer.from(font.table('head'));
    head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
    const hhea = Buffer.from(font.table('hhea'));
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(font.table('maxp'));
    maxp.writeUInt16BE(count, 4);

    const tables: [string, Buffer][] = [
      ['cvt ', font.hasTable('cvt ') ? font.table('cvt ') : Buffer.alloc(0)],
      ['fpgm', font.hasTable('fpgm') ? font.table('fpgm') : Buffer.alloc(0)],
      ['glyf', Buffer.concat(glyphBuffers, offset)],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
      ['prep', font.hasTable('prep') ? font.table('prep') : Buffer.alloc(0)],
    ];
    const present = tables.filter(([, data]) => data.length > 0);
    const numTables = present.length;
    const headerLength = 12 + numTables * 16;
    const total = present.reduce((sum, [, data]) => sum + pad4(data.length), headerLength);
    const output = Buffer.alloc(total);
    const entrySelector = Math.floor(Math.log2(numTables));
    const searchRange = 2 ** entrySelector * 16;
    output.writeUInt32BE(0x00010000, 0);
    output.writeUInt16BE(numTables, 4);
    output.writeUInt16BE(searchRange, 6);
    output.writeUInt16BE(entrySelector, 8);
    output.writeUInt16BE(numTables * 16 - searchRange, 10);
    let position = headerLength;
    let headOffset = 0;
    present.forEach(([tag, data], index) => {
      const record = 12 + index * 16;
      output.write(tag, record, 4, 'latin1');
      output.writeUInt32BE(checksum(data), record + 4);
      output.writeUInt32BE(position, record + 8);
      output.writeUInt32BE(data.length, record + 12);
      data.copy(output, position);
      if (tag === 'head') headOffset = position;
      position += pad4(data.length);
    });
    output.writeUInt32BE((0xb1b0afba - checksum(output)) >>> 0, headOffset + 8);
    return output;
  }
}
