import {
  fill,
  MissingTemplateValue,
  NOTIFICATION_TEMPLATE_NAMES,
  NOTIFICATION_TEMPLATES,
  renderTemplate,
  vnd,
  vnDate,
} from './notification-templates';
import { smsLength, unaccented } from './sms-segments';

/** Longest realistic values: a 21-character dossier code, a 9-digit amount, dd/mm/yyyy dates, a two-digit month. */
const SAMPLE = {
  code: 'DNA-BH-20261130-00001',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  link: 'https://dichvucong.dongnai.gov.vn/ho-so/0b6f0c1e-6f0e-4b7e-9a55-3f1a2b3c4d5e',
  dueDate: '15/12/2026',
  note: 'Bản sao hợp đồng lao động',
  monthlyAmount: '15.650.000',
  months: 12,
  from: '01/12/2026',
  to: '03/12/2026',
  month: 12,
  amount: '15.650.000',
  paidAt: '01/12/2026',
  reason: 'Số tài khoản không tồn tại hoặc đã đóng (ngân hàng trả lại).',
};

describe('notification templates', () => {
  it.each(NOTIFICATION_TEMPLATE_NAMES)('%s renders in NFC Vietnamese, addressing the citizen as "bạn"', (name) => {
    const r = renderTemplate(name, SAMPLE);
    for (const text of [r.subject, r.email, r.sms]) {
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(r.email).toContain('bạn');
  });

  it.each(NOTIFICATION_TEMPLATE_NAMES)('%s: the unaccented SMS fits one GSM-7 segment (160)', (name) => {
    const sms = unaccented(renderTemplate(name, SAMPLE).sms);
    expect(smsLength(sms)).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });

  it.each(NOTIFICATION_TEMPLATE_NAMES)(
    '%s: the accented SMS takes at most 2 UCS-2 segments (134 characters)',
    (name) => {
      expect(smsLength(renderTemplate(name, SAMPLE).sms).segments).toBeLessThanOrEqual(2);
    },
  );

  it('a missing value is an error, never a message with a hole', () => {
    expect(() => fill(NOTIFICATION_TEMPLATES.payment_paid.sms, { month: 1 })).toThrow(MissingTemplateValue);
  });

  it('formats money and dates the Vietnamese way', () => {
    expect(vnd(2_530_000)).toBe('2.530.000');
    expect(vnd(950)).toBe('950');
    expect(vnDate('2026-12-01')).toBe('01/12/2026');
  });
});
