import { DynamicModule, Inject, Injectable, Module, OnModuleInit, Optional } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BenefitsModule } from '../benefits/benefits.module';
import { DocumentsModule } from '../documents/documents.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { JobAborted, JobRunner } from '../platform/jobs/job-runner';
import { PeerProvinceClient, PeerProvinces } from './peer-province.client';
import { TransferIncomingEntity } from './transfer-incoming.entity';
import { TransferRepository } from './transfer.repository';
import { TransferRequestEntity } from './transfer-request.entity';
import {
  TRANSFER_QUEUE,
  TRANSFER_SETTINGS,
  TRANSFER_SIGNING_KEY,
  TransferService,
  TransferSettings,
} from './transfer.service';
import type { TransferSigningKey } from './transfer-signing-key';
import { TransfersController } from './transfers.controller';

export interface TransferDeliveryTuning {
  enabled: boolean;
  pollIntervalMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

/** Optional overrides of the delivery pacing, provided by a global module (tests). */
export const TRANSFER_TUNING_OVERRIDES = Symbol('TRANSFER_TUNING_OVERRIDES');

/** Retried for about two days before an administrator must replay it (the receiving province may be down long). */
export const DEFAULT_TRANSFER_TUNING: TransferDeliveryTuning = {
  enabled: true,
  pollIntervalMs: 2000,
  maxAttempts: 60,
  backoffBaseMs: 5000,
  backoffCapMs: 60 * 60_000,
};

/** Registers `transfers.send`: ordered per dossier, exponential backoff with jitter, a dead letter at the end. */
@Injectable()
class TransferDelivery implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly transfers: TransferService,
    @Optional() @Inject(TRANSFER_TUNING_OVERRIDES) private readonly overrides?: Partial<TransferDeliveryTuning>,
  ) {}

  onModuleInit(): void {
    const t = { ...DEFAULT_TRANSFER_TUNING, ...this.overrides };
    this.runner.register<{ requestId: string }>(
      TRANSFER_QUEUE,
      {
        enabled: t.enabled,
        pollIntervalMs: t.pollIntervalMs,
        batchSize: 5,
        leaseMs: 120_000,
        maxAttempts: t.maxAttempts,
        backoff: { baseMs: t.backoffBaseMs, capMs: t.backoffCapMs, jitter: true },
        ordered: true,
      },
      async (job, signal) => {
        if ((await this.transfers.deliver(job.payload.requestId, signal)) === 'aborted') throw new JobAborted();
      },
    );
  }
}

/**
 * Benefit transfers between provinces (docs/transfer.md): the citizen's request, the center's decision, the signed
 * package and its delivery (`transfers.send`), and the receiving endpoint for packages from other provinces.
 */
@Module({})
export class TransfersModule {
  static forRoot(options: {
    peers: PeerProvinces;
    settings: TransferSettings;
    signingKey: TransferSigningKey;
    imports?: DynamicModule[];
  }): DynamicModule {
    return {
      module: TransfersModule,
      imports: [
        TypeOrmModule.forFeature([TransferRequestEntity, TransferIncomingEntity]),
        AuditModule,
        DossiersModule,
        BenefitsModule,
        DocumentsModule,
        ...(options.imports ?? []),
      ],
      controllers: [TransfersController],
      providers: [
        TransferRepository,
        TransferService,
        TransferDelivery,
        { provide: PeerProvinceClient, useValue: new PeerProvinceClient(options.peers) },
        { provide: TRANSFER_SETTINGS, useValue: options.settings },
        { provide: TRANSFER_SIGNING_KEY, useValue: options.signingKey },
      ],
      exports: [TransferService],
    };
  }
}
