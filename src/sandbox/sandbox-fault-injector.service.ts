import { Injectable } from '@nestjs/common';

export type SandboxFaultTarget = 'population' | 'insurance';

/**
 * - `error`: answer `status` (default 500) with a problem body;
 * - `slow`: wait `delayMs` (default 5 s) before answering normally;
 * - `malformed`: 200 with a body that is not JSON;
 * - `wrong-shape`: 200 with JSON that breaks the contract;
 * - `wrong-person`: 200 with a well-formed record of another resident.
 */
export type SandboxFaultKind = 'error' | 'slow' | 'malformed' | 'wrong-shape' | 'wrong-person';

export interface SandboxFault {
  readonly kind: SandboxFaultKind;
  /** How many requests it affects; default: until cleared. */
  readonly times?: number;
  readonly delayMs?: number;
  readonly status?: number;
}

/**
 * Lets testers make the sandbox registries misbehave on demand (sandbox only), so the production adapters'
 * timeouts, retries, circuit breaker and shape checks can be exercised against the real HTTP contract.
 */
@Injectable()
export class SandboxFaultInjector {
  private readonly armed = new Map<SandboxFaultTarget, { fault: SandboxFault; remaining: number }>();

  arm(target: SandboxFaultTarget, fault: SandboxFault): void {
    this.armed.set(target, { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(target?: SandboxFaultTarget): void {
    if (target) this.armed.delete(target);
    else this.armed.clear();
  }

  /** The fault for this request, if any, consuming one use. */
  take(target: SandboxFaultTarget): SandboxFault | undefined {
    const entry = this.armed.get(target);
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.armed.delete(target);
    return entry.fault;
  }
}
