import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebAsset, WebAssetStore } from './web-asset-store';
import { Public } from '../platform/http/access-policy';

/** A fingerprinted URL never changes content: cached for a year, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An unversioned URL (or another deployment's fingerprint, during a rolling upgrade): revalidated after 5 minutes. */
const REVALIDATE = 'public, max-age=300, must-revalidate';

/**
 * Serves the assets of WebAssetStore: `/assets/v-<fingerprint>/<path>` (what pages link) and `/assets/<path>`
 * (the unversioned path, for anything that still links it). Compressed copies, made once per asset, go to a browser
 * that accepts them.
 */
@ApiExcludeController()
@Public()
@Controller('assets')
export class WebAssetsController {
  constructor(private readonly assets: WebAssetStore) {}

  @Get('*')
  serve(@Param('*') path: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const versioned = /^v-([0-9a-f]{12})\/(.+)$/.exec(path);
    const asset = this.assets.get(versioned ? versioned[2] : path);
    if (!asset) throw new NotFoundException();
    const current = versioned?.[1] === this.assets.fingerprint;
    void reply.header('cache-control', current ? IMMUTABLE : REVALIDATE).header('etag', asset.etag);
    if (asset.compressible) void reply.header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === asset.etag) {
      void reply.code(304).send();
      return;
    }
    const [encoding, body] = encoded(asset, request.headers['accept-encoding']);
    if (encoding) void reply.header('content-encoding', encoding);
    void reply.type(asset.contentType).send(body);
  }
}

/** The best stored encoding the client accepts (brotli, then gzip), else the plain bytes. */
function encoded(asset: WebAsset, accept: string | string[] | undefined): [string | null, Buffer] {
  const accepted = new Set(
    String(accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (!asset.compressible) return [null, asset.body];
  if (accepted.has('br')) return ['br', asset.encoded('br')];
  if (accepted.has('gzip')) return ['gzip', asset.encoded('gzip')];
  return [null, asset.body];
}
