import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Control characters no request string may carry anywhere (body, query, path): C0 except tab, line feed and carriage
 * return, DEL, and C1. A NUL reached PostgreSQL (which refuses it in text) and answered 500.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What a single-line field may not contain after normalisation: any control character (tabs and line breaks are
 * turned into spaces first) and the bidirectional overrides and isolates, which make printed text read differently
 * from what was stored.
 */
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What a multi-line field may not contain: as single-line, but line feeds and tabs are kept. */
// eslint-disable-next-line no-control-regex
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Every kind of line break and space run (tab, CR, LF, VT, FF, NEL, U+2028/2029, no-break and other Unicode spaces). */
const WHITESPACE_RUN = /[\s\u0085]+/g;

/** NFC, every whitespace run (line breaks included) to one space, trimmed. Non-strings pass unchanged. */
export function normalizeSingleLine(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim() : value;
}

/** NFC, CRLF / CR / NEL / U+2028/2029 to LF, trailing spaces of the whole text trimmed. Non-strings pass unchanged. */
export function normalizeMultiLine(value: unknown): unknown {
  return typeof value === 'string'
    ? value
        .normalize('NFC')
        .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
        .trim()
    : value;
}

function forbidding(name: string, pattern: RegExp, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, context: { code: 'invalid_character' }, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ? true : !pattern.test(value) && value === value.normalize('NFC'),
      },
    });
}

/**
 * A single-line text field (a name, an address, a reason): normalised to NFC with whitespace runs and line breaks
 * folded to one space and trimmed, then any remaining control or bidirectional-override character is refused. What a
 * citizen types here is printed in signed documents, where a line break would start a forged paragraph.
 * Put it on every single-line string field of a DTO, before its length checks (they see the normalised text).
 */
export function SingleLineText(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) =>
      options?.each && Array.isArray(value) ? value.map(normalizeSingleLine) : normalizeSingleLine(value),
    ),
    forbidding('singleLineText', SINGLE_LINE_FORBIDDEN, 'Trường này chứa ký tự điều khiển không được phép.', options),
  );
}

/** A multi-line text field (a note): NFC, line breaks unified to LF and kept; other control characters refused. */
export function MultiLineText(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => normalizeMultiLine(value)),
    forbidding('multiLineText', MULTI_LINE_FORBIDDEN, 'Trường này chứa ký tự điều khiển không được phép.', options),
  );
}

/**
 * The first string (depth-first, in key order) of a request part that holds a forbidden control character, as the
 * dotted path of its field (`lastEmployer.name`, `items.2`), or undefined. Keys are checked too. Iterative.
 */
export function fieldWithControlCharacter(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (FORBIDDEN_CONTROL.test(current)) return path;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Object.entries(current as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_CONTROL.test(key)) return field;
      stack.push([child, field]);
    }
  }
  return undefined;
}
