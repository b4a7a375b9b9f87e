import fc from 'fast-check';
import { PersonalId, PersonalIdRejection, decodeCenturySexDigit, encodeCenturySexDigit } from './personal-id';
import { checkAgainstRegistry } from './personal-id-registry-check';
import { BIRTH_REGISTRATION_PROVINCES, birthRegistrationProvince } from './province-codes';

describe('PersonalId.parse', () => {
  it.each<[string, unknown, PersonalIdRejection[]]>([
    ['undefined', undefined, ['required']],
    ['null', null, ['required']],
    ['empty string', '', ['required']],
    ['a number, not a string', 79090012345, ['non_digit']],
    ['11 digits', '07909001234', ['wrong_length']],
    ['13 digits', '0790900123456', ['wrong_length']],
    ['a letter inside', '0790900123A5', ['non_digit']],
    ['a leading letter, 12 characters', 'A79090012345', ['non_digit']],
    ['a space inside', '079 09001234', ['contains_whitespace']],
    ['grouped with spaces', '079 090 012 345', ['contains_whitespace', 'wrong_length']],
    ['a trailing space', '079090012345 ', ['contains_whitespace', 'wrong_length']],
    ['a tab', '079090012\t45', ['contains_whitespace']],
    ['a hyphen', '079-09001234', ['non_digit']],
    ['full-width digits', '０７９０９００１２３４５', ['non_digit']],
    ['Arabic-Indic digits', '٠٧٩٠٩٠٠١٢٣٤٥', ['non_digit']],
    ['province code 000', '000090012345', ['unknown_province_code']],
    ['province code 003 (unassigned)', '003090012345', ['unknown_province_code']],
    ['province code 097 (after Cà Mau)', '097090012345', ['unknown_province_code']],
    ['province code 099', '099190012345', ['unknown_province_code']],
  ])('rejects %s', (_label, input, reasons) => {
    expect(PersonalId.parse(input)).toEqual({ ok: false, reasons });
  });

  it.each([
    ['001', 'Hà Nội'],
    ['070', 'Bình Phước'],
    ['075', 'Đồng Nai'],
    ['079', 'TP. Hồ Chí Minh'],
    ['096', 'Cà Mau'],
  ])('accepts province %s (%s)', (code, name) => {
    const result = PersonalId.parse(`${code}190012345`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.value.placeCode).toBe(code);
    expect(result.value.birthRegistrationProvince?.name).toBe(name);
  });

  it('accepts a place code outside the 0xx province range with a warning (country of a birth registered abroad)', () => {
    const result = PersonalId.parse('248090012345');
    expect(result).toMatchObject({ ok: true, warnings: ['unlisted_place_code'] });
    if (result.ok) expect(result.value.birthRegistrationProvince).toBeUndefined();
  });

  it.each<[number, number, 'male' | 'female', string]>([
    [0, 1900, 'male', '1990'],
    [1, 1900, 'female', '1990'],
    [2, 2000, 'male', '2090'],
    [3, 2000, 'female', '2090'],
    [4, 2100, 'male', '2190'],
    [5, 2100, 'female', '2190'],
    [6, 2200, 'male', '2290'],
    [7, 2200, 'female', '2290'],
    [8, 2300, 'male', '2390'],
    [9, 2300, 'female', '2390'],
  ])('decodes century/sex digit %i as %i, %s', (digit, centuryStart, sex, year) => {
    expect(decodeCenturySexDigit(digit)).toEqual({ centuryStart, sex });
    const id = PersonalId.of(`075${digit}90123456`);
    expect(id.sex).toBe(sex);
    expect(id.birthYear).toBe(Number(year));
    expect(encodeCenturySexDigit(Number(year), sex)).toBe(digit);
  });

  it('decodes YY with the century, e.g. 2004 from G=3, YY=04', () => {
    expect(PersonalId.of('079304000123').birthYear).toBe(2004);
  });

  it('has no encoding outside 1900–2399', () => {
    expect(encodeCenturySexDigit(1899, 'male')).toBeUndefined();
    expect(encodeCenturySexDigit(2400, 'female')).toBeUndefined();
  });

  it('masks the middle six digits and serialises to the bare string', () => {
    const id = PersonalId.of('079090012345');
    expect(id.masked()).toBe('079******345');
    expect(JSON.stringify({ id })).toBe('{"id":"079090012345"}');
    expect(id.equals(PersonalId.of('079090012345'))).toBe(true);
  });

  it('PersonalId.of throws on invalid input', () => {
    expect(() => PersonalId.of('12345')).toThrow(/wrong_length/);
  });

  it('accepts every 12-digit string whose place code is a listed province', () => {
    const codes = BIRTH_REGISTRATION_PROVINCES.map((p) => p.code);
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.stringMatching(/^[0-9]{9}$/), (code, rest) => {
        const result = PersonalId.parse(code + rest);
        return result.ok && result.value.value === code + rest;
      }),
    );
  });

  it('rejects every string that is not exactly 12 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((s) => s.length !== 12),
        (s) => !PersonalId.parse(s).ok,
      ),
    );
  });
});

describe('province table', () => {
  it('holds the 63 pre-2025 provinces, unique codes 0 + two digits, NFC names', () => {
    expect(BIRTH_REGISTRATION_PROVINCES).toHaveLength(63);
    expect(new Set(BIRTH_REGISTRATION_PROVINCES.map((p) => p.code)).size).toBe(63);
    for (const p of BIRTH_REGISTRATION_PROVINCES) {
      expect(p.code).toMatch(/^0\d{2}$/);
      expect(p.name).toBe(p.name.normalize('NFC'));
    }
    expect(birthRegistrationProvince('046')?.name).toBe('Thừa Thiên Huế');
    expect(birthRegistrationProvince('077')?.name).toBe('Bà Rịa – Vũng Tàu');
  });
});

describe('checkAgainstRegistry', () => {
  it.each<[string, string, 'male' | 'female', string[]]>([
    ['075090012345', '1990-05-17', 'male', []],
    ['075190012345', '1990-05-17', 'female', []],
    ['075304012345', '2004-01-02', 'female', []],
    ['075190012345', '1990-05-17', 'male', ['century_sex_mismatch']],
    ['075290012345', '1990-05-17', 'male', ['century_sex_mismatch']],
    ['075091012345', '1990-05-17', 'male', ['birth_year_mismatch']],
    ['075189012345', '1988-12-31', 'male', ['century_sex_mismatch', 'birth_year_mismatch']],
    ['075004012345', '2004-01-02', 'male', ['century_sex_mismatch']],
  ])('%s vs born %s, %s → %j', (id, dateOfBirth, sex, flags) => {
    expect(checkAgainstRegistry(id, { dateOfBirth, sex })).toEqual(flags);
    expect(checkAgainstRegistry(PersonalId.of(id), { dateOfBirth, sex })).toEqual(flags);
  });

  it('throws on a malformed registry date rather than flagging', () => {
    expect(() => checkAgainstRegistry('075090012345', { dateOfBirth: '17/05/1990', sex: 'male' })).toThrow(TypeError);
  });
});
