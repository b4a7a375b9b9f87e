/**
 * Incremental updates (ISO 32000-1 §7.5.6) to a signed PDF: objects are appended after the last %%EOF with
 * a new cross-reference section pointing back to the previous one, so the bytes covered by earlier
 * signatures never change. Used for the organisation's signature after the competent person's, and for the
 * document security store (PAdES B-LT).
 *
 * The PDFs handled here are those written by pdfkit (and by this module): classic xref tables, object
 * dictionaries in plain text, streams only in content and data objects.
 */

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** The last definition of object `id` (later revisions override earlier ones), without its stream data. */
export function objectDictionary(pdf: Buffer, id: number): string {
  const marker = `\n${id} 0 obj`;
  const start = pdf.lastIndexOf(marker);
  if (start < 0) throw new Error(`PDF object ${id} not found`);
  const bodyStart = start + marker.length;
  const end = pdf.indexOf('endobj', bodyStart);
  const streamAt = pdf.indexOf('stream', bodyStart);
  const stop = streamAt >= 0 && streamAt < end ? streamAt : end;
  return pdf.subarray(bodyStart, stop).toString('latin1').trim();
}

export interface Trailer {
  readonly size: number;
  readonly root: number;
  readonly info?: number;
  readonly id?: string;
  readonly startxref: number;
}

export function readTrailer(pdf: Buffer): Trailer {
  const trailerAt = pdf.lastIndexOf('trailer');
  const startxrefAt = pdf.lastIndexOf('startxref');
  if (trailerAt < 0 || startxrefAt < 0) throw new Error('No classic trailer found');
  const trailer = pdf.subarray(trailerAt, startxrefAt).toString('latin1');
  const number = (key: string): number | undefined => {
    const match = new RegExp(`/${key}\\s+(\\d+)`).exec(trailer);
    return match ? Number(match[1]) : undefined;
  };
  const size = number('Size');
  const root = number('Root');
  if (size === undefined || root === undefined) throw new Error('Trailer without /Size or /Root');
  const startxref = Number(/startxref\s+(\d+)/.exec(pdf.subarray(startxrefAt).toString('latin1'))?.[1]);
  return {
    size,
    root,
    info: number('Info'),
    id: /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1],
    startxref,
  };
}

/** References like "12 0 R" in an array value `/Key [ ... ]` of a dictionary. */
export function arrayRefs(dictionary: string, key: string): number[] {
  const match = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dictionary);
  if (!match) return [];
  return [...match[1].matchAll(/(\d+)\s+0\s+R/g)].map((item) => Number(item[1]));
}

export function refValue(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/** Sets `/Key value` in a `<< ... >>` dictionary, replacing an existing entry (a reference or an array). */
export function setEntry(dictionary: string, key: string, value: string): string {
  const existing = new RegExp(`/${key}\\s*(\\[[^\\]]*\\]|\\d+\\s+0\\s+R|<<[^>]*>>|/\\w+|\\d+)`);
  if (existing.test(dictionary)) return dictionary.replace(existing, `/${key} ${value}`);
  const close = dictionary.lastIndexOf('>>');
  return `${dictionary.slice(0, close)}/${key} ${value}\n${dictionary.slice(close)}`;
}

/** The object ids of the document's pages, in order. */
export function pageIds(pdf: Buffer): number[] {
  const trailer = readTrailer(pdf);
  const catalog = objectDictionary(pdf, trailer.root);
  const pages = refValue(catalog, 'Pages');
  if (pages === undefined) throw new Error('Catalog without /Pages');
  return arrayRefs(objectDictionary(pdf, pages), 'Kids');
}

/** A PDF text string: UTF-16BE with a byte-order mark, hex-encoded. */
export function pdfText(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text.normalize('NFC')}`, 'utf16le').swap16();
  return `<${utf16.toString('hex')}>`;
}

/** PDF date D:YYYYMMDDHHmmSSZ. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

export interface NewObject {
  readonly id: number;
  /** Everything between "obj" and "endobj". */
  readonly body: Buffer;
}

/** Appends objects (new or replacing) in one incremental update. */
export function appendIncrementalUpdate(pdf: Buffer, objects: readonly NewObject[], newSize: number): Buffer {
  const trailer = readTrailer(pdf);
  const base = pdf[pdf.length - 1] === 0x0a ? pdf : Buffer.concat([pdf, latin1('\n')]);
  const parts: Buffer[] = [base];
  let offset = base.length;
  const offsets = new Map<number, number>();
  for (const object of [...objects].sort((a, b) => a.id - b.id)) {
    const chunk = Buffer.concat([latin1(`${object.id} 0 obj\n`), object.body, latin1('\nendobj\n')]);
    offsets.set(object.id, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xrefAt = offset;
  let xref = 'xref\n';
  for (const [id, at] of [...offsets].sort((a, b) => a[0] - b[0])) {
    xref += `${id} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  }
  const entries = [
    `/Size ${Math.max(newSize, trailer.size)}`,
    `/Root ${trailer.root} 0 R`,
    trailer.info !== undefined ? `/Info ${trailer.info} 0 R` : '',
    trailer.id ? `/ID ${trailer.id}` : '',
    `/Prev ${trailer.startxref}`,
  ].filter(Boolean);
  xref += `trailer\n<<\n${entries.join('\n')}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(latin1(xref));
  return Buffer.concat(parts);
}

export interface SignatureFieldInput {
  readonly pageIndex: number;
  readonly rect: readonly [number, number, number, number];
  readonly fieldName: string;
  readonly name: string;
  readonly reason: string;
  readonly location: string;
  readonly contactInfo: string;
  readonly signingTime: Date;
  /** Bytes reserved for the CMS. */
  readonly signatureLength: number;
}

/**
 * Adds an empty ETSI.CAdES.detached signature field (a widget on the given page) in an incremental update,
 * with the same /ByteRange placeholder pdfkit's placeholder uses, so that @signpdf fills it.
 */
export function addSignatureField(pdf: Buffer, input: SignatureFieldInput): Buffer {
  const trailer = readTrailer(pdf);
  const catalog = objectDictionary(pdf, trailer.root);
  const formId = refValue(catalog, 'AcroForm');
  if (formId === undefined) throw new Error('The PDF has no AcroForm (it must carry the first signature)');
  const pageId = pageIds(pdf)[input.pageIndex];
  if (pageId === undefined) throw new Error(`No page ${input.pageIndex}`);
  const signatureId = trailer.size;
  const widgetId = trailer.size + 1;
  const placeholder = '**********';
  const signature =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n` +
    `/ByteRange [0 /${placeholder} /${placeholder} /${placeholder}]\n` +
    `/Contents <${'0'.repeat(input.signatureLength * 2)}>\n` +
    `/Reason ${pdfText(input.reason)}\n/M ${pdfDate(input.signingTime)}\n/ContactInfo ${pdfText(input.contactInfo)}\n` +
    `/Name ${pdfText(input.name)}\n/Location ${pdfText(input.location)}\n` +
    `/Prop_Build <<\n/Filter <<\n/Name /Adobe.PPKLite\n>>\n/App <<\n/Name /tro-cap-that-nghiep\n>>\n>>\n>>`;
  const widget =
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/F 132\n/Rect [${input.rect.join(' ')}]\n` +
    `/V ${signatureId} 0 R\n/T ${pdfText(input.fieldName)}\n/P ${pageId} 0 R\n>>`;
  const page = objectDictionary(pdf, pageId);
  const annots = [...arrayRefs(page, 'Annots'), widgetId].map((id) => `${id} 0 R`).join(' ');
  const form = objectDictionary(pdf, formId);
  const fields = [...arrayRefs(form, 'Fields'), widgetId].map((id) => `${id} 0 R`).join(' ');
  return appendIncrementalUpdate(
    pdf,
    [
      { id: signatureId, body: latin1(signature) },
      { id: widgetId, body: latin1(widget) },
      { id: pageId, body: latin1(setEntry(page, 'Annots', `[${annots}]`)) },
      { id: formId, body: latin1(setEntry(setEntry(form, 'Fields', `[${fields}]`), 'SigFlags', '3')) },
    ],
    trailer.size + 2,
  );
}
