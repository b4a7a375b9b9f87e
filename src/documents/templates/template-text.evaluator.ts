import { formatVnd, formatVndNumber, vndInWords } from '../formatting/vnd-amount.formatter';
import { formatDateTime, formatLongDate, formatShortDate } from '../formatting/vietnamese-date.formatter';
import { TemplateError } from './template-error';

/** A piece of text with one style, ready for layout. */
export interface TextRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

export type TemplateScope = Readonly<Record<string, unknown>>;

/** Where an expression is evaluated, for error messages. */
export interface EvaluationSite {
  readonly templateName: string;
  readonly lineNumber: number;
}

type Filter = (value: unknown) => unknown;

function requireNumber(value: unknown, filter: string): number {
  if (typeof value !== 'number') throw new Error(`filter "${filter}" needs a number`);
  return value;
}

function requireDate(value: unknown, filter: string): string | Date {
  if (typeof value !== 'string' && !(value instanceof Date)) throw new Error(`filter "${filter}" needs a date`);
  return value;
}

const FILTERS: Readonly<Record<string, Filter>> = {
  money: (value) => formatVnd(requireNumber(value, 'money')),
  number: (value) => formatVndNumber(requireNumber(value, 'number')),
  words: (value) => vndInWords(requireNumber(value, 'words')),
  date: (value) => formatShortDate(requireDate(value, 'date')),
  longdate: (value) => formatLongDate(requireDate(value, 'longdate')),
  datetime: (value) => {
    if (!(value instanceof Date)) throw new Error('filter "datetime" needs an instant');
    return formatDateTime(value);
  },
  upper: (value) => String(value).toLocaleUpperCase('vi'),
  pad2: (value) => String(requireNumber(value, 'pad2')).padStart(2, '0'),
};

export const TEMPLATE_FILTERS: readonly string[] = Object.keys(FILTERS);

/** Resolves "a.b.c" in the scope; throws when any segment is missing. */
export function resolveField(scope: TemplateScope, path: string): unknown {
  let current: unknown = scope;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(segment in current)) {
      throw new Error(`unknown field "${path}"`);
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** True for values that make an `if=` block render. */
export function isTruthyField(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

function evaluateExpression(expression: string, scope: TemplateScope): string {
  const [path, ...filters] = expression.split('|').map((part) => part.trim());
  let value = resolveField(scope, path);
  for (const name of filters) {
    const filter = FILTERS[name];
    if (!filter) throw new Error(`unknown filter "${name}" (known: ${TEMPLATE_FILTERS.join(', ')})`);
    value = filter(value);
  }
  if (value === undefined || value === null) throw new Error(`field "${path}" has no value`);
  if (value instanceof Date || typeof value === 'object') throw new Error(`field "${path}" needs a filter to print`);
  return String(value);
}

/** Replaces every {{field | filter}} in plain text. */
export function substituteFields(text: string, scope: TemplateScope, site: EvaluationSite): string {
  try {
    return text
      .replace(/\{\{([^}]*)\}\}/g, (_match, expression: string) => evaluateExpression(expression, scope))
      .normalize('NFC');
  } catch (error) {
    throw new TemplateError(site.templateName, site.lineNumber, (error as Error).message);
  }
}

/**
 * Splits template text into styled runs (**bold**, *italic*), then fills the fields inside each run,
 * so that data can never inject markup.
 */
export function evaluateRuns(text: string, scope: TemplateScope, site: EvaluationSite): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  const push = (raw: string, bold: boolean, italic: boolean): void => {
    if (raw) runs.push({ text: substituteFields(raw, scope, site), bold, italic });
  };
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    push(text.slice(last, match.index), false, false);
    if (match[1] !== undefined) push(match[1], true, false);
    else push(match[2], false, true);
    last = match.index + match[0].length;
  }
  push(text.slice(last), false, false);
  return runs.filter((run) => run.text.length > 0);
}
