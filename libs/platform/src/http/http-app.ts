import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

/** Fastify with the body limit, request ids taken from (or written to) X-Request-Id, and no logger of its own. */
export function createFastifyAdapter(config: Pick<AppConfig, 'bodyLimitBytes' | 'trustProxy'>): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
    logger: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
}

/** Everything between the Nest application and the wire, the same for `npm start` and the API tests. */
export function configureHttpApp(app: NestFastifyApplication, config: Pick<AppConfig, 'corsOrigins'>): OpenAPIObject {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useSecurityHeaders({
    // The OpenAPI page at /docs runs Swagger UI's own script and styles from this origin.
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      credentials: false,
      exposedHeaders: [REQUEST_ID_HEADER, 'etag', 'location', 'retry-after'],
    });
  }
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });
  return setupOpenApi(app);
}

function setupOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('jointcall API')
      .setDescription(
        'International joint grant calls: calls, joint applications, institution approval, reviews and decisions. ' +
          'Errors are RFC 9457 problem+json with a stable `code` and the request id.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}
