import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { assertDossierAccess } from '../dossiers/domain/dossier-access';
import type { Caller } from '../identity/caller';
import { DossierReader } from '../dossiers/dossier-reader';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { IndicatorsRepository } from './indicators.repository';

export interface SatisfactionView {
  rating: number;
  comment: string | null;
  ratedAt: string;
}

/**
 * The citizen's satisfaction rating (QĐ 766/QĐ-TTg, "mức độ hài lòng"): once per dossier, by its owner, after the
 * result is returned. Reports count ratings per center and month and never show who rated.
 */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IndicatorsRepository,
    private readonly dossiers: DossierReader,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async ownDossier(actor: Caller, id: string) {
    // Only the citizen rates their own dossier; to anyone else it does not exist here.
    if (actor.kind !== 'citizen') throw DomainError.notFound('Không tìm thấy hồ sơ.');
    return assertDossierAccess(actor, await this.dossiers.find(id), 'read');
  }

  async get(actor: Caller, id: string): Promise<SatisfactionView> {
    await this.ownDossier(actor, id);
    const row = await this.repository.rating(id);
    if (!row) throw DomainError.notFound('Bạn chưa đánh giá hồ sơ này.');
    return { rating: row.rating, comment: row.comment, ratedAt: row.ratedAt.toISOString() };
  }

  async rate(actor: Caller, id: string, body: SatisfactionDto): Promise<SatisfactionView> {
    const dossier = await this.ownDossier(actor, id);
    if (dossier.status !== 'RESULT_RETURNED')
      throw DomainError.unprocessable('Bạn có thể đánh giá sau khi nhận kết quả giải quyết hồ sơ.', [
        { field: 'rating', code: 'result_not_returned', message: 'Hồ sơ chưa được trả kết quả.' },
      ]);
    const now = this.clock.now();
    const comment = body.comment?.trim() ? body.comment.trim() : null;
    await this.dataSource.transaction(async (em) => {
      const added = await this.repository.addRating(em, {
        dossierId: id,
        centerCode: dossier.centerCode,
        rating: body.rating,
        comment,
        ratedAt: now,
        ratedOn: this.clock.today(),
      });
      if (!added)
        throw new DomainError(ErrorCode.Conflict, 'Bạn đã đánh giá hồ sơ này; mỗi hồ sơ chỉ được đánh giá một lần.', {
          errors: [{ field: 'rating', code: 'already_rated', message: 'Hồ sơ này đã được đánh giá.' }],
        });
      // The audit row records that a rating was given, not its content (anonymous in reports).
      await this.audit.append(em, {
        actorType: 'citizen',
        actorId: actor.subject,
        action: 'dossier.satisfaction_rated',
        entityType: 'dossier',
        entityId: id,
        data: {},
      });
    });
    return { rating: body.rating, comment, ratedAt: now.toISOString() };
  }
}
