import { decisionBlock } from './portal-delivery-payload';

describe('decisionBlock', () => {
  it('reports the decision with its public verification URL (one slash, code escaped)', () => {
    const decision = {
      number: '15/QĐ-SNV',
      issuedAt: '2026-01-05T03:01:00.000Z',
      sha256: 'a'.repeat(64),
      verificationCode: 'K7Q2-9XZP',
    };
    expect(decisionBlock(decision, 'https://dvc.example.vn/')).toEqual({
      number: '15/QĐ-SNV',
      issuedAt: '2026-01-05T03:01:00.000Z',
      sha256: 'a'.repeat(64),
      url: 'https://dvc.example.vn/verify/K7Q2-9XZP',
    });
    expect(decisionBlock({ ...decision, number: null, verificationCode: 'a b' }, 'https://x.vn').url).toBe(
      'https://x.vn/verify/a%20b',
    );
    expect(decisionBlock({ ...decision, number: null }, 'https://x.vn').number).toBe('');
  });
});
