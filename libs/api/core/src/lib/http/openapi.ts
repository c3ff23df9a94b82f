import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Where the document is served: the UI at /api/docs, the JSON at /api/docs-json. */
export const OPENAPI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

const BASE = new DocumentBuilder()
  .setTitle('Efficacy API')
  .setDescription(
    'Supervision of government-service performance: indicators, assessments, imports, rectification tasks and bulletins. ' +
      'Every endpoint but health and auth discovery needs a Keycloak access token. ' +
      'Errors share one body (statusCode, error, message, requestId); a request that fails validation answers 400 ' +
      'with every problem in message.',
  )
  .setVersion('0.1.0')
  .addBearerAuth()
  .build();

/**
 * The OpenAPI document of the API: request bodies and parameters come from the DTO classes
 * through @nestjs/swagger's compiler plugin (ADR 0016), responses from the controllers' decorators.
 * The app must already have its global prefix.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(app, BASE, {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
}
