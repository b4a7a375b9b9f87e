import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * One line per answered request: `warn` for a 5xx, `debug` otherwise, with method, URL (personal IDs masked by the
 * logger's `req` serializer), status and duration.
 */
export function logAnsweredRequest(request: FastifyRequest, reply: FastifyReply): void {
  const line = { req: request, res: reply, ms: reply.elapsedTime };
  if (reply.statusCode >= 500) request.log.warn(line, 'request failed');
  else request.log.debug(line, 'request');
}
