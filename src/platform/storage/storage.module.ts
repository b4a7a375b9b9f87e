import { DynamicModule, Global, Module } from '@nestjs/common';
import { OBJECT_STORE, ObjectStore } from './object-store.port';

@Global()
@Module({})
export class StorageModule {
  static forRoot(store: ObjectStore): DynamicModule {
    return { module: StorageModule, providers: [{ provide: OBJECT_STORE, useValue: store }], exports: [OBJECT_STORE] };
  }
}
