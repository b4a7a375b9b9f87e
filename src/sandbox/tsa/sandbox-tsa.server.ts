import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { SandboxTimestampAuthority } from './sandbox-timestamp-authority';

/** Where the sandbox TSA answers (the default TSA_URL in sandbox mode). */
export const SANDBOX_TSA_PATH = '/sandbox/tsa';

/**
 * Sandbox only: serves the RFC 3161 time-stamping authority at POST /sandbox/tsa
 * (application/timestamp-query in, application/timestamp-reply out).
 */
@Injectable()
export class SandboxTsaServer implements OnModuleInit {
  private readonly logger = new Logger('sandbox-tsa');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tsa: SandboxTimestampAuthority,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(async (scope: FastifyInstance) => {
      scope.addContentTypeParser(
        'application/timestamp-query',
        { parseAs: 'buffer', bodyLimit: 4096 },
        (_request, body, done) => done(null, body),
      );
      scope.post(SANDBOX_TSA_PATH, async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .header('content-type', 'application/timestamp-reply')
          .header('x-sandbox', 'true')
          .send(await this.tsa.respond(body));
      });
    });
    this.logger.log(`SANDBOX time-stamping authority at ${SANDBOX_TSA_PATH}`);
  }
}
