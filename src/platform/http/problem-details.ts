import { ErrorCode, FieldError } from '../errors/domain-error';

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://tro-cap-that-nghiep.gov.vn/problems/';

/** One exhaustive map from domain error code to HTTP status and Vietnamese title. */
export function statusOf(code: ErrorCode): { status: number; title: string } {
  switch (code) {
    case ErrorCode.Validation:
      return { status: 400, title: 'Dữ liệu không hợp lệ' };
    case ErrorCode.Unauthenticated:
      return { status: 401, title: 'Chưa xác thực' };
    case ErrorCode.Forbidden:
      return { status: 403, title: 'Không có quyền' };
    case ErrorCode.NotFound:
      return { status: 404, title: 'Không tìm thấy' };
    case ErrorCode.Conflict:
      return { status: 409, title: 'Xung đột dữ liệu' };
    case ErrorCode.StaleVersion:
      return { status: 409, title: 'Hồ sơ đã được cập nhật bởi người khác' };
    case ErrorCode.InvalidTransition:
      return { status: 409, title: 'Thao tác không phù hợp với trạng thái hồ sơ' };
    case ErrorCode.Unprocessable:
      return { status: 422, title: 'Yêu cầu không được chấp nhận' };
    case ErrorCode.IdempotencyMismatch:
      return { status: 409, title: 'Khóa Idempotency-Key đã dùng cho nội dung khác' };
    case ErrorCode.PayloadTooLarge:
      return { status: 413, title: 'Dữ liệu gửi lên quá lớn' };
    case ErrorCode.UnsupportedMediaType:
      return { status: 415, title: 'Định dạng không được hỗ trợ' };
    case ErrorCode.RateLimited:
      return { status: 429, title: 'Quá nhiều yêu cầu' };
    case ErrorCode.UpstreamUnavailable:
      return { status: 503, title: 'Dịch vụ liên quan tạm thời không sẵn sàng' };
  }
}

export function problem(
  code: string,
  status: number,
  title: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  // Extensions never override the standard members (an upstream's `status` in error details must not become ours).
  return { ...extra, type: TYPE_BASE + code.replace(/_/g, '-'), title, status, detail, code };
}
