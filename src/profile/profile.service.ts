import { Inject, Injectable } from '@nestjs/common';
import { isIsoDate } from '../calendar/iso-date';
import { CONTRACT_TYPES, ContractType, TERMINATION_REASONS, TerminationReason } from '../eligibility/domain/assessment';
import { EligibilityService } from '../eligibility/eligibility.service';
import { assessmentInput } from '../eligibility/registry-assessment-input';
import { CLOCK, Clock } from '../platform/clock/clock';
import { checkAgainstRegistry } from '../personal-id/personal-id-registry-check';
import { DomainError } from '../platform/errors/domain-error';
import { RegistryReader } from '../registries/registry-reader.service';
import { CitizenProfile, DataAccessList } from './citizen-profile.types';
import { summariseInsurance } from './insurance-summary';

const DATA_ACCESS_LIMIT = 200;

export interface EligibilityPreviewQuery {
  terminationDate?: string;
  terminationReason?: string;
  contractType?: string;
}

/** The logged-in citizen's own data: registry prefill and who read it. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly registries: RegistryReader,
    private readonly eligibilityService: EligibilityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Identity first, then contributions: when the population registry cannot answer (503) or has no such person
   * (404), the insurance record is not read at all (data minimisation), so no data-access row is written for it.
   * Each completed read is logged by RegistryReader with purpose `prefill`.
   */
  async profile(personalId: string, requestId?: string): Promise<CitizenProfile> {
    const context = { actorType: 'citizen' as const, actorId: personalId, purpose: 'prefill', requestId };
    const person = await this.registries.readPopulation(personalId, context);
    if (!person) {
      throw DomainError.notFound('Không tìm thấy thông tin của bạn trong Cơ sở dữ liệu quốc gia về dân cư.');
    }
    const insurance = await this.registries.readInsurance(personalId, context);
    return {
      ...person,
      personalIdFlags: checkAgainstRegistry(person.personalId, person),
      insurance: insurance ? summariseInsurance(insurance) : null,
    };
  }

  /**
   * The citizen's benefit estimate from their own contribution record, as it would be assessed if filed today
   * (purpose `eligibility_preview`). Reason and contract type default to the most common case.
   */
  async eligibility(personalId: string, query: EligibilityPreviewQuery, requestId?: string) {
    const errors = [];
    if (!query.terminationDate || !isIsoDate(query.terminationDate)) {
      errors.push({
        field: 'terminationDate',
        code: 'invalid_date',
        message: 'Cần ngày chấm dứt hợp đồng dạng YYYY-MM-DD.',
      });
    }
    const reason = query.terminationReason ?? 'contract_expired';
    const contract = query.contractType ?? 'fixed_term';
    if (!TERMINATION_REASONS.includes(reason as never))
      errors.push({
        field: 'terminationReason',
        code: 'invalid_value',
        message: 'Lý do chấm dứt hợp đồng không hợp lệ.',
      });
    if (!CONTRACT_TYPES.includes(contract as never))
      errors.push({ field: 'contractType', code: 'invalid_value', message: 'Loại hợp đồng không hợp lệ.' });
    if (errors.length) throw DomainError.validation(errors);
    const insurance = await this.registries.readInsurance(personalId, {
      actorType: 'citizen',
      actorId: personalId,
      purpose: 'eligibility_preview',
      requestId,
    });
    const input = assessmentInput(
      insurance,
      {
        terminationDate: query.terminationDate!,
        terminationReason: reason as TerminationReason,
        contractType: contract as ContractType,
      },
      this.clock.today(),
    );
    const { contributions, ...shown } = input;
    return {
      ...(await this.eligibilityService.assess(input)),
      input: { ...shown, contributionMonths: contributions.length },
    };
  }

  async dataAccess(personalId: string): Promise<DataAccessList> {
    return { items: await this.registries.listAccessFor(personalId, { limit: DATA_ACCESS_LIMIT }) };
  }
}
