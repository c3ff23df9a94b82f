import { INestApplication, ValidationPipe } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';
import { createOpenApiDocument, OPENAPI_JSON_PATH, OPENAPI_PATH } from './openapi';
import { applySecurity } from './security';

/**
 * Global HTTP setup shared by the server and the integration tests, so the
 * tests exercise the same prefix, validation, CORS and OpenAPI document.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  applySecurity(app, config);
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.corsOrigins,
    exposedHeaders: [
      'x-request-id',
      'content-disposition',
      'x-total-count',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ],
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  // In production the API's description is served only when API_DOCS=true says so.
  if (config.apiDocs) {
    SwaggerModule.setup(OPENAPI_PATH, app, () => createOpenApiDocument(app), {
      jsonDocumentUrl: OPENAPI_JSON_PATH,
    });
  }
}
