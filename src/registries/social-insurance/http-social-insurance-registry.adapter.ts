import { HttpRecordRegistry } from '../http/http-record-registry';
import { RegistryHttpOptions } from '../http/registry-http-client';
import { parseInsuranceRecord } from './insurance-record.parser';
import { InsuranceRecord, SocialInsuranceRegistry } from './social-insurance-registry.port';

export const SOCIAL_INSURANCE_REGISTRY_UNAVAILABLE =
  'Hệ thống Cơ sở dữ liệu quốc gia về bảo hiểm tạm thời không phản hồi, vui lòng thử lại sau.';

/** Production adapter: `GET {baseUrl}/v1/insured/{personalId}` (docs/registries.md). */
export class HttpSocialInsuranceRegistryAdapter
  extends HttpRecordRegistry<InsuranceRecord>
  implements SocialInsuranceRegistry
{
  constructor(options: RegistryHttpOptions) {
    super('social_insurance', SOCIAL_INSURANCE_REGISTRY_UNAVAILABLE, '/v1/insured', parseInsuranceRecord, options);
  }
}
