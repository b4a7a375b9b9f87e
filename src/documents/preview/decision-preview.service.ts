import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { LegalContextService } from '../../eligibility/legal-context.service';
import { DossierReader } from '../../dossiers/dossier-reader';
import { assertDossierAccess } from '../../dossiers/domain/dossier-access';
import { StaffCaller } from '../../identity/caller';
import { CLOCK, Clock, vietnamDate } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { DomainError } from '../../platform/errors/domain-error';
import { RUNTIME } from '../../platform/platform.module';
import { buildDocumentData, IssuanceDataError } from '../domain/document-data.builder';
import { issuerProfile } from '../domain/issuer-profile.factory';
import { DossierSource } from '../persistence/dossier-source';
import { renderDocument } from '../rendering/document.renderer';
import { DEFAULT_TEMPLATES_DIR } from '../rendering/templates-directory';
import { watermarkPdf } from './watermark';
import { SignerDirectory } from '../../organisation';

export type PreviewKind = 'approval' | 'refusal';

/** What replaces the reasons of a refusal the Director has not written yet. */
const REASON_PLACEHOLDER = '[Lý do không hưởng do Giám đốc Sở ghi khi ký quyết định]';

/**
 * The decision the Director is about to sign, rendered as it would be issued today (the same template, data and
 * renderer) with a "DỰ THẢO" watermark, no number, no signature and nothing stored: what is read before approving or
 * denying. Director (any center) and the center head (own center), while the dossier is REVIEWED or PROPOSED.
 */
@Injectable()
export class DecisionPreviewService {
  constructor(
    private readonly dossiers: DossierReader,
    private readonly sources: DossierSource,
    private readonly legal: LegalContextService,
    private readonly signers: SignerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async preview(staff: StaffCaller, dossierId: string, asked?: string): Promise<{ bytes: Buffer; fileName: string }> {
    if (asked !== undefined && asked !== 'approval' && asked !== 'refusal') {
      throw DomainError.validation([
        {
          field: 'kind',
          code: 'invalid_value',
          message: 'Loại dự thảo phải là approval (hưởng) hoặc refusal (không hưởng).',
        },
      ]);
    }
    const record = assertDossierAccess(staff, await this.dossiers.find(dossierId), 'read');
    if (record.status !== 'REVIEWED' && record.status !== 'PROPOSED') {
      throw DomainError.conflict(
        'Chỉ xem được dự thảo quyết định khi hồ sơ đã thẩm định và chờ trình hoặc chờ quyết định.',
      );
    }
    const kind: PreviewKind =
      (asked as PreviewKind | undefined) ?? (record.review?.recommendation === 'deny' ? 'refusal' : 'approval');
    const source = await this.sources.snapshot(dossierId);
    if (!source) throw DomainError.notFound('Không tìm thấy hồ sơ.');
    const { calendar } = await this.legal.current();
    const issuedAt = this.clock.now();
    const config = this.runtime.config.issuer;
    const documentKind = kind === 'approval' ? 'decision-approval' : 'decision-refusal';
    const snapshot =
      kind === 'refusal' && !source.dossier.decisionNote && !(source.dossier.assessment?.output?.reasons ?? []).length
        ? { ...source.dossier, decisionNote: record.review?.note || REASON_PLACEHOLDER }
        : source.dossier;
    let data;
    try {
      data = buildDocumentData(documentKind, snapshot, {
        documentNumber: '……',
        issuedAt,
        issuedOn: vietnamDate(issuedAt),
        verifyUrl: `${this.runtime.config.publicBaseUrl}/verify`,
        calendar,
        socialInsuranceOffice: config.socialInsuranceOffice,
        centerName: source.center.name,
        attachments: (await this.dossiers.attachments(dossierId)).map(({ kind, fileName }) => ({ kind, fileName })),
        event: null,
      });
    } catch (error) {
      if (error instanceof IssuanceDataError) throw DomainError.conflict(`Chưa lập được dự thảo: ${error.message}`);
      throw error;
    }
    const signer = await this.signers.forDecision(
      vietnamDate(issuedAt),
      staff.role === 'director' ? (staff.fullName ?? null) : null,
    );
    const issuer = issuerProfile(config, source.center, staff.fullName ?? null, signer);
    const pdf = await renderDocument(documentKind, data as never, issuer);
    const bytes = await watermarkPdf(pdf, 'DỰ THẢO', join(DEFAULT_TEMPLATES_DIR, 'fonts'));
    return {
      bytes,
      fileName: `du-thao-${kind === 'approval' ? 'quyet-dinh-huong' : 'thong-bao-khong-huong'}-${record.code}.pdf`,
    };
  }
}
