import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Provider, interactionPolicy } from 'oidc-provider';
import type { ErrorOut, Grant, KoaContextWithOIDC } from 'oidc-provider';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { SandboxDirectory } from '../sandbox-directory.service';
import { SandboxEidMemoryAdapter } from './sandbox-eid-memory.adapter';
import { renderSandboxEidError } from './sandbox-eid-pages';
import { SANDBOX_EID_CLIENT_ID, SANDBOX_EID_MOUNT, sandboxEidSecrets } from './sandbox-eid-settings';

/**
 * The sandbox e-ID provider: a real OpenID Connect provider (oidc-provider) served by this process under
 * `/sandbox/eid`, standing in for VNeID when `EID_ISSUER` is unset. Its only client is our own relying party, with a
 * generated secret; its accounts are the sandbox residents (`sub` = 12-digit personal ID; `name`, `birthdate`,
 * `gender`). Login pages: sandbox-eid-interaction.controller.ts.
 */
@Injectable()
export class SandboxEidProvider implements OnModuleInit {
  private readonly logger = new Logger('sandbox-eid');
  private provider?: Provider;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly adapterHost: HttpAdapterHost,
    private readonly directory: SandboxDirectory,
  ) {}

  /** The provider, once the module has started. */
  get instance(): Provider {
    if (!this.provider) throw new Error('the sandbox e-ID provider has not started');
    return this.provider;
  }

  async onModuleInit(): Promise<void> {
    this.provider = this.createProvider();
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const callback: (req: IncomingMessage, res: ServerResponse) => Promise<void> = this.provider.callback();
    const publicUrl = new URL(this.runtime.config.publicBaseUrl);
    const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      const full = raw.url ?? SANDBOX_EID_MOUNT;
      let rest = full.slice(SANDBOX_EID_MOUNT.length);
      if (!rest.startsWith('/')) rest = '/' + rest;
      raw.originalUrl = full;
      raw.url = rest;
      // The provider builds its URLs from the request: make them the public ones even when called from inside.
      raw.headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '');
      raw.headers['x-forwarded-host'] = publicUrl.host;
      reply.raw.setHeader('x-sandbox', 'true');
      reply.raw.setHeader('x-request-id', request.id);
      await callback(raw, reply.raw);
    };
    await fastify.register(async (scope: FastifyInstance) => {
      // Leave the body unread: the provider parses it itself.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      scope.all(SANDBOX_EID_MOUNT, handler);
      scope.all(`${SANDBOX_EID_MOUNT}/*`, handler);
    });
    this.logger.log(`SANDBOX e-ID provider at ${this.runtime.config.publicBaseUrl}${SANDBOX_EID_MOUNT}`);
  }

  private createProvider(): Provider {
    const { publicBaseUrl, dataDir } = this.runtime.config;
    const secrets = sandboxEidSecrets(dataDir);
    const directory = this.directory;
    const policy = interactionPolicy.base();
    const login = policy.get('login');
    if (!login) throw new Error('oidc-provider has no login prompt');
    // Testers switch between residents: every authorization asks who logs in, even with a provider session.
    login.checks.add(
      new interactionPolicy.Check(
        'sandbox_choose_resident',
        'the sandbox asks for a resident every time',
        (ctx: KoaContextWithOIDC) =>
          ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
    const provider = new Provider(publicBaseUrl + SANDBOX_EID_MOUNT, {
      clients: [
        {
          client_id: SANDBOX_EID_CLIENT_ID,
          client_secret: secrets.clientSecret,
          client_name: 'Giải quyết hưởng trợ cấp thất nghiệp',
          redirect_uris: [`${publicBaseUrl}/auth/eid/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      adapter: SandboxEidMemoryAdapter,
      jwks: { keys: [secrets.signingJwk] },
      cookies: { keys: [secrets.cookieKey] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      interactions: {
        policy,
        url: (_ctx: unknown, interaction: { uid: string }) => `${SANDBOX_EID_MOUNT}/interaction/${interaction.uid}`,
      },
      claims: { openid: ['sub'], profile: ['name', 'birthdate', 'gender'] },
      conformIdTokenClaims: false,
      findAccount: async (_ctx: unknown, personalId: string) => {
        const person = directory.citizen(personalId);
        if (!person) return undefined;
        return {
          accountId: personalId,
          claims: async () => ({
            sub: personalId,
            name: person.fullName,
            birthdate: person.dateOfBirth,
            gender: person.sex,
          }),
        };
      },
      // First-party client: no consent screen; the grant covers what our service asks for.
      loadExistingGrant: async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
        const { oidc } = ctx;
        const clientId = oidc.client?.clientId;
        if (!clientId || !oidc.session) return undefined;
        const existing = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
        if (existing) {
          const grant = await oidc.provider.Grant.find(existing);
          if (grant) return grant;
        }
        const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session.accountId });
        grant.addOIDCScope('openid profile');
        await grant.save();
        return grant;
      },
      renderError: (ctx: KoaContextWithOIDC, out: ErrorOut) => {
        ctx.type = 'html';
        ctx.body = renderSandboxEidError(out.error, out.error_description);
      },
      ttl: {
        Interaction: 10 * 60,
        Session: 10 * 60,
        Grant: 10 * 60,
        AuthorizationCode: 60,
        AccessToken: 10 * 60,
        IdToken: 10 * 60,
      },
    });
    provider.proxy = true;
    provider.on('server_error', (_ctx: unknown, error: Error) =>
      this.logger.error({ err: error }, 'sandbox e-ID error'),
    );
    return provider;
  }
}
