import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { buildOpenApiDocument, createRootLogger, loadConfig } from '#platform';
import { AppModule } from '../../api/src/app.module.js';

/** Where the pages' typed client finds the API's types; `npm run api:types` writes it, a test compares it. */
export const API_TYPES_FILE = 'apps/web/src/api/schema.d.ts';

const HEADER = "// Generated from the api's OpenAPI document by `npm run api:types`. Do not edit.\n\n";

/**
 * The TypeScript types of the API, generated from the OpenAPI document that the api itself
 * serves. The application is built in preview mode: routes and DTOs are read, nothing connects
 * to a database.
 */
export async function generateApiTypes(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const logger = createRootLogger({ logLevel: 'silent', logPretty: false });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: 'postgres://preview/none', logger }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    const document = buildOpenApiDocument(app);
    const ast = await openapiTS(document as unknown as OpenAPI3, { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
  }
}
