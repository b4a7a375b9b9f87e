import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, Clock } from '../platform/clock/clock';
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

  constructor(
    @Inject(SANDBOX_TODAY) private readonly today: SandboxToday,
    @Optional() @Inject(CLOCK) private readonly clock?: Clock,
  ) {}

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

  /**
   * The registry's record. Histories are anchored to the real date (so a resident's facts do not move with the
   * sandbox clock); a later job's months (`new-job-later`) are reported once the application's clock, which
   * `PUT /sandbox/clock` moves, has reached them.
   */
  insured(personalId: string): InsuranceRecord | null {
    this.residents();
    const resident = this.cache?.byId.get(personalId);
    if (!resident?.insurance || !resident.laterContributions.length) return resident?.insurance ?? null;
    const month = (this.clock?.today() ?? this.today()).slice(0, 7);
    const reached = resident.laterContributions.filter((c) => c.month <= month);
    return reached.length
      ? { ...resident.insurance, contributions: [...resident.insurance.contributions, ...reached] }
      : resident.insurance;
  }
}
