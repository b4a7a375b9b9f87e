import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../platform/http/access-policy';
import { PageRenderer } from '../web/page-renderer.service';
import { barChartSvg } from './domain/svg-chart';
import { IndicatorSet } from './domain/service-indicators';
import { OpenDataService } from './open-data.service';
import { MonthIndicators, previousMonth } from './indicators.service';

const HTML = 'text/html; charset=utf-8';
const SERIES_MONTHS = 6;

const percent = (v: number | null) =>
  v === null ? '–' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
const decimal = (v: number | null) => (v === null ? '–' : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
const monthLabel = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

/** One line of the indicator table: its Vietnamese name, the value, and what it is counted over. */
function lines(s: IndicatorSet) {
  return [
    {
      name: 'Hồ sơ giải quyết đúng hạn',
      value: percent(s.onTime.share),
      basis: `${s.onTime.count}/${s.onTime.total} hồ sơ có quyết định`,
    },
    {
      name: 'Hồ sơ nộp trực tuyến (dịch vụ công, Cổng DVCQG)',
      value: percent(s.filed.onlineShare),
      basis: `${s.filed.online + s.filed.portal}/${s.filed.total} hồ sơ (trực tuyến ${s.filed.online}, Cổng DVCQG ${s.filed.portal}, trực tiếp ${s.filed.counter})`,
    },
    {
      name: 'Hồ sơ có kết quả điện tử (quyết định ký số)',
      value: percent(s.electronicResult.share),
      basis: `${s.electronicResult.count}/${s.electronicResult.total} hồ sơ`,
    },
    {
      name: 'Thời gian giải quyết trung bình',
      value: s.averageWorkingDaysToDecision === null ? '–' : `${decimal(s.averageWorkingDaysToDecision)} ngày làm việc`,
      basis:
        s.p90WorkingDaysToDecision === null
          ? 'Chưa có hồ sơ có quyết định'
          : `90 % hồ sơ có quyết định trong ${s.p90WorkingDaysToDecision} ngày làm việc`,
    },
    {
      name: 'Thông báo tìm kiếm việc làm đúng hạn',
      value: percent(s.noticesOnTime.share),
      basis: `${s.noticesOnTime.count}/${s.noticesOnTime.total} tháng hưởng`,
    },
    {
      name: 'Chi trả trợ cấp đúng hạn',
      value: percent(s.paymentsOnTime.share),
      basis: `${s.paymentsOnTime.count}/${s.paymentsOnTime.total} tháng hưởng`,
    },
    {
      name: 'Mức độ hài lòng',
      value: s.satisfaction.average === null ? '–' : `${decimal(s.satisfaction.average)}/5`,
      basis: `${s.satisfaction.ratings} lượt đánh giá`,
    },
  ];
}

/** The public page of the service indicators, server-rendered with SVG charts (no script needed). */
@ApiExcludeController()
@Public()
@Controller()
export class IndicatorsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly openData: OpenDataService,
  ) {}

  @Get('chi-so')
  @Header('content-type', HTML)
  @Header('cache-control', 'public, max-age=300')
  async page(@Query('thang') thang?: unknown): Promise<string> {
    const month = this.openData.checkedMonth(thang, 'thang');
    const months = [month];
    while (months.length < SERIES_MONTHS) months.unshift(previousMonth(`${months[0]}-01`));
    const series: MonthIndicators[] = [];
    for (const m of months) series.push(await this.openData.month(m));
    const current = series[series.length - 1];
    const chart = (id: string, title: string, pick: (s: IndicatorSet) => number | null, unit: 'percent' | 'days') => ({
      title,
      svg: barChartSvg({
        id,
        title,
        unit,
        points: series.map((s) => ({ label: monthLabel(s.month), value: pick(s.province) })),
      }),
    });
    return this.pages.render(
      'indicators',
      { title: 'Chỉ số phục vụ người dân', area: 'public' },
      {
        month,
        monthLabel: monthLabel(month),
        countedUntil: current.countedUntil.split('-').reverse().join('/'),
        complete: current.complete,
        province: lines(current.province),
        centers: current.centers.map((c) => ({ name: c.centerName, lines: lines(c.indicators) })),
        previous: months[months.length - 2],
        charts: [
          chart('chart-on-time', 'Tỷ lệ hồ sơ giải quyết đúng hạn theo tháng', (s) => s.onTime.share, 'percent'),
          chart('chart-online', 'Tỷ lệ hồ sơ nộp trực tuyến theo tháng', (s) => s.filed.onlineShare, 'percent'),
          chart(
            'chart-days',
            'Số ngày làm việc trung bình đến khi có quyết định',
            (s) => s.averageWorkingDaysToDecision,
            'days',
          ),
          chart('chart-payments', 'Tỷ lệ chi trả đúng hạn theo tháng', (s) => s.paymentsOnTime.share, 'percent'),
        ],
        series: series.map((s) => ({
          month: monthLabel(s.month),
          onTime: percent(s.province.onTime.share),
          online: percent(s.province.filed.onlineShare),
          days: decimal(s.province.averageWorkingDaysToDecision),
          payments: percent(s.province.paymentsOnTime.share),
        })),
      },
    );
  }

  /** Administrators: the integration health of each national system (data from the admin API, drawn in the page). */
  @Get('quan-tri/ket-noi')
  @Header('content-type', HTML)
  integrationHealth(): string {
    return this.pages.render('integration-health', {
      title: 'Tình trạng kết nối',
      area: 'staff',
      script: 'integration-health',
    });
  }
}
