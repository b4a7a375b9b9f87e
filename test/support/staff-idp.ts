import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Provider } from 'oidc-provider';

/** A person known to the test identity provider, and what its ID token says about them. */
export interface IdpPerson {
  readonly sub: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly employee_number?: string;
  readonly name?: string;
}

/**
 * The province's identity provider for tests: a real OpenID Connect provider (oidc-provider, as the sandbox e-ID)
 * on its own port. Its login step signs in `next` (who, and which `amr` the login reports) without a form, so a test
 * drives the whole redirect flow over HTTP. The client is registered once the service's callback URL is known.
 */
export class TestStaffIdp {
  next: { accountId: string; amr: string[] } = { accountId: '', amr: ['pwd'] };
  readonly clientId = 'tctn-staff';
  readonly clientSecret = randomBytes(24).toString('base64url');
  private provider: any;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly people: Map<string, IdpPerson>,
  ) {}

  static async start(people: IdpPerson[]): Promise<TestStaffIdp> {
    const holder: { idp?: TestStaffIdp } = {};
    const server = createServer((req, res) => void holder.idp!.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const idp = new TestStaffIdp(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      new Map(people.map((p) => [p.sub, p])),
    );
    holder.idp = idp;
    return idp;
  }

  /** Registers the service as the provider's client (its redirect URI) and starts answering. */
  register(redirectUri: string): void {
    const people = this.people;
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [{ ...key, use: 'sig', alg: 'RS256' }] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name', 'employee_number'] },
      conformIdTokenClaims: false,
      findAccount: async (_ctx: unknown, sub: string) => {
        const person = people.get(sub);
        return person ? { accountId: sub, claims: async () => ({ ...person }) } : undefined;
      },
      loadExistingGrant: async (ctx: any) => {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client.clientId,
          accountId: ctx.oidc.session.accountId,
        });
        grant.addOIDCScope('openid profile email');
        await grant.save();
        return grant;
      },
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.provider) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      await this.provider.interactionFinished(
        req,
        res,
        { login: { accountId: this.next.accountId, amr: this.next.amr } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    await this.provider.callback()(req, res);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/**
 * Follows a browser's redirects from `start` (manual redirects, one cookie jar per host) until a response that is
 * not a redirect, or a redirect to `stopAt`'s origin + path; returns that last response and its Location.
 */
export async function followRedirects(
  start: string,
  stopAt: string,
  headers: Record<string, string> = { accept: 'text/html' },
): Promise<{ status: number; location: string | null; body: string }> {
  const jars = new Map<string, Map<string, string>>();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    const target = new URL(url);
    const jar = jars.get(target.host) ?? new Map<string, string>();
    jars.set(target.host, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(set) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      return { status: res.status, location: null, body: await res.text() };
    const next = new URL(location, url).href;
    if (next.startsWith(stopAt)) return { status: res.status, location: next, body: '' };
    url = next;
  }
  throw new Error('too many redirects');
}
