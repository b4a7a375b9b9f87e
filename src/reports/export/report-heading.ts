import { ReportPeriod } from '../domain/report-period';

/** What every sheet / section states under its title. */
export interface ReportHeading {
  /** e.g. "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HƯỞNG TRỢ CẤP THẤT NGHIỆP THÁNG 11/2026". */
  title: string;
  /** e.g. "Kỳ báo cáo: từ 01/11/2026 đến 30/11/2026 · Phạm vi: toàn tỉnh". */
  subtitle: string;
}

export function reportHeading(month: string, period: ReportPeriod, scope: string, generatedAt: string): ReportHeading {
  const [year, m] = month.split('-');
  const vn = (date: string) => date.split('-').reverse().join('/');
  const generated = vn(new Date(new Date(generatedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10));
  return {
    title: `BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HƯỞNG TRỢ CẤP THẤT NGHIỆP THÁNG ${m}/${year}`,
    subtitle: `Kỳ báo cáo: từ ${vn(period.from)} đến ${vn(period.to)} · Phạm vi: ${scope} · Lập ngày ${generated}`,
  };
}
