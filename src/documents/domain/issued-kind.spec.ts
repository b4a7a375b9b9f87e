import {
  documentObjectKey,
  isDecisionKind,
  newVerificationCode,
  parseStoredKind,
  perEventKind,
  printedNumber,
  registerKey,
  supplementRequestKind,
  VERIFICATION_CODE_PATTERN,
} from './issued-kind';

describe('stored kinds', () => {
  it('keeps the first supplementation request plain and numbers later ones by event seq', () => {
    expect(supplementRequestKind(null)).toBe('supplement-request');
    expect(supplementRequestKind(7)).toBe('supplement-request-7');
    expect(parseStoredKind('supplement-request-7')).toEqual({ kind: 'supplement-request', eventSeq: 7 });
    expect(parseStoredKind('supplement-request')).toEqual({ kind: 'supplement-request' });
    expect(parseStoredKind('decision-approval')).toEqual({ kind: 'decision-approval' });
  });

  it('numbers every benefit-period decision by the event that asked for it (a second suspension is its own document)', () => {
    expect(perEventKind('decision-suspension', 12)).toBe('decision-suspension-12');
    expect(parseStoredKind('decision-suspension-12')).toEqual({ kind: 'decision-suspension', eventSeq: 12 });
    expect(parseStoredKind('decision-resumption-3')).toEqual({ kind: 'decision-resumption', eventSeq: 3 });
    expect(parseStoredKind('decision-termination-40')).toEqual({ kind: 'decision-termination', eventSeq: 40 });
  });

  it.each([
    '',
    'decision',
    'receipt-2',
    'supplement-request-0',
    'supplement-request-x',
    '../receipt',
    'decision-suspension',
    'decision-approval-3',
    'decision-termination-0',
  ])('rejects %j', (kind) => {
    expect(parseStoredKind(kind)).toBeUndefined();
  });

  it('tells decisions apart', () => {
    expect(isDecisionKind('decision-approval')).toBe(true);
    expect(isDecisionKind('decision-refusal')).toBe(true);
    expect(isDecisionKind('decision-suspension')).toBe(true);
    expect(isDecisionKind('decision-termination')).toBe(true);
    expect(isDecisionKind('receipt')).toBe(false);
  });

  it('has one object key per dossier and kind', () => {
    expect(documentObjectKey('d1', 'decision-approval')).toBe('dossiers/d1/documents/decision-approval.pdf');
  });

  it('prints numbers and register keys the NĐ 30/2020 way', () => {
    expect(printedNumber('12', 'QĐ', 'SNV')).toBe('12/QĐ-SNV');
  });

  it.each([
    ['1', '01/QĐ-SNV'],
    ['9', '09/QĐ-SNV'],
    ['10', '10/QĐ-SNV'],
    ['G22.75-261102-0042', 'G22.75-261102-0042/QĐ-SNV'],
  ])('writes number %s as %s (Nghị định 30/2020, Phụ lục I: a leading zero below 10)', (sequence, printed) => {
    expect(printedNumber(sequence, 'QĐ', 'SNV')).toBe(printed);
    expect(registerKey('QĐ', 'SNV')).toBe('QĐ-SNV');
  });
});

describe('newVerificationCode', () => {
  it('encodes 160 bits as 32 characters of RFC 4648 base32 (same as Python base64.b32encode)', () => {
    expect(newVerificationCode(Buffer.from('foobarfoobarfoobarfo'))).toBe('MZXW6YTBOJTG633CMFZGM33PMJQXEZTP');
  });

  it('is random, well-formed and unique', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newVerificationCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(VERIFICATION_CODE_PATTERN);
  });
});
