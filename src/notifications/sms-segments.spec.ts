import fc from 'fast-check';
import { isGsm7, smsLength, unaccented } from './sms-segments';

/** Independent counts: 3GPP TS 23.038 (alphabet) and TS 23.040 (concatenation: 7 septets / 3 UCS-2 characters of UDH). */
describe('SMS length (3GPP TS 23.038 / 23.040)', () => {
  it.each([
    ['', 'gsm7', 0, 1],
    ['a'.repeat(160), 'gsm7', 160, 1],
    ['a'.repeat(161), 'gsm7', 161, 2],
    ['a'.repeat(306), 'gsm7', 306, 2],
    ['a'.repeat(307), 'gsm7', 307, 3],
    ['€'.repeat(80), 'gsm7', 160, 1],
    ['€'.repeat(81), 'gsm7', 162, 2],
    ['ạ'.repeat(70), 'ucs2', 70, 1],
    ['ạ'.repeat(71), 'ucs2', 71, 2],
    ['ạ'.repeat(134), 'ucs2', 134, 2],
    ['ạ'.repeat(135), 'ucs2', 135, 3],
  ])('%j is %s, %i units, %i segment(s)', (text, encoding, units, segments) => {
    expect(smsLength(text)).toMatchObject({ encoding, units, segments });
  });

  it('an extension character is not split across two segments (152 septets + € needs a second segment)', () => {
    expect(smsLength('a'.repeat(152) + '€' + 'a'.repeat(10)).segments).toBe(2);
    expect(smsLength('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
  });

  it('one Vietnamese letter with a diacritic makes the whole text UCS-2', () => {
    expect(isGsm7('Ho so da duoc tiep nhan')).toBe(true);
    expect(isGsm7('Hồ sơ đã được tiếp nhận')).toBe(false);
    expect(smsLength('a'.repeat(100) + 'đ').encoding).toBe('ucs2');
  });

  it('property: segments are the fewest that hold the text (GSM-7 160/153, UCS-2 70/67)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', 'ệ', 'đ', 'Ư'), maxLength: 600 }), (text) => {
        const { encoding, units, segments } = smsLength(text);
        const [one, many] = encoding === 'gsm7' ? [160, 153] : [70, 67];
        expect(units).toBe(text.length);
        expect(segments).toBe(units <= one ? 1 : Math.ceil(units / many));
      }),
    );
  });
});

describe('unaccented Vietnamese', () => {
  it.each([
    ['Hồ sơ đã được tiếp nhận', 'Ho so da duoc tiep nhan'],
    ['ĐỒNG NAI', 'DONG NAI'],
    ['Chưa chi trả được trợ cấp tháng 1', 'Chua chi tra duoc tro cap thang 1'],
  ])('%s → %s', (text, expected) => {
    expect(unaccented(text)).toBe(expected);
  });

  it('property: every Vietnamese text becomes GSM-7', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const alphabet = [...letters, ...letters.toUpperCase(), ' ', '0', '9', ',', '.', ':'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 200 }), (text) => {
        expect(isGsm7(unaccented(text.normalize('NFC')))).toBe(true);
        expect(isGsm7(unaccented(text.normalize('NFD')))).toBe(true);
      }),
    );
  });
});
