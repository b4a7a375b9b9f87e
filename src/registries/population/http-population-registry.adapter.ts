import { OnModuleDestroy } from '@nestjs/common';
import { RegistryHttpClient, RegistryHttpOptions, RegistryIdentityMismatchError } from '../http/registry-http-client';
import { parsePopulationRecord } from './population-record.parser';
import { PopulationRecord, PopulationRegistry, RegistryReadOptions } from './population-registry.port';

export const POPULATION_REGISTRY_UNAVAILABLE =
  'Hệ thống Cơ sở dữ liệu quốc gia về dân cư tạm thời không phản hồi, vui lòng thử lại sau.';

/** Production adapter: `GET {baseUrl}/v1/citizens/{personalId}` (docs/registries.md). */
export class HttpPopulationRegistryAdapter implements PopulationRegistry, OnModuleDestroy {
  private readonly client: RegistryHttpClient;

  constructor(options: RegistryHttpOptions) {
    this.client = new RegistryHttpClient('population', POPULATION_REGISTRY_UNAVAILABLE, options);
  }

  findByPersonalId(personalId: string, options: RegistryReadOptions = {}): Promise<PopulationRecord | null> {
    return this.client.getJson(
      `/v1/citizens/${encodeURIComponent(personalId)}`,
      (json) => {
        const record = parsePopulationRecord(json);
        if (record.personalId !== personalId) throw new RegistryIdentityMismatchError();
        return record;
      },
      options.requestId,
    );
  }

  get circuitOpen(): boolean {
    return this.client.circuitOpen;
  }

  onModuleDestroy(): void {
    this.client.shutdown();
  }
}
