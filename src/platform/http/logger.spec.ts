import { maskPersonalIds } from './logger';

describe('maskPersonalIds', () => {
  it.each([
    ['/api/v1/dossiers?q=075203004567', '/api/v1/dossiers?q=075******567'],
    ['citizen 001099001234 filed', 'citizen 001******234 filed'],
    ['phone 0912345678 is not an id', 'phone 0912345678 is not an id'],
    ['a 13-digit 1234567890123 stays', 'a 13-digit 1234567890123 stays'],
  ])('%s', (input, expected) => {
    expect(maskPersonalIds(input)).toBe(expected);
  });
});
