import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { ProblemDetails, problem, statusOf } from './problem-details';

/**
 * Turns anything thrown into problem details. Known errors keep their meaning; anything else becomes a
 * generic 500 that names only the request id (the details go to the log, never to the client).
 */
export function toProblem(
  error: unknown,
  requestId: string | undefined,
): { problem: ProblemDetails; unexpected: boolean } {
  if (error instanceof DomainError) {
    const { status, title } = statusOf(error.code);
    return {
      problem: problem(error.code, status, title, error.message, { ...error.details, requestId }),
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    return { problem: fromHttpException(error, requestId), unexpected: false };
  }
  const fastify = fastifyError(error);
  if (fastify) return { problem: { ...fastify, requestId }, unexpected: false };
  const unavailable = dependencyUnavailable(error);
  if (unavailable) return { problem: { ...unavailable, requestId }, unexpected: false };
  return {
    problem: problem(
      'internal',
      500,
      'Lỗi hệ thống',
      'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc báo mã yêu cầu cho bộ phận hỗ trợ.',
      { requestId },
    ),
    unexpected: true,
  };
}

/** The standard explanation of each error that is not a DomainError with its own message. */
const STANDARD_DETAIL: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.Unauthenticated]: 'Cần đăng nhập hoặc thông tin xác thực không hợp lệ.',
  [ErrorCode.Forbidden]: 'Bạn không có quyền thực hiện thao tác này.',
  [ErrorCode.NotFound]: 'Không tìm thấy địa chỉ hoặc tài nguyên được yêu cầu.',
  [ErrorCode.PayloadTooLarge]: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.',
  [ErrorCode.UnsupportedMediaType]: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  [ErrorCode.RateLimited]: 'Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
};

/** HTTP statuses raised by Nest or Fastify that have a domain meaning. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

function standard(code: ErrorCode, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  const { status, title } = statusOf(code);
  return problem(code, status, title, STANDARD_DETAIL[code] ?? title, extra);
}

function badRequest(status: number, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return status >= 500
    ? problem('internal', status, 'Lỗi hệ thống', 'Đã xảy ra lỗi không mong muốn.', extra)
    : problem('bad_request', status, 'Yêu cầu không hợp lệ', 'Yêu cầu không hợp lệ.', extra);
}

function fromHttpException(error: HttpException, requestId?: string): ProblemDetails {
  const status = error.getStatus();
  // Fastify's body-parser errors reach us wrapped by Nest with only their message left.
  if (status === 400 && /JSON/i.test(error.message)) return { ...invalidJson(), requestId };
  const code = CODE_OF_STATUS[status];
  return code ? standard(code, { requestId }) : badRequest(status, { requestId });
}

/** Errors raised by Fastify itself before a handler runs (body parsing, content types, limits). */
function fastifyError(error: unknown): ProblemDetails | undefined {
  const e = error as { code?: string; statusCode?: number; message?: string } | undefined;
  if (!e || typeof e !== 'object') return undefined;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return standard(ErrorCode.PayloadTooLarge);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return standard(ErrorCode.UnsupportedMediaType);
  const badBody =
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    ((error as Error).name === 'SyntaxError' && e.statusCode === 400);
  if (badBody) return invalidJson();
  if (e.statusCode === 413 || e.statusCode === 415 || e.statusCode === 429)
    return standard(CODE_OF_STATUS[e.statusCode]);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 && e.code?.startsWith('FST_')) {
    return badRequest(e.statusCode);
  }
  return undefined;
}

function invalidJson(): ProblemDetails {
  return problem(
    ErrorCode.Validation,
    400,
    statusOf(ErrorCode.Validation).title,
    'Nội dung gửi lên không phải JSON hợp lệ.',
    {
      errors: [{ field: 'body', code: 'invalid_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }],
    },
  );
}

/** Network errors of a socket to a dependency (PostgreSQL, the object store) that is down or unreachable. */
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean "the server is not there right now", not "the query is wrong": class 08
 * (connection exception), 57P01/57P02/57P03 (admin shutdown, crash shutdown, cannot connect now: starting or
 * stopping) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Messages node-postgres and TypeORM raise when a connection is lost or cannot be made (they carry no code). */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end)/;

/**
 * A database (or another backing service) that is down is a temporary condition, not a defect: 503 with
 * `upstream_unavailable`, so clients and load balancers retry instead of reporting a bug. Looks through TypeORM's
 * `QueryFailedError.driverError` and `cause` chains.
 */
function dependencyUnavailable(error: unknown): ProblemDetails | undefined {
  let database = false;
  let network = false;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_SQLSTATE.test(code) || LOST_CONNECTION.test(message)) database = true;
    // TypeORM: a transaction whose connection was lost (and released) underneath it.
    if (e.name === 'QueryRunnerProviderAlreadyReleasedError') database = true;
    if (NETWORK_ERRNOS.has(code)) network = true;
    current = e.driverError ?? e.cause;
  }
  if (!database && !network) return undefined;
  const { status, title } = statusOf(ErrorCode.UpstreamUnavailable);
  return problem(
    ErrorCode.UpstreamUnavailable,
    status,
    title,
    database
      ? 'Cơ sở dữ liệu tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.'
      : 'Cơ sở dữ liệu hoặc kho lưu trữ tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.',
  );
}
