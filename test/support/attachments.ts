import request from 'supertest';
import { auth } from './tokens';

/** The smallest file the service accepts as a PDF (sniffed by its header). */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Attaches the proof of termination a complete dossier needs before `receive` (Luật Việc làm 74/2025 Điều 40):
 * as the citizen (`/api/v1/dossiers/...`) or, for a counter dossier, as the receiver (`/api/v1/staff/dossiers/...`).
 */
export async function attachTerminationProof(
  baseUrl: string,
  dossierId: string,
  token: string,
  as: 'citizen' | 'staff' = 'citizen',
): Promise<void> {
  const prefix = as === 'citizen' ? '/api/v1/dossiers' : '/api/v1/staff/dossiers';
  await request(baseUrl)
    .post(`${prefix}/${dossierId}/attachments`)
    .set(auth(token))
    .field('kind', 'termination_proof')
    .attach('file', SAMPLE_PDF, 'quyet-dinh-thoi-viec.pdf')
    .expect(201);
}
