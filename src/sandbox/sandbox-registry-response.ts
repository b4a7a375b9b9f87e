import type { FastifyReply } from 'fastify';

/** The registry contract's answer: the record with 200, or 404 with a problem body (docs/registries.md). */
export function recordOrNotFound<T>(reply: FastifyReply, record: T | null, detail: string): T | object {
  if (record !== null) return record;
  reply.status(404).header('content-type', 'application/problem+json; charset=utf-8');
  return { type: 'about:blank', title: 'Not Found', status: 404, detail };
}
