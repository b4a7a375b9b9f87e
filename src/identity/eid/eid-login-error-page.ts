import { ProblemDetails } from '../../platform/http/problem-details';

/** Whether the caller is a browser (it asks for HTML) rather than an API client: browsers get pages, never JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  return /\btext\/html\b/i.test(accept ?? '');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page a citizen sees when the return from the e-ID provider fails (an expired or foreign login transaction,
 * a refused code): what happened, in Vietnamese, and a link that starts the login again. Self-contained, so it
 * renders whatever else is failing; styled by the site's stylesheet.
 */
export function eidLoginErrorPage(problem: ProblemDetails): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(problem.title)} · Dịch vụ công trực tuyến</title>
  <link rel="stylesheet" href="/assets/css/site.css">
</head>
<body class="area-citizen">
  <main id="main">
    <div class="container">
      <h1>Không đăng nhập được</h1>
      <p role="alert">${escapeHtml(problem.detail)}</p>
      <p><a class="button" href="/auth/eid/login">Đăng nhập lại bằng VNeID</a> <a href="/">Về trang chủ</a></p>
      ${problem.requestId ? `<p class="muted">Mã yêu cầu: ${escapeHtml(problem.requestId)}</p>` : ''}
    </div>
  </main>
</body>
</html>
`.normalize('NFC');
}
