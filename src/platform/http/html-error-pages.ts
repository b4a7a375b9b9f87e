import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemDetails } from './problem-details';

/** What an error page may offer besides "back to the home page" (a login to start again, for instance). */
export interface ErrorPageOptions {
  /** A heading of the caller's own (the detail then says what happened). */
  readonly title?: string;
  readonly retry?: { readonly href: string; readonly label: string };
}

export type ErrorPageRenderer = (problem: ProblemDetails, options: ErrorPageOptions) => string;

/** True when an Accept header ranks text/html above JSON (a browser navigating, not an API client). */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = (type: string) => {
    let best = 0;
    for (const part of accept.split(',')) {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      if (range !== type && range !== `${type.split('/')[0]}/*`) continue;
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      best = Math.max(best, q ? Number(q[1]) : 1);
    }
    return best;
  };
  const html = quality('text/html');
  return html > 0 && html > Math.max(quality('application/json'), quality('application/problem+json'));
}

/**
 * Where the web layer plugs in its error page: a browser (Accept prefers text/html) gets a Vietnamese page in the
 * site's shell instead of problem+json (unknown URLs, refused logins, any error). The platform knows no page: the
 * web module registers its renderer at start; without one, errors stay problem+json.
 */
@Injectable()
export class HtmlErrorPages {
  private renderer: ErrorPageRenderer | null = null;

  use(renderer: ErrorPageRenderer): void {
    this.renderer = renderer;
  }

  /** The page for this request, or null when the caller is not a browser or no renderer is registered. */
  forRequest(
    request: FastifyRequest | undefined,
    problem: ProblemDetails,
    options: ErrorPageOptions = {},
  ): string | null {
    if (!this.renderer || !prefersHtml(request?.headers?.accept)) return null;
    try {
      return this.renderer(problem, options);
    } catch {
      return null; // a failing template must not hide the error: the problem+json still goes out
    }
  }
}
