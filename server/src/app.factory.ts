import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/app-config';
import { ApiError } from './common/errors/api-error.view';
import { pinoLevel } from './common/logging/logging';
import { createValidationPipe } from './common/validation';
import { ensureDatabase, runMigrations } from './database/data-source-options';
import { compressApi, serveFrontEnds } from './front-ends';
import { DrainService } from './common/lifecycle/drain.service';
import { MetricsService } from './modules/metrics/metrics.service';

export const API_PREFIX = 'api/v1';

/** Builds the configured Nest application; used by main.ts, the tests and the OpenAPI writer. */
/**
 * `shutdownHooks: false` leaves SIGTERM/SIGINT to the caller (main.ts drains and exits 0;
 * Nest's own hooks re-raise the signal, so the process would end with 143).
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: false | ('log' | 'warn' | 'error')[]; shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  // Create the database if it is missing; migrations run below, under a lock, once Nest has its connections.
  await ensureDatabase(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, pinoLevel(options.logger, config.log.level)), {
    // Nest's start-up lines wait until the structured logger below takes over.
    bufferLogs: true,
    bodyParser: false,
    // JSON bodies keep their bytes too (req.rawBody): WeChat Pay signs the body as sent.
    rawBody: true,
  });
  app.useLogger(app.get(PinoLogger));
  // First of all: requests in hand are counted for the graceful shutdown, and timed for /metrics.
  app.use(app.get(DrainService).middleware);
  const metrics = app.get(MetricsService);
  app.use(metrics.track);
  // Outside /api/v1, the auth guard and the rate limits: Prometheus brings METRICS_TOKEN.
  app.use('/metrics', metrics.endpoint);
  app.useBodyParser('json', { limit: '256kb' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Security headers for the API and the pages served beside it. Same origin only;
  // inline styles (antd, Taro) and Swagger UI's inline script are allowed, nothing else.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'blob:', 'data:'], // the h5 upload reads the picked photo through a blob: URL
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compressApi());
  serveFrontEnds(app, config);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  await runMigrations(app.get(DataSource));
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Yizhan API')
    .setDescription('一站 — the HTTP contract of the resident mini-program, the admin pages and outside clients (see API.md).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    extraModels: [ApiError],
  });
  // Every operation can fail the same way ({statusCode, code, message}, HttpExceptionFilter):
  // say so once here rather than on each handler.
  const errorResponse = { description: '错误：稳定的 code 与中文 message', content: { 'application/json': { schema: { $ref: getSchemaPath(ApiError) } } } };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation) operation.responses = { ...operation.responses, default: errorResponse };
    }
  }
  return document;
}
