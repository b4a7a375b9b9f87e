import { PUBLISHED_SECRET_COST, hashSecret, verifySecret } from './password-hasher';

describe('password hasher (scrypt)', () => {
  it('verifies the right secret only, with a fresh salt per hash', async () => {
    const a = await hashSecret('Mật khẩu đúng', PUBLISHED_SECRET_COST);
    const b = await hashSecret('Mật khẩu đúng', PUBLISHED_SECRET_COST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifySecret('Mật khẩu đúng', a)).resolves.toBe(true);
    await expect(verifySecret('Mật khẩu sai', a)).resolves.toBe(false);
  });

  it('treats NFC and NFD spellings of a Vietnamese password alike', async () => {
    const hash = await hashSecret('Đồng Nai'.normalize('NFC'), PUBLISHED_SECRET_COST);
    await expect(verifySecret('Đồng Nai'.normalize('NFD'), hash)).resolves.toBe(true);
  });

  it('refuses malformed stored hashes', async () => {
    for (const stored of ['', 'plain', 'scrypt$0$8$1$aa$bb', 'bcrypt$x', 'scrypt$1024$8$1$c2FsdA$short']) {
      await expect(verifySecret('x', stored)).resolves.toBe(false);
    }
  });
});
