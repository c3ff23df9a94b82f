import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';

/**
 * Global HTTP setup shared by the server and the integration tests, so the
 * tests exercise the same prefix, validation, CORS and OpenAPI document.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.corsOrigins,
    exposedHeaders: ['x-request-id', 'content-disposition', 'x-total-count'],
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  const openApi = new DocumentBuilder()
    .setTitle('Efficacy API')
    .setDescription(
      'Supervision of government-service performance: indicators, assessments, imports, rectification tasks and bulletins. ' +
        'Every endpoint but health and auth discovery needs a Keycloak access token.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
