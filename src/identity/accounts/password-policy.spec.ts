import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

const code = (password: string, context = {}) => passwordProblem(password, 'newPassword', context)?.code ?? null;

describe('staff password policy (NIST SP 800-63B §3.1.1.2: length over complexity, common passwords refused)', () => {
  it.each([
    ['short, however "complex"', 'Ab1!Ab1!Ab1', 'password_too_short'],
    ['12 characters, lower case only: no composition rules', 'mâytrắngbayqua', null],
    ['a Vietnamese passphrase with spaces', 'rừng cao su mùa thay lá', null],
    ['common password from the list', 'qwertyuiop123', 'password_common'],
    ['common word with digits appended', 'sunshine123456', 'password_common'],
    ['common password, other case', 'PASSWORD1234', 'password_common'],
    ['digits in a row', '123456789012', 'password_common'],
    ['digits counting down, wrapping', '321098765432', 'password_common'],
    ['one character repeated', 'zzzzzzzzzzzz', 'password_common'],
    ['letters in a row', 'abcdefghijklm', 'password_common'],
    ['"mật khẩu" (a listed common password) with digits, in any diacritics', 'Mật Khẩu 2026!!', 'password_common'],
    ['the service name', 'trocapthatnghiep', 'password_guessable'],
  ])('%s: %s → %s', (_case, password, expected) => {
    expect(code(password)).toBe(expected);
  });

  it('refuses the username, the e-mail name and the full name, with or without diacritics', () => {
    const who = { username: 'tiepnhan.bh', email: 'thanhtam.nguyen@snv.example.vn', fullName: 'Nguyễn Thị Thanh Tâm' };
    expect(code('tiepnhan.bh2026', who)).toBe('password_guessable');
    expect(code('thanhtam.nguyen!', who)).toBe('password_guessable');
    expect(code('nguyen thi thanh tam', who)).toBe('password_guessable');
    expect(code('ba con mèo đen trên mái nhà', who)).toBeNull();
  });

  it(`accepts every password of ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} random characters from a large alphabet`, () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'bcdfghjkmnpqrstvwxz2345789ẮẰẲẴẶ'.split('')),
          minLength: MIN_PASSWORD_LENGTH,
          maxLength: MAX_PASSWORD_LENGTH,
        }),
        (password) => {
          const result = code(password);
          return result === null || result === 'password_common'; // a run like "bcdfg..." can only be refused as common
        },
      ),
    );
  });

  it('refuses every password of the common list that is long enough to pass the length rule', () => {
    const long = (dictionary['passwords-common'] as string[]).filter((p) => [...p].length >= MIN_PASSWORD_LENGTH);
    expect(long.length).toBeGreaterThan(100);
    for (const p of long) expect(code(p)).not.toBeNull();
  });

  it('refuses anything over the maximum length', () => {
    expect(code('x'.repeat(MAX_PASSWORD_LENGTH - 1) + 'yz')).toBe('password_too_long');
  });
});
