/**
 * What the service tells a citizen, as data: one entry per event, each with the e-mail's subject and text and the
 * SMS text. Placeholders `{name}` are filled by `renderTemplate`; every one must be given. Vietnamese with full
 * diacritics, addressing the citizen as "bạn"; SMS texts are kept short so that their unaccented form fits one
 * segment (160 GSM-7 characters) and the accented one as few UCS-2 segments as it can (see docs/notifications.md).
 */
export interface NotificationTemplate {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

const SIGNATURE = '\n\nTrân trọng,\nTrung tâm Dịch vụ việc làm\n(Thư gửi tự động, vui lòng không trả lời thư này.)';

export const NOTIFICATION_TEMPLATES = {
  dossier_received: {
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    email:
      'Chào bạn {fullName},\n\nHồ sơ đề nghị hưởng trợ cấp thất nghiệp {code} của bạn đã được tiếp nhận. ' +
      'Ngày hẹn trả kết quả: {dueDate}.\n\nBạn theo dõi hồ sơ tại {link}.' +
      SIGNATURE,
    sms: 'Hồ sơ {code} đã được tiếp nhận, hẹn trả kết quả {dueDate}.',
  },
  supplement_requested: {
    subject: 'Hồ sơ {code} cần bổ sung giấy tờ',
    email:
      'Chào bạn {fullName},\n\nHồ sơ {code} của bạn cần bổ sung giấy tờ:\n{note}\n\n' +
      'Bạn vui lòng bổ sung tại {link}.' +
      SIGNATURE,
    sms: 'Hồ sơ {code} cần bổ sung giấy tờ. Bạn xem và bổ sung trên trang dịch vụ.',
  },
  decision_approved: {
    subject: 'Hồ sơ {code}: bạn được hưởng trợ cấp thất nghiệp',
    email:
      'Chào bạn {fullName},\n\nGiám đốc Sở Nội vụ đã quyết định cho bạn hưởng trợ cấp thất nghiệp: ' +
      '{monthlyAmount} đồng/tháng trong {months} tháng, từ {from} đến {to}. Bảo hiểm xã hội tỉnh chi trả hằng tháng.\n\n' +
      'Bạn xem quyết định và lịch chi trả tại {link}.' +
      SIGNATURE,
    sms: 'Hồ sơ {code}: bạn được hưởng trợ cấp {monthlyAmount}đ/tháng, {months} tháng.',
  },
  decision_denied: {
    subject: 'Hồ sơ {code}: kết quả giải quyết',
    email:
      'Chào bạn {fullName},\n\nHồ sơ {code} của bạn không được giải quyết hưởng trợ cấp thất nghiệp. ' +
      'Lý do: {note}\n\nBạn xem quyết định tại {link}.' +
      SIGNATURE,
    sms: 'Hồ sơ {code} không được hưởng trợ cấp. Bạn xem lý do trên trang dịch vụ.',
  },
  result_returned: {
    subject: 'Hồ sơ {code} đã trả kết quả',
    email:
      'Chào bạn {fullName},\n\nKết quả hồ sơ {code} đã được trả cho bạn. Bạn tải quyết định đã ký số tại {link}.' +
      SIGNATURE,
    sms: 'Hồ sơ {code} đã trả kết quả. Bạn tải quyết định trên trang dịch vụ.',
  },
  decision_revoked: {
    subject: 'Hồ sơ {code}: quyết định đã bị thu hồi',
    email:
      'Chào bạn {fullName},\n\nQuyết định của hồ sơ {code} đã bị thu hồi. Lý do: {note}\n\nChi tiết tại {link}.' +
      SIGNATURE,
    sms: 'Quyết định của hồ sơ {code} đã bị thu hồi. Bạn xem chi tiết trên trang dịch vụ.',
  },
  benefit_suspended: {
    subject: 'Hồ sơ {code}: tạm dừng hưởng trợ cấp',
    email:
      'Chào bạn {fullName},\n\nViệc hưởng trợ cấp thất nghiệp của hồ sơ {code} bị tạm dừng.\n\nChi tiết tại {link}.' +
      SIGNATURE,
    sms: 'Trợ cấp hồ sơ {code} bị tạm dừng. Bạn xem chi tiết trên trang dịch vụ.',
  },
  benefit_resumed: {
    subject: 'Hồ sơ {code}: tiếp tục hưởng trợ cấp',
    email:
      'Chào bạn {fullName},\n\nBạn được tiếp tục hưởng trợ cấp thất nghiệp (hồ sơ {code}).\n\nChi tiết tại {link}.' +
      SIGNATURE,
    sms: 'Bạn được tiếp tục hưởng trợ cấp, hồ sơ {code}.',
  },
  benefit_terminated: {
    subject: 'Hồ sơ {code}: chấm dứt hưởng trợ cấp',
    email:
      'Chào bạn {fullName},\n\nViệc hưởng trợ cấp thất nghiệp của hồ sơ {code} đã chấm dứt.\n\nChi tiết tại {link}.' +
      SIGNATURE,
    sms: 'Trợ cấp hồ sơ {code} đã chấm dứt. Bạn xem chi tiết trên trang dịch vụ.',
  },
  notice_window_open: {
    subject: 'Thông báo tìm kiếm việc làm tháng {month}',
    email:
      'Chào bạn {fullName},\n\nTừ {from} đến {to}, bạn cần thông báo về việc tìm kiếm việc làm tháng {month} ' +
      '(hồ sơ {code}). Nếu không thông báo, trợ cấp tháng đó bị tạm dừng.\n\nBạn thông báo tại {link}.' +
      SIGNATURE,
    sms: 'Từ {from} đến {to} bạn cần thông báo tìm việc tháng {month}.',
  },
  notice_window_closing: {
    subject: 'Ngày mai là hạn thông báo tìm kiếm việc làm tháng {month}',
    email:
      'Chào bạn {fullName},\n\nNgày mai ({to}) là hạn cuối để bạn thông báo về việc tìm kiếm việc làm tháng {month} ' +
      '(hồ sơ {code}).\n\nBạn thông báo tại {link}.' +
      SIGNATURE,
    sms: 'Ngày mai {to} là hạn thông báo tìm việc tháng {month}.',
  },
  payment_paid: {
    subject: 'Đã chi trả trợ cấp tháng {month}',
    email:
      'Chào bạn {fullName},\n\nBảo hiểm xã hội tỉnh đã chi trả trợ cấp thất nghiệp tháng {month} (hồ sơ {code}): ' +
      '{amount} đồng, ngày {paidAt}.\n\nChi tiết tại {link}.' +
      SIGNATURE,
    sms: 'Đã chi trả trợ cấp tháng {month}: {amount}đ ngày {paidAt}.',
  },
  payment_failed: {
    subject: 'Chưa chi trả được trợ cấp tháng {month}',
    email:
      'Chào bạn {fullName},\n\nBảo hiểm xã hội tỉnh chưa chi trả được trợ cấp thất nghiệp tháng {month} ' +
      '(hồ sơ {code}). Lý do: {reason}\n\nBạn vui lòng kiểm tra và cập nhật tài khoản nhận tiền tại {link}.' +
      SIGNATURE,
    sms: 'Chưa chi trả được trợ cấp tháng {month}. Bạn cập nhật tài khoản trên trang dịch vụ.',
  },
} as const satisfies Record<string, NotificationTemplate>;

export type NotificationTemplateName = keyof typeof NOTIFICATION_TEMPLATES;

export const NOTIFICATION_TEMPLATE_NAMES = Object.keys(NOTIFICATION_TEMPLATES) as NotificationTemplateName[];

export class MissingTemplateValue extends Error {
  constructor(readonly field: string) {
    super(`notification template value missing: ${field}`);
  }
}

/** Fills `{name}` placeholders; a placeholder without a value is an error (never a message with a hole). */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined || value === null || value === '') throw new MissingTemplateValue(name);
      return String(value);
    })
    .normalize('NFC');
}

export function renderTemplate(
  name: NotificationTemplateName,
  values: Readonly<Record<string, string | number>>,
): { subject: string; email: string; sms: string } {
  const t: NotificationTemplate = NOTIFICATION_TEMPLATES[name];
  return { subject: fill(t.subject, values), email: fill(t.email, values), sms: fill(t.sms, values) };
}

/** 1234000 → "1.234.000" (Vietnamese grouping). */
export function vnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 2026-12-01 → "01/12/2026". */
export function vnDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
