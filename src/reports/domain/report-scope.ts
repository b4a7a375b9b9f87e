import { DomainError } from '../../platform/errors/domain-error';

/** The caller as the reports see it. */
export interface ReportReader {
  role?: string;
  centerCode?: string | null;
}

/** Roles that read the reports of every center of the province. */
export const PROVINCE_REPORT_ROLES = ['director', 'admin'] as const;

/**
 * Which center's figures the caller gets: a center head only their own center (asking for another one is 403,
 * asking for none means their own); the director and administrators the whole province (null) or one center.
 */
export function resolveReportScope(reader: ReportReader, requestedCenter: string | undefined): string | null {
  if (reader.role === 'center_head') {
    if (!reader.centerCode) throw DomainError.forbidden('Tài khoản trưởng trung tâm chưa được gắn với trung tâm nào.');
    if (requestedCenter !== undefined && requestedCenter !== reader.centerCode) {
      throw DomainError.forbidden('Bạn chỉ được xem báo cáo của trung tâm mình.');
    }
    return reader.centerCode;
  }
  if ((PROVINCE_REPORT_ROLES as readonly (string | undefined)[]).includes(reader.role)) return requestedCenter ?? null;
  throw DomainError.forbidden('Vai trò của bạn không được xem báo cáo.');
}
