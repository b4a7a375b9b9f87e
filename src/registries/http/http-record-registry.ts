import { OnModuleDestroy } from '@nestjs/common';
import { RegistryReadOptions } from '../population/population-registry.port';
import { RegistryHttpClient, RegistryHttpOptions, RegistryIdentityMismatchError } from './registry-http-client';

/**
 * A registry that answers `GET {baseUrl}{path}/{personalId}` with one person's record (docs/registries.md).
 * The record must be about the person asked for; anything else is an upstream error.
 */
export abstract class HttpRecordRegistry<T extends { personalId: string }> implements OnModuleDestroy {
  private readonly client: RegistryHttpClient;

  protected constructor(
    source: ConstructorParameters<typeof RegistryHttpClient>[0],
    unavailableMessage: string,
    private readonly path: string,
    private readonly parse: (json: unknown) => T,
    options: RegistryHttpOptions,
  ) {
    this.client = new RegistryHttpClient(source, unavailableMessage, options);
  }

  findByPersonalId(personalId: string, options: RegistryReadOptions = {}): Promise<T | null> {
    return this.client.getJson(
      `${this.path}/${encodeURIComponent(personalId)}`,
      (json) => {
        const record = this.parse(json);
        if (record.personalId !== personalId) throw new RegistryIdentityMismatchError();
        return record;
      },
      options.requestId,
    );
  }

  get circuitOpen(): boolean {
    return this.client.circuitOpen;
  }

  onModuleDestroy(): void {
    this.client.shutdown();
  }
}
