/** What every sandbox page says first: this is not the real national system. */
export const SANDBOX_BANNER = 'MÔI TRƯỜNG THỬ NGHIỆM (SANDBOX)';

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * The shell of a sandbox page (Vietnamese, no JavaScript, not indexed): the red SANDBOX banner saying which real
 * system this is not (`notReal`), then `body` in a card `width` wide. `styles` adds the page's own CSS rules.
 */
export function sandboxPage(options: {
  title: string;
  notReal: string;
  width: string;
  styles: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)} — ${SANDBOX_BANNER}</title>
<style>
  body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #1b1b1b; background: #f5f6f8; }
  .sandbox { background: #b00020; color: #fff; text-align: center; font-weight: 700; padding: .6rem; letter-spacing: .03em; }
  main { max-width: ${options.width}; margin: 1.5rem auto; background: #fff; padding: 1.5rem; border-radius: .5rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
${options.styles}
</style>
</head>
<body>
<div class="sandbox" role="alert">${SANDBOX_BANNER} — không phải ${options.notReal}</div>
<main>
${options.body}
</main>
</body>
</html>`;
}
