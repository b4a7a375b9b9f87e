import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';
import { fieldWithControlCharacter } from './text';

/**
 * Vietnamese messages for class-validator constraints, keyed by constraint name. A DTO may still give its own
 * message; this table is the fallback so that no English text reaches a citizen.
 */
const MESSAGES: Record<string, [code: string, message: string]> = {
  whitelistValidation: ['unknown_field', 'Trường này không được chấp nhận.'],
  isDefined: ['required', 'Trường này là bắt buộc.'],
  isNotEmpty: ['required', 'Trường này không được để trống.'],
  isString: ['invalid_type', 'Giá trị phải là chuỗi ký tự.'],
  isInt: ['invalid_type', 'Giá trị phải là số nguyên.'],
  isNumber: ['invalid_type', 'Giá trị phải là số.'],
  isBoolean: ['invalid_type', 'Giá trị phải là đúng hoặc sai (true/false).'],
  isArray: ['invalid_type', 'Giá trị phải là danh sách.'],
  isObject: ['invalid_type', 'Giá trị phải là một đối tượng.'],
  nestedValidation: ['invalid_type', 'Giá trị phải là một đối tượng.'],
  isIn: ['invalid_value', 'Giá trị không thuộc danh sách cho phép.'],
  isEnum: ['invalid_value', 'Giá trị không thuộc danh sách cho phép.'],
  min: ['too_small', 'Giá trị quá nhỏ.'],
  max: ['too_large', 'Giá trị quá lớn.'],
  minLength: ['too_short', 'Giá trị quá ngắn.'],
  maxLength: ['too_long', 'Giá trị quá dài.'],
  arrayMinSize: ['too_few', 'Danh sách có quá ít phần tử.'],
  arrayMaxSize: ['too_many', 'Danh sách có quá nhiều phần tử.'],
  isEmail: ['invalid_format', 'Địa chỉ thư điện tử không hợp lệ.'],
  matches: ['invalid_format', 'Giá trị không đúng định dạng.'],
  isDateString: ['invalid_date', 'Ngày phải có dạng YYYY-MM-DD.'],
  isIsoDate: ['invalid_date', 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.'],
  equals: ['invalid_value', 'Giá trị không hợp lệ.'],
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of Object.entries(error.constraints ?? {})) {
      const [code, fallback] = MESSAGES[constraint] ?? ['invalid_value', 'Giá trị không hợp lệ.'];
      // class-validator types a constraint's context as `any`: read the two fields this service puts there.
      const context = (error.contexts?.[constraint] ?? {}) as { vi?: string; code?: string };
      const custom = context.vi;
      out.push({
        field,
        code: context.code ?? code,
        message: custom ?? (isVietnamese(text) ? text : fallback),
      });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** class-validator's default messages are English; a message with Vietnamese letters is one a DTO wrote. */
function isVietnamese(text: string): boolean {
  return /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(text);
}

/** Deeper JSON than any request of this API needs; deeper bodies are refused before anything recurses into them. */
export const MAX_BODY_DEPTH = 32;

/**
 * More keys and array elements, all levels together, than any request of this API needs (the calculator's 1 200
 * contribution months are about 3 600). A body of 100 000 unknown keys cost a validation error each.
 */
export const MAX_BODY_NODES = 5_000;

/**
 * A refused request lists at most this many field errors. A body of 100 000 unknown keys answered 100 000 errors
 * (10 MB) and kept the event loop busy long enough to slow every other request.
 */
export const MAX_FIELD_ERRORS = 20;

/**
 * The global pipe: class-validator with Vietnamese messages, plus two checks on request bodies that Nest's pipe
 * lacks. A body nested thousands of levels deep (well within the 1 MB limit) overflowed the stack in the pipe's own
 * recursive walks and answered 500; it is now a 400. A JSON `null` body passed as "no body" (and e.g. withdrew a
 * dossier) while `42` or `[]` were refused; it is now refused like them.
 */
class BodyCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const found = fieldWithControlCharacter(value, metadata.data ?? '');
      if (found !== undefined) {
        const field = found || metadata.type;
        throw DomainError.validation([
          {
            field: printable(field),
            code: 'invalid_character',
            message: 'Trường này chứa ký tự điều khiển (ví dụ ký tự NUL) không được phép.',
          },
        ]);
      }
    }
    // Size and depth are checked on every body, typed or not (an untyped body is stored as jsonb, whose parser has
    // its own depth limit and answered 500).
    if (metadata.type === 'body' && value !== null && typeof value === 'object') {
      if (nodesExceed(value, MAX_BODY_NODES)) {
        throw DomainError.validation([
          { field: 'body', code: 'too_large', message: 'Nội dung gửi lên có quá nhiều trường hoặc phần tử.' },
        ]);
      }
      if (depthExceeds(value, MAX_BODY_DEPTH)) {
        throw DomainError.validation([
          { field: 'body', code: 'too_deep', message: 'Nội dung gửi lên lồng nhau quá nhiều cấp.' },
        ]);
      }
    }
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === null) {
        throw DomainError.validation([{ field: 'body', code: 'invalid_type', message: MESSAGES.isObject[1] }]);
      }
      const inherited = inheritedKeys(value);
      if (inherited.length) {
        throw DomainError.validation(
          inherited.slice(0, MAX_FIELD_ERRORS).map((field) => ({
            field,
            code: MESSAGES.whitelistValidation[0],
            message: MESSAGES.whitelistValidation[1],
          })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Keys that name Object.prototype members (`constructor`, `toString`, `__proto__`, ...): class-validator's whitelist
 * sees them as known properties of every DTO and lets them through, so a body made only of them passed as empty.
 * `prototype` is deleted silently by Nest's pipe, with the same effect. They are never fields of ours: refuse them by
 * their dotted path, at any depth.
 */
export function inheritedKeys(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current as object)) {
      const field = path ? `${path}.${key}` : key;
      if (key in Object.prototype || key === '__proto__' || key === 'prototype') found.push(field);
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, field]);
    }
  }
  return found.sort();
}

/** True when the value has more than `limit` keys and array elements in all (iterative; stops at the limit). */
export function nodesExceed(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    for (const child of Object.values(current as object)) {
      if (++count > limit) return true;
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** A field path for an error message, with control characters (in a hostile key) spelled out as `\uXXXX`. */
function printable(field: string): string {
  // eslint-disable-next-line no-control-regex
  return field.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Iterative (never recursive), so it cannot overflow the stack on the very input it guards against. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export function createValidationPipe(): ValidationPipe {
  return new BodyCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors).slice(0, MAX_FIELD_ERRORS)),
  });
}
