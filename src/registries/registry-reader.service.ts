import { Inject, Injectable } from '@nestjs/common';
import { PersonalId } from '../personal-id/personal-id';
import { PERSONAL_ID_MESSAGES } from '../personal-id/is-personal-id.decorator';
import { DomainError } from '../platform/errors/domain-error';
import {
  DATA_ACCESS_ACTOR_LABELS,
  DATA_ACCESS_SOURCE_LABELS,
  DataAccessActorType,
  DataAccessPurpose,
  purposeLabel,
} from './data-access/data-access-labels';
import { DataAccessLogRepository, DataAccessLogRow } from './data-access/data-access-log.repository';
import { RegistrySource } from './http/registry-http-client';
import { POPULATION_REGISTRY, PopulationRecord, PopulationRegistry } from './population/population-registry.port';
import {
  InsuranceRecord,
  SOCIAL_INSURANCE_REGISTRY,
  SocialInsuranceRegistry,
} from './social-insurance/social-insurance-registry.port';

/** The registry records other modules keep (dossiers store both as read at filing). */
export type { InsuranceRecord } from './social-insurance/social-insurance-registry.port';
export type { PopulationRecord } from './population/population-registry.port';

/** Who reads, and why. Every read needs one: there is no anonymous registry read. */
export interface RegistryReadContext {
  readonly actorType: DataAccessActorType;
  /** Citizen: their personal ID; staff: username; portal: client id; system: job name. */
  readonly actorId?: string | null;
  /** A `DataAccessPurpose` code (or a newer stable code, `^[a-z][a-z0-9_]*$`). */
  readonly purpose: DataAccessPurpose | (string & {});
  /** Correlates the log row, our request and the registry's request (`X-Request-Id`). */
  readonly requestId?: string;
}

export interface BothRecords {
  readonly population: PopulationRecord | null;
  readonly insurance: InsuranceRecord | null;
}

/** One row of a citizen's data-access history, with Vietnamese labels ready to show. */
export interface DataAccessEntry {
  readonly id: string;
  /** RFC 3339 UTC. */
  readonly occurredAt: string;
  readonly actorType: DataAccessActorType;
  readonly actorTypeLabel: string;
  readonly actorId: string | null;
  readonly source: RegistrySource;
  readonly sourceLabel: string;
  readonly purpose: string;
  readonly purposeLabel: string;
  readonly requestId: string | null;
}

const PURPOSE_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The only way the application reads registry data: each completed read (a record, or "no such record") appends one
 * `data_access_log` row before the data is returned; a failed read appends none. If the log row cannot be written the
 * read fails too, so no registry data is ever used without a trace.
 */
@Injectable()
export class RegistryReader {
  constructor(
    @Inject(POPULATION_REGISTRY) private readonly population: PopulationRegistry,
    @Inject(SOCIAL_INSURANCE_REGISTRY) private readonly insurance: SocialInsuranceRegistry,
    private readonly log: DataAccessLogRepository,
  ) {}

  async readPopulation(personalId: string, ctx: RegistryReadContext): Promise<PopulationRecord | null> {
    const id = this.checkInput(personalId, ctx);
    const record = await this.population.findByPersonalId(id, { requestId: ctx.requestId });
    await this.log.append([this.row(id, 'population', ctx)]);
    return record;
  }

  async readInsurance(personalId: string, ctx: RegistryReadContext): Promise<InsuranceRecord | null> {
    const id = this.checkInput(personalId, ctx);
    const record = await this.insurance.findByPersonalId(id, { requestId: ctx.requestId });
    await this.log.append([this.row(id, 'social_insurance', ctx)]);
    return record;
  }

  /**
   * Both registries in parallel. A read that succeeded is logged even when the other failed (it did happen);
   * then the first failure is rethrown.
   */
  async readBoth(personalId: string, ctx: RegistryReadContext): Promise<BothRecords> {
    const id = this.checkInput(personalId, ctx);
    const [population, insurance] = await Promise.allSettled([
      this.population.findByPersonalId(id, { requestId: ctx.requestId }),
      this.insurance.findByPersonalId(id, { requestId: ctx.requestId }),
    ]);
    const rows: DataAccessLogRow[] = [];
    if (population.status === 'fulfilled') rows.push(this.row(id, 'population', ctx));
    if (insurance.status === 'fulfilled') rows.push(this.row(id, 'social_insurance', ctx));
    await this.log.append(rows);
    if (population.status === 'rejected') throw population.reason;
    if (insurance.status === 'rejected') throw insurance.reason;
    return { population: population.value, insurance: insurance.value };
  }

  /**
   * Logs that someone was shown registry data already stored with a dossier (no registry is called): staff opening
   * a dossier see the citizen's registry records, and the citizen's data-access history must say so.
   */
  async recordStoredRead(
    personalId: string,
    sources: readonly RegistrySource[],
    ctx: RegistryReadContext,
  ): Promise<void> {
    const id = this.checkInput(personalId, ctx);
    await this.log.append(sources.map((source) => this.row(id, source, ctx)));
  }

  /** Newest first; `limit` 1–500, default 50. */
  async listAccessFor(personalId: string, options: { limit?: number } = {}): Promise<DataAccessEntry[]> {
    const id = this.checkPersonalId(personalId);
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
    const rows = await this.log.listForSubject(id, limit);
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt,
      actorType: row.actorType,
      actorTypeLabel: DATA_ACCESS_ACTOR_LABELS[row.actorType] ?? row.actorType,
      actorId: row.actorId,
      source: row.source,
      sourceLabel: DATA_ACCESS_SOURCE_LABELS[row.source] ?? row.source,
      purpose: row.purpose,
      purposeLabel: purposeLabel(row.purpose),
      requestId: row.requestId,
    }));
  }

  private row(personalId: string, source: RegistrySource, ctx: RegistryReadContext): DataAccessLogRow {
    return {
      subjectPersonalId: personalId,
      actorType: ctx.actorType,
      actorId: ctx.actorId ?? null,
      source,
      purpose: ctx.purpose,
      requestId: ctx.requestId ?? null,
    };
  }

  private checkInput(personalId: string, ctx: RegistryReadContext): string {
    const id = this.checkPersonalId(personalId);
    if (!(ctx.actorType in DATA_ACCESS_ACTOR_LABELS)) throw new TypeError(`unknown actorType ${ctx.actorType}`);
    if (!PURPOSE_CODE.test(ctx.purpose)) throw new TypeError(`purpose must be a stable code, got ${ctx.purpose}`);
    return id;
  }

  private checkPersonalId(personalId: string): string {
    const parsed = PersonalId.parse(personalId);
    if (!parsed.ok) {
      throw DomainError.validation([
        { field: 'personalId', message: PERSONAL_ID_MESSAGES[parsed.reasons[0]], code: parsed.reasons[0] },
      ]);
    }
    return parsed.value.value;
  }
}
