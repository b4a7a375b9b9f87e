import { Injectable } from '@nestjs/common';

export interface SandboxPortalFaultState {
  /** Answer 503 to every event until cleared. */
  down: boolean;
  /** Answer 503 to this many next events, then accept again. */
  failNext: number;
}

/** Switchable failures of the sandbox portal receiver (this process only), for fault-tolerance checks. */
@Injectable()
export class SandboxPortalFaults {
  private state: SandboxPortalFaultState = { down: false, failNext: 0 };

  set(change: Partial<SandboxPortalFaultState>): SandboxPortalFaultState {
    this.state = {
      down: change.down ?? this.state.down,
      failNext: change.failNext ?? this.state.failNext,
    };
    return this.current();
  }

  clear(): void {
    this.state = { down: false, failNext: 0 };
  }

  current(): SandboxPortalFaultState {
    return { ...this.state };
  }

  /** Whether this arrival must fail; consumes one `failNext`. */
  shouldFail(): boolean {
    if (this.state.down) return true;
    if (this.state.failNext > 0) {
      this.state.failNext -= 1;
      return true;
    }
    return false;
  }
}
