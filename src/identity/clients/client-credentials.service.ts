import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { clientPrincipal } from '../principal';
import { spendVerificationTime, verifySecret } from '../secrets/password-hasher';
import { BEARER_TTL_SECONDS } from '../tokens/access-token.constants';
import { AccessTokenService, IssuedToken } from '../tokens/access-token.service';
import { ApiClientRepository } from './api-client.repository';

/** OAuth-style client credentials for systems (the national portal gateway): id + secret → bearer token. */
@Injectable()
export class ClientCredentialsService {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly tokens: AccessTokenService,
  ) {}

  async issueToken(clientId: string, clientSecret: string): Promise<IssuedToken> {
    const client = await this.clients.findActive(clientId);
    const valid = client
      ? await verifySecret(clientSecret, client.secretHash)
      : await spendVerificationTime(clientSecret);
    if (!client || !valid) throw DomainError.unauthenticated('Mã ứng dụng hoặc khóa bí mật không đúng.');
    return this.tokens.issue(clientPrincipal(client.clientId, client.name, client.scope), {
      use: 'bearer',
      ttlSeconds: BEARER_TTL_SECONDS,
    });
  }
}
