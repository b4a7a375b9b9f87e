import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import {
  developmentRevocationSource,
  ensureDevelopmentOfficialChain,
} from '../../documents/signing/development-credentials';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { SandboxTimestampAuthority } from './sandbox-timestamp-authority';

/** Where the sandbox TSA answers (the default TSA_URL in sandbox mode). */
export const SANDBOX_TSA_PATH = '/sandbox/tsa';

/**
 * Sandbox only: serves the RFC 3161 time-stamping authority at POST /sandbox/tsa
 * (application/timestamp-query in, application/timestamp-reply out), and the development CAs' CRLs at
 * GET /sandbox/pki/root.crl and /sandbox/pki/province-ca.crl (their certificates' CRL distribution points).
 */
@Injectable()
export class SandboxTsaServer implements OnModuleInit {
  private readonly logger = new Logger('sandbox-tsa');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tsa: SandboxTimestampAuthority,
    // Absent when the sandbox is mounted without the platform (registry tests): no CRLs then.
    @Optional() @Inject(RUNTIME) private readonly runtime?: Runtime,
  ) {}

  private async crl(name: string): Promise<Buffer | undefined> {
    if (!this.runtime) return undefined;
    const { dataDir, publicBaseUrl } = this.runtime.config;
    const chain = await ensureDevelopmentOfficialChain(dataDir, `${publicBaseUrl}/sandbox/pki`);
    const [root, province] = await developmentRevocationSource(chain).crls([]);
    return name === 'root.crl' ? root : name === 'province-ca.crl' ? province : undefined;
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(async (scope: FastifyInstance) => {
      scope.addContentTypeParser(
        'application/timestamp-query',
        { parseAs: 'buffer', bodyLimit: 4096 },
        (_request, body, done) => done(null, body),
      );
      scope.get<{ Params: { name: string } }>('/sandbox/pki/:name', async (request, reply) => {
        const crl = await this.crl(request.params.name);
        if (!crl) return reply.code(404).send();
        return reply.header('content-type', 'application/pkix-crl').header('x-sandbox', 'true').send(crl);
      });
      scope.post(SANDBOX_TSA_PATH, async (request, reply) => {
        // RFC 3161 §3.4: a request is application/timestamp-query; anything else is not a time-stamp request.
        if (!/^application\/timestamp-query\s*(;|$)/i.test(String(request.headers['content-type'] ?? '')))
          throw new DomainError(
            ErrorCode.UnsupportedMediaType,
            'Chỉ nhận yêu cầu RFC 3161 (application/timestamp-query).',
          );
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
