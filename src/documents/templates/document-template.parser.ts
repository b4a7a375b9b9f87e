import type {
  BlockOptions,
  DocumentTemplate,
  IssuedBy,
  TemplateBlock,
  TemplateLine,
  TemplateMeta,
  TextBlockType,
} from './document-template.types';
import { TemplateError } from './template-error';

const TEXT_BLOCKS: readonly TextBlockType[] = [
  'title',
  'heading',
  'basis',
  'paragraph',
  'fields',
  'recipients',
  'signature',
];

interface RawBlock {
  readonly keyword: string;
  readonly args: readonly string[];
  readonly lineNumber: number;
  readonly lines: TemplateLine[];
}

function parseOptions(args: readonly string[]): { options: BlockOptions; rest: string[] } {
  const options: { if?: string; italic?: boolean; bold?: boolean; center?: boolean } = {};
  const rest: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('if=')) options.if = arg.slice(3);
    else if (arg === 'italic') options.italic = true;
    else if (arg === 'bold') options.bold = true;
    else if (arg === 'center') options.center = true;
    else rest.push(arg);
  }
  return { options, rest };
}

function splitRow(line: TemplateLine): string[] {
  const text = line.text.trim();
  if (!text.startsWith('|') || !text.endsWith('|')) {
    throw new Error(`table row must start and end with "|"`);
  }
  // "|" also separates filters inside {{ }}; only split outside the braces.
  const cells: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.slice(1, -1)) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === '|' && depth === 0) {
      cells.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

function parseMeta(name: string, block: RawBlock | undefined): TemplateMeta {
  if (!block) throw new TemplateError(name, undefined, 'missing @meta block');
  const values = new Map<string, string>();
  for (const line of block.lines) {
    const separator = line.text.indexOf(':');
    if (separator < 0) throw new TemplateError(name, line.lineNumber, 'expected "key: value" in @meta');
    values.set(line.text.slice(0, separator).trim(), line.text.slice(separator + 1).trim());
  }
  const code = values.get('code');
  if (!code) throw new TemplateError(name, block.lineNumber, '@meta needs "code: ..." (e.g. QĐ)');
  const issuedBy = values.get('issued-by') ?? 'authority';
  if (issuedBy !== 'authority' && issuedBy !== 'center') {
    throw new TemplateError(name, block.lineNumber, '"issued-by" must be "authority" or "center"');
  }
  return { code, issuedBy: issuedBy as IssuedBy };
}

function toBlock(name: string, raw: RawBlock): TemplateBlock {
  const { options, rest } = parseOptions(raw.args);
  if (raw.keyword === 'page-break') return { type: 'page-break', options };
  if (raw.keyword === 'list') {
    if (rest.length !== 1)
      throw new TemplateError(name, raw.lineNumber, '@list needs the field name, e.g. "@list reasons"');
    return { type: 'list', options, source: rest[0], lines: raw.lines };
  }
  if (raw.keyword === 'table') {
    if (rest.length < 1) throw new TemplateError(name, raw.lineNumber, '@table needs the field name');
    const widthsArg = rest.find((arg) => arg.startsWith('widths='));
    const rows = raw.lines.filter((line) => line.text !== '' && !/^\|[\s:|-]*-[\s:|-]*\|$/.test(line.text));
    if (rows.length !== 2) {
      throw new TemplateError(name, raw.lineNumber, '@table needs exactly one header row and one row template');
    }
    let header: string[];
    let cells: string[];
    try {
      header = splitRow(rows[0]);
      cells = splitRow(rows[1]);
    } catch (error) {
      throw new TemplateError(name, rows[0].lineNumber, (error as Error).message);
    }
    if (header.length !== cells.length) {
      throw new TemplateError(name, rows[1].lineNumber, 'header and row template have different column counts');
    }
    const widths = widthsArg ? widthsArg.slice('widths='.length).split(',').map(Number) : header.map(() => 1);
    if (widths.length !== header.length || widths.some((width) => !(width > 0))) {
      throw new TemplateError(name, raw.lineNumber, 'widths= must list one positive number per column');
    }
    return {
      type: 'table',
      options,
      source: rest[0],
      header,
      cells: cells.map((text) => ({ text, lineNumber: rows[1].lineNumber })),
      widths,
    };
  }
  if ((TEXT_BLOCKS as readonly string[]).includes(raw.keyword)) {
    if (rest.length > 0) throw new TemplateError(name, raw.lineNumber, `unknown option "${rest[0]}"`);
    return { type: raw.keyword as TextBlockType, options, lines: raw.lines };
  }
  throw new TemplateError(name, raw.lineNumber, `unknown block "@${raw.keyword}"`);
}

/**
 * Parses the block text format: "@block [options]" lines start blocks, the lines below are their content,
 * lines starting with "#" are comments. Blank lines are kept (they separate paragraphs).
 */
export function parseDocumentTemplate(name: string, source: string): DocumentTemplate {
  const rawBlocks: RawBlock[] = [];
  source
    .normalize('NFC')
    .split(/\r?\n/)
    .forEach((text, index) => {
      const lineNumber = index + 1;
      if (text.trimStart().startsWith('#')) return;
      const directive = /^@([a-z-]+)(.*)$/.exec(text.trim());
      if (directive) {
        rawBlocks.push({
          keyword: directive[1],
          args: directive[2].trim().split(/\s+/).filter(Boolean),
          lineNumber,
          lines: [],
        });
        return;
      }
      const current = rawBlocks[rawBlocks.length - 1];
      if (!current) {
        if (text.trim()) throw new TemplateError(name, lineNumber, 'text before the first @block');
        return;
      }
      current.lines.push({ text: text.trim(), lineNumber });
    });
  for (const raw of rawBlocks) {
    while (raw.lines.length > 0 && raw.lines[raw.lines.length - 1].text === '') raw.lines.pop();
    while (raw.lines.length > 0 && raw.lines[0].text === '') raw.lines.shift();
  }
  const metaBlocks = rawBlocks.filter((raw) => raw.keyword === 'meta');
  if (metaBlocks.length > 1) throw new TemplateError(name, metaBlocks[1].lineNumber, 'only one @meta block allowed');
  return {
    name,
    meta: parseMeta(name, metaBlocks[0]),
    blocks: rawBlocks.filter((raw) => raw.keyword !== 'meta').map((raw) => toBlock(name, raw)),
  };
}
