import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web pages on the api's own origin. Built assets (content-hashed names) are served from
 * /assets/ and cached for a year; every other GET that no API route answers and that a browser
 * asks for as HTML gets index.html, so a reload on any page URL shows that page. Page paths never
 * coincide with API paths (a test compares them), and API clients asking for JSON still get a
 * problem+json 404 for unknown paths.
 *
 * Answers false when the pages have not been built into `webDir`.
 */
export async function serveWebPages(app: NestFastifyApplication, webDir: string): Promise<boolean> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, {
    root: join(webDir, 'assets'),
    prefix: '/assets/',
    wildcard: false,
    index: false,
    immutable: true,
    maxAge: '365d',
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || !wantsPage(request)) return;
    await reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(request.method === 'HEAD' ? '' : indexHtml);
  });
  return true;
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
