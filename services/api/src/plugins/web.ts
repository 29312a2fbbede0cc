import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { WEB_DIST_DIR } from '@firmly/web/dist-dir';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_JSON } from './problem';

export interface WebPageOptions {
  /** The built page (`pnpm build:web`); by default services/web/dist of this checkout. */
  distDir?: string;
}

export const DEFAULT_WEB_DIST = WEB_DIST_DIR;

/** Paths that belong to the API and its tools: an unknown one there is a 404, never the page. */
const NOT_THE_PAGE = /^\/(?:v1|docs|metrics|admin)(?:[/?]|$)/;

/**
 * The operator's web page (services/web), served from the API's own origin: hashed assets
 * cached for a year, index.html never cached (so a deploy is picked up on the next load), and
 * index.html for every other GET of a browser (the page routes itself with the History API, so
 * a reload of /clients/… must find it). Encapsulated: its `sendFile` decorator stays in here.
 */
export async function webPage(app: FastifyInstance, options: WebPageOptions = {}) {
  const root = options.distDir ?? DEFAULT_WEB_DIST;
  const built = existsSync(join(root, 'index.html'));
  const assets = join(root, 'assets') + sep;

  if (built) {
    await app.register(fastifyStatic, {
      root,
      // One route per built file (globbed now) instead of a catch-all: the fallback below is the catch-all.
      wildcard: false,
      index: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, path) => {
        // Vite names assets by their content hash: a changed file is a new URL.
        reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  const sendPage = (reply: FastifyReply) => {
    if (!built) return notBuilt(reply, root);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };

  app.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (!wantsThePage(request)) return reply.callNotFound();
    return sendPage(reply);
  });
}

function wantsThePage(request: FastifyRequest): boolean {
  if (NOT_THE_PAGE.test(request.url)) return false;
  // A browser navigating asks for HTML; a script or tool asking for an unknown path gets the 404.
  return (request.headers.accept ?? '').includes('text/html');
}

function notBuilt(reply: FastifyReply, root: string) {
  return reply
    .status(503)
    .type(PROBLEM_JSON)
    .send({
      type: 'about:blank',
      title: 'Web page not built',
      status: 503,
      detail: `the operator's page is not built (no ${join(root, 'index.html')}); run \`pnpm build:web\` and restart. The API is under /v1, its documentation at /docs.`,
    });
}
