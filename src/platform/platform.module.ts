import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Runtime } from './embedded/runtime';
import { CLOCK, SystemClock } from './clock/clock';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { HtmlErrorPages } from './http/html-error-pages';

export const RUNTIME = Symbol('RUNTIME');

@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: Runtime, clock = new SystemClock()): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: CLOCK, useValue: clock },
        HtmlErrorPages,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [RUNTIME, CLOCK, HtmlErrorPages],
    };
  }
}
