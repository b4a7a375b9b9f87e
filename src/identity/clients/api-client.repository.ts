import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { ApiClientEntity, ApiClientScope, ApiClientSource } from './api-client.entity';

export interface ApiClientRegistration {
  readonly clientId: string;
  readonly secretHash: string;
  readonly name: string;
  readonly scope: ApiClientScope;
  readonly source: ApiClientSource;
}

/** Persistence of `api_client`. */
@Injectable()
export class ApiClientRepository {
  constructor(@InjectRepository(ApiClientEntity) private readonly repo: Repository<ApiClientEntity>) {}

  findActive(clientId: string): Promise<ApiClientEntity | null> {
    return this.repo.findOne({ where: { clientId, active: true } });
  }

  find(clientId: string): Promise<ApiClientEntity | null> {
    return this.repo.findOne({ where: { clientId } });
  }

  async upsert(client: ApiClientRegistration): Promise<void> {
    await this.repo.upsert({ ...client, active: true }, ['clientId']);
  }

  /** Clients of `source` not in `keep` stop working (removed from PORTAL_CLIENTS, or sandbox mode left). */
  async deactivateOthers(source: ApiClientSource, keep: readonly string[]): Promise<void> {
    await this.repo.update(
      keep.length ? { source, active: true, clientId: Not(In([...keep])) } : { source, active: true },
      { active: false },
    );
  }
}
