import { deliverablePayload, StoredPortalPayload } from './portal-delivery-payload';

const base: StoredPortalPayload = {
  eventId: '6f1c7a52-4c1e-4f55-9a43-0a8a1e0c2f11',
  dossierCode: 'DNA-BH-20260105-0001',
  personalId: '079088001234',
  procedureCode: '1.001978',
  status: 'APPROVED',
  portalStatusCode: 9,
  occurredAt: '2026-01-05T03:00:00.000Z',
};
const decision = {
  number: '15/QĐ-SNV',
  issuedAt: '2026-01-05T03:01:00.000Z',
  sha256: 'a'.repeat(64),
  verificationCode: 'K7Q2-9XZP',
};

describe('deliverablePayload', () => {
  it('sends an ordinary event as stored', () => {
    expect(deliverablePayload(base, null, 'https://dvc.example.vn')).toEqual(base);
  });

  it('adds the decision with its public verification URL and drops the awaitsDecision marker', () => {
    const sent = deliverablePayload({ ...base, awaitsDecision: true }, decision, 'https://dvc.example.vn/');
    expect(sent).toEqual({
      ...base,
      decision: {
        number: '15/QĐ-SNV',
        issuedAt: '2026-01-05T03:01:00.000Z',
        sha256: 'a'.repeat(64),
        url: 'https://dvc.example.vn/verify/K7Q2-9XZP',
      },
    });
    expect(sent).not.toHaveProperty('awaitsDecision');
  });

  it('refuses to build an event that still waits for its decision', () => {
    expect(() => deliverablePayload({ ...base, awaitsDecision: true }, null, 'https://dvc.example.vn')).toThrow(
      /awaits/,
    );
  });
});
