import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../platform/errors/domain-error';

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
