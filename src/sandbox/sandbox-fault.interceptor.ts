import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, map, switchMap } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SandboxDirectory } from './sandbox-directory.service';
import { SandboxFaultInjector, SandboxFaultTarget } from './sandbox-fault-injector.service';

const FAULT_TARGET = 'sandbox:fault-target';

/** Marks a sandbox registry controller as subject to `SandboxFaultInjector` faults for `target`. */
export const SandboxFaultTargetOf = (target: SandboxFaultTarget) => SetMetadata(FAULT_TARGET, target);

/** Applies an armed fault to a sandbox registry response. */
@Injectable()
export class SandboxFaultInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly faults: SandboxFaultInjector,
    private readonly directory: SandboxDirectory,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const target = this.reflector.getAllAndOverride<SandboxFaultTarget | undefined>(FAULT_TARGET, [
      context.getHandler(),
      context.getClass(),
    ]);
    const fault = target ? this.faults.take(target) : undefined;
    if (!fault) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    switch (fault.kind) {
      case 'error':
        throw new HttpException(
          { title: 'Sandbox fault', detail: 'Injected failure', status: fault.status ?? 500 },
          fault.status ?? 500,
        );
      case 'slow':
        return from(sleep(fault.delayMs ?? 5000)).pipe(switchMap(() => next.handle()));
      case 'malformed':
        return next.handle().pipe(
          map(() => {
            reply.header('content-type', 'application/json; charset=utf-8');
            return '{"personalId": "07'; // truncated JSON
          }),
        );
      case 'wrong-shape':
        return next
          .handle()
          .pipe(map((body) => ({ ...(body as object), dateOfBirth: 19900517, contributions: 'n/a' })));
      case 'wrong-person':
        return next.handle().pipe(
          map(() => {
            const asked = context.switchToHttp().getRequest<FastifyRequest<{ Params: { personalId?: string } }>>()
              .params.personalId;
            const other = this.directory.residents().find((r) => r.insurance !== null && r.personalId !== asked);
            return target === 'population' ? other?.population : other?.insurance;
          }),
        );
    }
  }
}
