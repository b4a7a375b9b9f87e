import { Injectable } from '@nestjs/common';
import { checkAgainstRegistry } from '../personal-id/personal-id-registry-check';
import { DomainError } from '../platform/errors/domain-error';
import { RegistryReader } from '../registries/registry-reader.service';
import { CitizenProfile, DataAccessList } from './citizen-profile.types';
import { summariseInsurance } from './insurance-summary';

const DATA_ACCESS_LIMIT = 200;

/** The logged-in citizen's own data: registry prefill and who read it. */
@Injectable()
export class ProfileService {
  constructor(private readonly registries: RegistryReader) {}

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
      personalId: person.personalId,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      sex: person.sex,
      nationality: person.nationality,
      permanentAddress: person.permanentAddress,
      currentAddress: person.currentAddress,
      idCardIssueDate: person.idCardIssueDate,
      personalIdFlags: checkAgainstRegistry(person.personalId, person),
      insurance: insurance ? summariseInsurance(insurance) : null,
    };
  }

  async dataAccess(personalId: string): Promise<DataAccessList> {
    return { items: await this.registries.listAccessFor(personalId, { limit: DATA_ACCESS_LIMIT }) };
  }
}
