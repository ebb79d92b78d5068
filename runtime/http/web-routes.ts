import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundProblem } from './error-handler.js';

export interface WebRoutesOptions {
  webRoot: string | undefined;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Ordo</title></head>
<body>
<h1>Ordo</h1>
<p>网页应用尚未构建：请运行 <code>npm run build:web</code>。接口可在 <a href="/docs">/docs</a> 查看。</p>
<p lang="en">The web app is not built: run <code>npm run build:web</code>. The API is described at <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

/** The built web app's entry page, when there is one. */
export function webIndexPath(webRoot: string | undefined): string | undefined {
  if (webRoot === undefined) return undefined;
  const index = path.join(path.resolve(webRoot), 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serves the built web app from webRoot, or a page saying it is not built. */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, { webRoot }) => {
  const index = webIndexPath(webRoot);
  if (index === undefined || webRoot === undefined) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: path.resolve(webRoot),
    prefix: '/',
    dotfiles: 'ignore',
    decorateReply: false,
    schemaHide: true,
    setHeaders: (reply, filePath) => {
      // The entry page names the current hashed assets, so it must not be cached; the assets may be.
      if (filePath.endsWith('.html')) reply.header('cache-control', 'no-cache');
    },
  });
};

/**
 * The server's not-found answer. Paths of the single-page app (/orders/123) get its entry page so
 * that a reload works; /api and /docs paths, other methods and missing files get 404 problem+json.
 */
export function createNotFoundHandler(webRoot: string | undefined) {
  const index = webIndexPath(webRoot);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (index === undefined || !isAppPath(request.method, pathname)) return notFoundProblem(request, reply);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await readFile(index));
  };
}

function isAppPath(method: string, pathname: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname === '/docs' || pathname.startsWith('/docs/')) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}
