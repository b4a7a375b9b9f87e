import { Inject, Injectable } from '@nestjs/common';
import { PopulationRecord } from '../registries/population/population-registry.port';
import { InsuranceRecord } from '../registries/social-insurance/social-insurance-registry.port';
import { SANDBOX_TODAY, SandboxToday } from './sandbox-clock';
import { SandboxResident, sandboxResidents } from './sandbox-residents';
import { SANDBOX_STAFF } from './sandbox-staff';

export interface SandboxResidentSummary {
  readonly personalId: string;
  readonly fullName: string;
  readonly scenario: string;
  readonly suggestedTerminationDate: string;
  readonly filingDeadline: string;
  readonly suggestedContractType: string;
  readonly suggestedTerminationReason: string;
  readonly note: string;
}

/** The sandbox's synthetic world as of the injected clock; regenerated when the date changes. */
@Injectable()
export class SandboxDirectory {
  private cache: { today: string; residents: SandboxResident[]; byId: Map<string, SandboxResident> } | undefined;

  constructor(@Inject(SANDBOX_TODAY) private readonly today: SandboxToday) {}

  residents(): SandboxResident[] {
    const today = this.today();
    if (this.cache?.today !== today) {
      const residents = sandboxResidents(today);
      this.cache = { today, residents, byId: new Map(residents.map((r) => [r.personalId, r])) };
    }
    return this.cache.residents;
  }

  residentSummaries(): SandboxResidentSummary[] {
    return this.residents().map((r) => ({
      personalId: r.personalId,
      fullName: r.fullName,
      scenario: r.scenario,
      suggestedTerminationDate: r.suggestedTerminationDate,
      filingDeadline: r.filingDeadline,
      suggestedContractType: r.suggestedContractType,
      suggestedTerminationReason: r.suggestedTerminationReason,
      note: r.note,
    }));
  }

  staff(): { username: string; password: string; role: string; centerCode: string | null; fullName: string }[] {
    return SANDBOX_STAFF.map((s) => ({
      username: s.username,
      password: s.password,
      role: s.role,
      centerCode: s.centerCode,
      fullName: s.fullName,
    }));
  }

  citizen(personalId: string): PopulationRecord | null {
    this.residents();
    return this.cache?.byId.get(personalId)?.population ?? null;
  }

  insured(personalId: string): InsuranceRecord | null {
    this.residents();
    return this.cache?.byId.get(personalId)?.insurance ?? null;
  }
}
