import { Logger } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../../platform/errors/domain-error';
import { MalformedRegistryDataError } from './json-shape-reader';

/** Which national system a read went to; also the `source` column of `data_access_log`. */
export type RegistrySource = 'population' | 'social_insurance';

/** Constructor options of every production registry adapter. */
export interface RegistryHttpOptions {
  /** e.g. `https://dancu.gateway.example/api`; the documented paths (`/v1/...`) are appended. */
  readonly baseUrl: string;
  /** Per attempt, covering connect, headers and body. */
  readonly timeoutMs: number;
  /** Extra attempts after the first one, for network errors, timeouts, 429 and 5xx. */
  readonly retries: number;
  /** Sent as `Authorization: Bearer <token>` when set. */
  readonly token?: string;
  /** First backoff delay; doubles per retry, plus up to 20 % jitter. Default 200 ms. */
  readonly backoffMs?: number;
  readonly circuit?: {
    /** Failure percentage over the rolling window that opens the circuit. Default 50. */
    readonly errorThresholdPercentage?: number;
    /** How long the circuit stays open before one trial read. Default 30 s. */
    readonly resetTimeoutMs?: number;
    /** Reads in the rolling window before the percentage is considered. Default 5. */
    readonly volumeThreshold?: number;
    /** Rolling window length. Default 10 s. */
    readonly rollingWindowMs?: number;
  };
}

/** Why a read failed; goes into `DomainError.details.reason` (never shown to citizens as such). */
export type RegistryFailureReason =
  'timeout' | 'network' | 'http_status' | 'malformed_response' | 'identity_mismatch' | 'circuit_open';

class RegistryReadFailure extends Error {
  constructor(
    readonly reason: RegistryFailureReason,
    readonly attempts: number,
    readonly status?: number,
    readonly problems?: readonly string[],
  ) {
    super(`registry read failed: ${reason}${status ? ` (HTTP ${status})` : ''} after ${attempts} attempt(s)`);
  }
}

type AttemptOutcome<T> =
  | { readonly kind: 'done'; readonly value: T | null }
  | { readonly kind: 'retry' | 'fail'; readonly reason: RegistryFailureReason; readonly status?: number };

/**
 * GETs JSON from one registry with a timeout per attempt, exponential backoff on transient failures (these reads are
 * idempotent) and a circuit breaker around the whole logical read, so a registry that is down costs callers one
 * fast `DomainError.upstream` instead of a queue of hanging requests. 404 means "no such record" and yields `null`;
 * it is not a failure and never opens the circuit.
 */
export class RegistryHttpClient {
  private readonly logger: Logger;
  private readonly breaker: CircuitBreaker<[string, string, (json: unknown) => unknown], unknown>;
  private readonly baseUrl: string;

  constructor(
    private readonly source: RegistrySource,
    private readonly unavailableMessage: string,
    private readonly options: RegistryHttpOptions,
  ) {
    if (!/^https?:\/\//.test(options.baseUrl)) throw new Error(`${source} registry: baseUrl must be an http(s) URL`);
    if (!(options.timeoutMs > 0)) throw new Error(`${source} registry: timeoutMs must be positive`);
    if (!Number.isInteger(options.retries) || options.retries < 0) {
      throw new Error(`${source} registry: retries must be a non-negative integer`);
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.logger = new Logger(`Registry:${source}`);
    this.breaker = new CircuitBreaker(
      (path: string, requestId: string, parse: (json: unknown) => unknown) =>
        this.readWithRetries(path, requestId, parse),
      {
        name: `${source}-registry`,
        timeout: false, // each attempt has its own AbortSignal timeout
        errorThresholdPercentage: options.circuit?.errorThresholdPercentage ?? 50,
        resetTimeout: options.circuit?.resetTimeoutMs ?? 30_000,
        volumeThreshold: options.circuit?.volumeThreshold ?? 5,
        rollingCountTimeout: options.circuit?.rollingWindowMs ?? 10_000,
      },
    );
    this.breaker.on('open', () => this.logger.warn(`circuit opened: ${source} registry is treated as down`));
    this.breaker.on('close', () => this.logger.log(`circuit closed: ${source} registry answers again`));
  }

  /**
   * `parse` turns the 200 body into the record and throws `MalformedRegistryDataError` when it does not fit the
   * contract. Resolves `null` on 404; rejects only with `DomainError.upstream`.
   */
  async getJson<T>(path: string, parse: (json: unknown) => T, requestId: string = randomUUID()): Promise<T | null> {
    try {
      return (await this.breaker.fire(path, requestId, parse)) as T | null;
    } catch (error) {
      throw this.toDomainError(error, requestId);
    }
  }

  /** Whether the circuit is open (reads fail fast); for health and metrics. */
  get circuitOpen(): boolean {
    return this.breaker.opened;
  }

  /** Stops the breaker's timers; call on shutdown. */
  shutdown(): void {
    this.breaker.shutdown();
  }

  private async readWithRetries<T>(path: string, requestId: string, parse: (json: unknown) => T): Promise<T | null> {
    const maxAttempts = this.options.retries + 1;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(path, requestId, parse, attempt);
      if (outcome.kind === 'done') return outcome.value;
      if (outcome.kind === 'fail' || attempt >= maxAttempts) {
        throw new RegistryReadFailure(outcome.reason, attempt, outcome.status);
      }
      const base = (this.options.backoffMs ?? 200) * 2 ** (attempt - 1);
      const delay = Math.round(base + Math.random() * base * 0.2);
      this.logger.warn(
        `attempt ${attempt}/${maxAttempts} failed (${outcome.reason}${outcome.status ? ` ${outcome.status}` : ''}), ` +
          `retrying in ${delay} ms [request ${requestId}]`,
      );
      await sleep(delay);
    }
  }

  private async attempt<T>(
    path: string,
    requestId: string,
    parse: (json: unknown) => T,
    attempt: number,
  ): Promise<AttemptOutcome<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let text: string;
    let status: number;
    try {
      const response = await fetch(this.baseUrl + path, {
        method: 'GET',
        headers,
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      // The body is read under the same deadline, so a registry that stalls mid-body also times out.
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      return { kind: 'retry', reason };
    }
    if (status === 404) return { kind: 'done', value: null };
    if (status === 429 || status >= 500) return { kind: 'retry', reason: 'http_status', status };
    if (status !== 200) return { kind: 'fail', reason: 'http_status', status };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RegistryReadFailure('malformed_response', attempt, status, ['body is not JSON']);
    }
    try {
      return { kind: 'done', value: parse(json) };
    } catch (error) {
      if (error instanceof RegistryIdentityMismatchError) {
        throw new RegistryReadFailure('identity_mismatch', attempt, status);
      }
      if (error instanceof MalformedRegistryDataError) {
        throw new RegistryReadFailure('malformed_response', attempt, status, error.problems);
      }
      throw error;
    }
  }

  private toDomainError(error: unknown, requestId: string): DomainError {
    if (error instanceof DomainError) return error;
    const details: Record<string, unknown> = { source: this.source, requestId };
    if (error instanceof RegistryReadFailure) {
      Object.assign(details, { reason: error.reason, attempts: error.attempts });
      if (error.status) details.status = error.status;
      if (error.problems) details.problems = error.problems;
    } else if ((error as { code?: string } | null)?.code === 'EOPENBREAKER') {
      details.reason = 'circuit_open';
    } else {
      details.reason = 'network';
    }
    this.logger.warn(`${this.source} registry read failed: ${String(details.reason)} [request ${requestId}]`);
    return DomainError.upstream(this.unavailableMessage, details);
  }
}

/**
 * Thrown from a `parse` callback when the record is for another person than the one asked for: never shown,
 * never retried, reported as `identity_mismatch`.
 */
export class RegistryIdentityMismatchError extends MalformedRegistryDataError {
  constructor() {
    super(['personalId in the response differs from the one requested']);
    this.name = 'RegistryIdentityMismatchError';
  }
}
