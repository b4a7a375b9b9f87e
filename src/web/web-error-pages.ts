import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErrorPageOptions, HtmlErrorPages } from '../platform/http/html-error-pages';
import { ProblemDetails } from '../platform/http/problem-details';
import { PageRenderer } from './page-renderer.service';

/** What a person reads for each kind of failure: a heading, one sentence, and what to do. */
function wording(problem: ProblemDetails): { title: string; lead: string } {
  switch (problem.status) {
    case 404:
      return {
        title: 'Không tìm thấy trang',
        lead: 'Địa chỉ bạn mở không có trên trang này, hoặc nội dung đã được chuyển đi. Hãy kiểm tra lại địa chỉ.',
      };
    case 401:
      return { title: 'Cần đăng nhập', lead: problem.detail || 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.' };
    case 403:
      return {
        title: 'Bạn không có quyền xem trang này',
        lead: problem.detail || 'Trang này không dành cho tài khoản của bạn.',
      };
    case 429:
      return { title: 'Quá nhiều yêu cầu', lead: 'Bạn đã thao tác quá nhanh. Vui lòng đợi một phút rồi thử lại.' };
    default:
      return problem.status >= 500
        ? { title: 'Hệ thống đang bận', lead: 'Đã có lỗi ở phía hệ thống. Vui lòng thử lại sau ít phút.' }
        : { title: problem.title || 'Có lỗi xảy ra', lead: problem.detail || '' };
  }
}

/** Registers the site's error page (templates/web/pages/error.eta) with the platform's error filter. */
@Injectable()
export class WebErrorPages implements OnModuleInit {
  constructor(
    private readonly pages: HtmlErrorPages,
    private readonly renderer: PageRenderer,
  ) {}

  onModuleInit(): void {
    this.pages.use((problem, options) => this.render(problem, options));
  }

  render(problem: ProblemDetails, options: ErrorPageOptions = {}): string {
    const standard = wording(problem);
    const title = options.title ?? standard.title;
    const lead = options.title ? problem.detail || standard.lead : standard.lead;
    return this.renderer.render(
      'error',
      { title, area: 'public' },
      { lead, status: problem.status, requestId: problem.requestId ?? null, retry: options.retry ?? null },
    );
  }
}
