import { maskHolderName } from './holder-name';

describe('maskHolderName', () => {
  it.each([
    ['Nguyễn Thị Ánh Tuyết', 'Nguyễn T** Á** T****'],
    ['Đặng Hữu Phước', 'Đặng H** P****'],
    ['  Lê   Văn  An ', 'Lê V** A*'],
    ['Bùi', 'Bùi'],
    ['Điểu K', 'Điểu K'],
  ])('%s → %s', (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });

  it('counts letters, not UTF-16 units or combining marks (NFD input)', () => {
    expect(maskHolderName('Trần Ánh'.normalize('NFD'))).toBe('Trần Á**');
  });
});
