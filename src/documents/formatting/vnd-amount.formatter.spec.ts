import { formatVnd, formatVndNumber, vndInWords } from './vnd-amount.formatter';

describe('vnd-amount formatter', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [5520000, '5.520.000'],
    [26550000, '26.550.000'],
    [1234567890, '1.234.567.890'],
  ])('groups %d as %s', (amount, expected) => {
    expect(formatVndNumber(amount)).toBe(expected);
  });

  it('appends the currency word', () => {
    expect(formatVnd(5520000)).toBe('5.520.000 đồng');
  });

  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [1000, 'Một nghìn đồng'],
    [5520000, 'Năm triệu năm trăm hai mươi nghìn đồng'],
    [3150000, 'Ba triệu một trăm năm mươi nghìn đồng'],
    [1005000, 'Một triệu không trăm linh năm nghìn đồng'],
    [5000300, 'Năm triệu ba trăm đồng'],
    [5000030, 'Năm triệu không trăm ba mươi đồng'],
    [26550000, 'Hai mươi sáu triệu năm trăm năm mươi nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
  ])('reads %d as "%s"', (amount, expected) => {
    expect(vndInWords(amount)).toBe(expected);
  });

  it('rejects fractional and negative amounts', () => {
    expect(() => vndInWords(1.5)).toThrow(RangeError);
    expect(() => formatVnd(-1)).toThrow(RangeError);
  });
});
