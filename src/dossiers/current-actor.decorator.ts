import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { principalOf } from '../identity/guards/current-principal.decorator';
import { DomainError } from '../platform/errors/domain-error';
import { Actor } from './domain/actor';

/** The authenticated caller as the dossier module sees it, with the request id for the audit trail. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const principal = principalOf(request);
  if (!principal) throw DomainError.unauthenticated();
  const requestId = request.id;
  switch (principal.kind) {
    case 'citizen':
      return { type: 'citizen', id: principal.personalId!, name: principal.fullName, requestId };
    case 'staff':
      return {
        type: 'staff',
        id: principal.username!,
        name: principal.fullName,
        role: principal.role,
        centerCode: principal.centerCode ?? null,
        requestId,
      };
    case 'client':
      return { type: 'portal', id: principal.clientId!, requestId };
  }
});

/** The `Idempotency-Key` header, when sent (1–200 visible characters). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw DomainError.validation([
      {
        field: 'Idempotency-Key',
        code: 'invalid_format',
        message: 'Khóa Idempotency-Key phải gồm 1–200 ký tự in được.',
      },
    ]);
  }
  return value;
});
