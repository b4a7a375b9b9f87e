import { HttpRecordRegistry } from '../http/http-record-registry';
import { RegistryHttpOptions } from '../http/registry-http-client';
import { parsePopulationRecord } from './population-record.parser';
import { PopulationRecord, PopulationRegistry } from './population-registry.port';

export const POPULATION_REGISTRY_UNAVAILABLE =
  'Hệ thống Cơ sở dữ liệu quốc gia về dân cư tạm thời không phản hồi, vui lòng thử lại sau.';

/** Production adapter: `GET {baseUrl}/v1/citizens/{personalId}` (docs/registries.md). */
export class HttpPopulationRegistryAdapter extends HttpRecordRegistry<PopulationRecord> implements PopulationRegistry {
  constructor(options: RegistryHttpOptions) {
    super('population', POPULATION_REGISTRY_UNAVAILABLE, '/v1/citizens', parsePopulationRecord, options);
  }
}
