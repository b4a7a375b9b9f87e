import { ATTACHMENT_KINDS } from '../../dossiers/attachments.service';
import { CONTRACT_TYPES } from './assessment';
import { REGIMES } from './regime';
import { requiredDocuments, terminationProofOptions } from './required-documents';

describe('requiredDocuments: attachments of a complete dossier', () => {
  it.each(CONTRACT_TYPES.map((c) => [c]))(
    'VN-2025 (Luật 74/2025; NĐ 374/2025): %s needs only the proof of termination; the e-book of social insurance replaces the book',
    (contractType) => {
      expect(requiredDocuments(contractType, 'VN-2025')).toEqual(['termination_proof']);
    },
  );

  it.each(CONTRACT_TYPES.map((c) => [c]))(
    'VN-2013 (NĐ 28/2015 Điều 16, NĐ 61/2020): %s needs the proof of termination and the social-insurance book',
    (contractType) => {
      expect(requiredDocuments(contractType, 'VN-2013')).toEqual(['termination_proof', 'social_insurance_book']);
    },
  );

  it('returns attachment kinds the dossier module accepts', () => {
    for (const regime of REGIMES) {
      for (const contractType of CONTRACT_TYPES) {
        for (const kind of requiredDocuments(contractType, regime)) expect(ATTACHMENT_KINDS).toContain(kind);
      }
    }
  });

  it.each([
    ['fixed_term', 'Hợp đồng lao động đã hết hạn'],
    ['short_term', 'Hợp đồng lao động đã hết hạn'],
    ['working_contract', 'Quyết định chấm dứt hợp đồng làm việc'],
    ['indefinite', 'giải thể, phá sản'],
  ] as const)('names the proofs accepted for a %s contract', (contractType, expected) => {
    const options = terminationProofOptions(contractType);
    expect(options.some((o) => o.includes(expected))).toBe(true);
    for (const o of options) expect(o.normalize('NFC')).toBe(o);
  });
});
