import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** Labels every sandbox response (`X-Sandbox: true`) and echoes `X-Request-Id` like the real registries should. */
@Injectable()
export class SandboxHeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    reply.header('x-sandbox', 'true');
    const requestId = request.headers['x-request-id'];
    if (typeof requestId === 'string' && requestId.length <= 200) reply.header('x-request-id', requestId);
    return next.handle();
  }
}
