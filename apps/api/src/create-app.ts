import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WritePositions } from '#identity';
import { configureHttpApp, createFastifyAdapter, serveWebPages } from '#platform';
import { AppModule, type ApiRuntime } from './app.module.js';

/** The api as served by `npm start` and exercised by the API tests: same modules, same HTTP setup. */
export async function createApp(runtime: ApiRuntime): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), createFastifyAdapter(runtime.config), {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    configureHttpApp(app, runtime.config);
    // Read-your-writes with replicas: each write's position on its session, before the answer leaves.
    app.get(WritePositions).register(app.getHttpAdapter().getInstance());
    // The browser's refresh token travels in an HttpOnly cookie (libs/identity browser-session routes).
    await app.register(fastifyCookie);
    // Proposal documents stream through here (libs/documents); each route narrows the file size to its requirement's.
    await app.register(fastifyMultipart, {
      limits: { fileSize: runtime.config.documents.maxUploadBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
    });
    await serveWebPages(app, runtime.config.webDir);
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
