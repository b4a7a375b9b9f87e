import { ArgumentsHost, Catch, ExceptionFilter, Logger, Optional } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './error-mapping';
import { HtmlErrorPages } from './html-error-pages';

/** The one global filter: every error leaves as application/problem+json (a browser gets the web error page). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() private readonly pages?: HtmlErrorPages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(request, reply, error, this.logger, this.pages);
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  logger: Pick<Logger, 'error'>,
  pages?: HtmlErrorPages,
): void {
  const { problem, unexpected } = toProblem(error, request?.id);
  if (unexpected) logger.error({ err: error, requestId: request?.id }, 'unexpected error');
  problem.instance = request?.url?.split('?')[0];
  if (problem.status === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
  if (problem.status === 503 && !reply.getHeader('retry-after')) reply.header('retry-after', '5');
  const page = pages?.forRequest(request, problem);
  if (page) {
    void reply
      .status(problem.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page);
    return;
  }
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
}
