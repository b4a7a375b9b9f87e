import { OnModuleDestroy } from '@nestjs/common';
import { RegistryHttpClient, RegistryHttpOptions, RegistryIdentityMismatchError } from '../http/registry-http-client';
import { RegistryReadOptions } from '../population/population-registry.port';
import { parseInsuranceRecord } from './insurance-record.parser';
import { InsuranceRecord, SocialInsuranceRegistry } from './social-insurance-registry.port';

export const SOCIAL_INSURANCE_REGISTRY_UNAVAILABLE =
  'Hệ thống Cơ sở dữ liệu quốc gia về bảo hiểm tạm thời không phản hồi, vui lòng thử lại sau.';

/** Production adapter: `GET {baseUrl}/v1/insured/{personalId}` (docs/registries.md). */
export class HttpSocialInsuranceRegistryAdapter implements SocialInsuranceRegistry, OnModuleDestroy {
  private readonly client: RegistryHttpClient;

  constructor(options: RegistryHttpOptions) {
    this.client = new RegistryHttpClient('social_insurance', SOCIAL_INSURANCE_REGISTRY_UNAVAILABLE, options);
  }

  findByPersonalId(personalId: string, options: RegistryReadOptions = {}): Promise<InsuranceRecord | null> {
    return this.client.getJson(
      `/v1/insured/${encodeURIComponent(personalId)}`,
      (json) => {
        const record = parseInsuranceRecord(json);
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
