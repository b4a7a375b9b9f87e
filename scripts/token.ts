/**
 * Prints a bearer token for a running server (sandbox):
 *   npm run -s token -- citizen <personalId>   real OpenID Connect flow (authorization code + PKCE) over HTTP,
 *                                               through the sandbox e-ID provider's login form, as a browser would
 *   npm run -s token -- staff <username>       password from GET /sandbox/staff, then POST /api/v1/auth/staff/login
 *   npm run -s token -- client                 secret from GET /sandbox/clients, then POST /api/v1/auth/clients/token
 * BASE_URL defaults to http://localhost:3000. Errors go to stderr with exit code 1.
 */

export class TokenCliError extends Error {}

/** The few cookie rules a login needs: host-only cookies, matched by path prefix, replaced by name and path. */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string; host: string }>();

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key, raw = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'path' && raw.startsWith('/')) path = raw;
        if (key.toLowerCase() === 'max-age' && Number(raw) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(raw) <= Date.now()) expired = true;
      }
      const key = `${url.host} ${name} ${path}`;
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path, host: url.host });
    }
  }

  header(url: URL): string | undefined {
    const matching = [...this.cookies.values()].filter(
      (c) =>
        c.host === url.host &&
        (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : c.path + '/')),
    );
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  get(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }
}

export interface BrowserStep {
  readonly url: URL;
  readonly status: number;
  readonly response: Response;
}

/** A tiny browser: follows redirects by hand so every hop's cookies are kept, like a real one. */
export class MiniBrowser {
  readonly jar = new CookieJar();
  readonly steps: BrowserStep[] = [];

  async request(
    method: 'GET' | 'POST',
    url: URL,
    form?: Record<string, string>,
    maxRedirects = 10,
  ): Promise<{ url: URL; response: Response; body: string }> {
    let current = url;
    let currentMethod = method;
    let body: string | undefined = form ? new URLSearchParams(form).toString() : undefined;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { accept: 'text/html,application/json' };
      const cookie = this.jar.header(current);
      if (cookie) headers.cookie = cookie;
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      let response: Response;
      try {
        response = await fetch(current, { method: currentMethod, headers, body, redirect: 'manual' });
      } catch (error) {
        throw new TokenCliError(
          `cannot reach ${current.origin}: ${(error as Error).cause ?? (error as Error).message}`,
        );
      }
      this.jar.store(current, response);
      this.steps.push({ url: current, status: response.status, response });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hop < maxRedirects) {
        current = new URL(location, current);
        currentMethod = 'GET';
        body = undefined;
        continue;
      }
      return { url: current, response, body: await response.text() };
    }
  }
}

/** Action and hidden fields of the sandbox e-ID login form (`id="login-form"`). */
export function parseLoginForm(html: string, pageUrl: URL): URL {
  const form = /<form[^>]*id="login-form"[^>]*>/i.exec(html) ?? /<form[^>]*method="post"[^>]*>/i.exec(html);
  const action = form && /action="([^"]+)"/i.exec(form[0]);
  if (!action) throw new TokenCliError(`no login form on ${pageUrl.href} (is the e-ID provider the sandbox?)`);
  return new URL(action[1].replace(/&amp;/g, '&'), pageUrl);
}

/**
 * The whole citizen login over HTTP: our /auth/eid/login → the provider → its login form → consent if asked →
 * back to our callback. Returns the final answer of the callback.
 */
export async function eidLogin(
  baseUrl: string,
  personalId: string,
  options: { response?: 'token' | 'session'; returnTo?: string } = {},
): Promise<{ browser: MiniBrowser; final: { url: URL; response: Response; body: string } }> {
  const browser = new MiniBrowser();
  const start = new URL('/auth/eid/login', baseUrl);
  if (options.response === 'token') start.searchParams.set('response', 'token');
  if (options.returnTo) start.searchParams.set('returnTo', options.returnTo);
  const page = await browser.request('GET', start);
  if (page.response.status !== 200 || !/<form/i.test(page.body)) {
    throw new TokenCliError(
      `expected the e-ID login page, got HTTP ${page.response.status} at ${page.url.href}: ${page.body.slice(0, 300)}`,
    );
  }
  let final = await browser.request('POST', parseLoginForm(page.body, page.url), { personalId });
  if (final.response.status === 400 && final.url.pathname.includes('/interaction/')) {
    const message = /class="error"[^>]*>([^<]+)</.exec(final.body)?.[1] ?? 'login refused';
    throw new TokenCliError(`the e-ID provider refused ${personalId}: ${message}`);
  }
  // A consent screen, if the provider shows one, is accepted like a user clicking "Đồng ý".
  for (let i = 0; i < 2 && final.response.status === 200 && final.url.pathname.includes('/interaction/'); i++) {
    final = await browser.request('POST', parseLoginForm(final.body, final.url), {});
  }
  return { browser, final };
}

export async function citizenToken(baseUrl: string, personalId: string): Promise<string> {
  if (!/^\d{12}$/.test(personalId)) throw new TokenCliError('personalId must be 12 digits');
  const { final } = await eidLogin(baseUrl, personalId, { response: 'token' });
  return tokenFrom(final.response.status, final.body, 'e-ID callback');
}

export async function staffToken(baseUrl: string, username: string): Promise<string> {
  const staff = await getJson<{ username: string; password: string }[]>(baseUrl, '/sandbox/staff');
  const account = staff.find((s) => s.username === username);
  if (!account) {
    throw new TokenCliError(
      `no sandbox staff account "${username}"; known: ${staff.map((s) => s.username).join(', ')}`,
    );
  }
  return postForToken(baseUrl, '/api/v1/auth/staff/login', { username, password: account.password });
}

export async function clientToken(baseUrl: string): Promise<string> {
  const clients = await getJson<{ clientId: string; clientSecret: string }[]>(baseUrl, '/sandbox/clients');
  if (!clients.length) throw new TokenCliError('the server lists no sandbox client');
  return postForToken(baseUrl, '/api/v1/auth/clients/token', clients[0]);
}

async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl));
  } catch (error) {
    throw new TokenCliError(`cannot reach ${baseUrl}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  if (!response.ok)
    throw new TokenCliError(`GET ${path} answered HTTP ${response.status} (is the server in sandbox mode?)`);
  return (await response.json()) as T;
}

async function postForToken(baseUrl: string, path: string, body: unknown): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new TokenCliError(`cannot reach ${baseUrl}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  return tokenFrom(response.status, await response.text(), `POST ${path}`);
}

function tokenFrom(status: number, text: string, what: string): string {
  let parsed: { accessToken?: string; detail?: string } | undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (status === 200 && typeof parsed?.accessToken === 'string') return parsed.accessToken;
  throw new TokenCliError(
    `${what} answered HTTP ${status}${parsed?.detail ? `: ${parsed.detail}` : `: ${text.slice(0, 300)}`}`,
  );
}

const USAGE = 'usage: npm run -s token -- citizen <personalId> | staff <username> | client';

export async function main(argv: string[], baseUrl = process.env.BASE_URL || 'http://localhost:3000'): Promise<string> {
  const [kind, subject] = argv;
  switch (kind) {
    case 'citizen':
      if (!subject) throw new TokenCliError(USAGE);
      return citizenToken(baseUrl, subject);
    case 'staff':
      if (!subject) throw new TokenCliError(USAGE);
      return staffToken(baseUrl, subject);
    case 'client':
      return clientToken(baseUrl);
    default:
      throw new TokenCliError(USAGE);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (token) => process.stdout.write(token + '\n'),
    (error) => {
      process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
