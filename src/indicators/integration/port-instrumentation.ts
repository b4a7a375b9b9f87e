import type { IntegrationSystem } from './integration-systems';

/** One call to a national system as the wrapper saw it. */
export interface IntegrationCall {
  system: IntegrationSystem;
  operation: string;
  occurredAt: Date;
  durationMs: number;
  ok: boolean;
  error: string | null;
}

/**
 * Wraps the named methods of a port's instance in place so every call is timed and recorded, whoever holds the
 * instance: one wrapper around the production adapters, none of them edited. A call fails when it throws, or when it
 * resolves to a delivery result `{ ok: false, error }` (the outbox gateways report failures instead of throwing).
 * The result (or error) passes through unchanged. Idempotent: an instance is wrapped once.
 */
export function instrumentPort(
  target: object,
  system: IntegrationSystem,
  methods: readonly string[],
  record: (call: IntegrationCall) => void,
  now: () => number = () => performance.now(),
): void {
  const marker = Symbol.for('tctn.integration.instrumented');
  const holder = target as Record<string | symbol, unknown>;
  if (holder[marker]) return;
  holder[marker] = true;
  for (const name of methods) {
    const original = holder[name];
    if (typeof original !== 'function') throw new Error(`${system}: port has no method ${name}`);
    holder[name] = async function (this: unknown, ...args: unknown[]) {
      const occurredAt = new Date();
      const started = now();
      const done = (ok: boolean, error: string | null) =>
        record({
          system,
          operation: name,
          occurredAt,
          durationMs: Math.max(0, Math.round(now() - started)),
          ok,
          error,
        });
      try {
        const result: unknown = await (original as (...a: unknown[]) => unknown).apply(this ?? target, args);
        const failed =
          typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false
            ? String((result as { error?: unknown }).error ?? 'failed')
            : null;
        done(failed === null, failed);
        return result;
      } catch (error) {
        done(false, error instanceof Error ? error.message : String(error));
        throw error;
      }
    };
  }
}
