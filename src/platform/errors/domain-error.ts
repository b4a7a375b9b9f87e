/**
 * Errors the application raises on purpose. They carry a code, never an HTTP type: the problem+json filter
 * (platform/http/problem-details.filter.ts) maps each code to a status in one exhaustive switch.
 * Messages are what a citizen or caseworker reads, so they are Vietnamese.
 */
export enum ErrorCode {
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  StaleVersion = 'stale_version',
  InvalidTransition = 'invalid_transition',
  /** Well-formed input the rules refuse at this moment (e.g. a notice outside its window): 422. */
  Unprocessable = 'unprocessable',
  IdempotencyMismatch = 'idempotency_mismatch',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  RateLimited = 'rate_limited',
  UpstreamUnavailable = 'upstream_unavailable',
}

export interface FieldError {
  /** Dotted path of the offending field in the request, e.g. `payment.accountNumber`. */
  field: string;
  /** Vietnamese message for the person who filled the field. */
  message: string;
  /** Stable machine code, e.g. `required`, `invalid_format`. */
  code: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[], message = 'Dữ liệu gửi lên không hợp lệ.'): DomainError {
    return new DomainError(ErrorCode.Validation, message, { errors });
  }

  static notFound(message = 'Không tìm thấy.'): DomainError {
    return new DomainError(ErrorCode.NotFound, message);
  }

  static forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }

  static unauthenticated(message = 'Cần đăng nhập.'): DomainError {
    return new DomainError(ErrorCode.Unauthenticated, message);
  }

  static unprocessable(errors: FieldError[], message: string): DomainError {
    return new DomainError(ErrorCode.Unprocessable, message, { errors });
  }

  static conflict(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.Conflict, message, details);
  }

  static upstream(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.UpstreamUnavailable, message, details);
  }
}
