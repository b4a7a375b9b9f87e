import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './error-mapping';

/** The one global filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(request, reply, error, this.logger);
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  logger: Pick<Logger, 'error'>,
): void {
  const { problem, unexpected } = toProblem(error, request?.id);
  if (unexpected) logger.error({ err: error, requestId: request?.id }, 'unexpected error');
  problem.instance = request?.url?.split('?')[0];
  if (problem.status === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
  if (problem.status === 503 && !reply.getHeader('retry-after')) reply.header('retry-after', '5');
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
}
