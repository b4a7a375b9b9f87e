import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../../platform/errors/domain-error';

/** Shortest password accepted (NIST SP 800-63B asks at least 8; length is what makes a password hard to guess). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest accepted: long passphrases are welcome, but hashing an unbounded input is not. */
export const MAX_PASSWORD_LENGTH = 128;

/** Lower-cased common passwords (the zxcvbn-ts "passwords-common" list, ~49,000 entries). */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Words of this service that make a password easy to guess here. */
const SERVICE_WORDS = ['trocapthatnghiep', 'thatnghiep', 'trocap', 'matkhau', 'password', 'dichvuvieclam', 'sonoivu'];

export interface PasswordContext {
  readonly username?: string;
  readonly fullName?: string;
  readonly email?: string | null;
}

/**
 * Current guidance (NIST SP 800-63B §3.1.1.2): length over complexity, no composition rules, and a check against
 * passwords known to be common. Refused: shorter than 12 or longer than 128 characters; a common password, also
 * with digits or symbols added at the end or the start ("dragon123456"); one character repeated or a run of
 * consecutive characters; a password made of the username, the e-mail's name, the person's name or this service's
 * name. Any character is allowed (spaces, Vietnamese letters); the password is compared in NFC.
 * Returns the problem as a field error of `field`, or `null` when the password is acceptable.
 */
export function passwordProblem(password: string, field: string, context: PasswordContext = {}): FieldError | null {
  const value = password.normalize('NFC');
  const length = [...value].length;
  if (length < MIN_PASSWORD_LENGTH)
    return {
      field,
      code: 'password_too_short',
      message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự. Nên dùng một cụm từ dễ nhớ, ví dụ bốn từ ghép lại.`,
    };
  if (length > MAX_PASSWORD_LENGTH)
    return { field, code: 'password_too_long', message: `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.` };
  const folded = fold(value);
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  if (list.has(value.toLowerCase()) || list.has(folded) || (core.length >= 3 && list.has(core)) || isSimpleRun(folded))
    return {
      field,
      code: 'password_common',
      message: 'Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.',
    };
  const personal = [
    context.username,
    context.email?.split('@')[0],
    context.fullName,
    ...(context.fullName ?? '').split(/\s+/).filter((w) => w.length >= 4),
    ...SERVICE_WORDS,
  ]
    .filter((w): w is string => !!w)
    .map(fold)
    .filter((w) => w.length >= 4);
  if (personal.some((w) => core === w || folded === w || (core.length >= 4 && w.includes(core))))
    return {
      field,
      code: 'password_guessable',
      message: 'Mật khẩu không được là tên đăng nhập, họ tên, thư điện tử hoặc tên của dịch vụ.',
    };
  return null;
}

/** Lower case, without diacritics or spaces: "Mật Khẩu" and "matkhau" are the same guess. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, '');
}

/** "aaaaaaaaaaaa", "123456789012", "abcdefghijkl": one character, or each the next/previous of the one before. */
function isSimpleRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  if (codes.every((c) => c === codes[0])) return true;
  const step = (a: number, b: number) => (b - a + 10) % 10;
  const digits = /^[0-9]+$/.test(text);
  const steps = codes.slice(1).map((c, i) => (digits ? step(codes[i], c) : c - codes[i]));
  return steps.every((s) => s === steps[0] && (s === 1 || s === -1 || (digits && s === 9)));
}
