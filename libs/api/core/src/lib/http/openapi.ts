import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorDto } from './api-error.dto';

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

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI document of the API: request bodies and parameters come from the DTO classes
 * through @nestjs/swagger's compiler plugin, responses from the controllers' decorators (ADR 0017).
 * The app must already have its global prefix.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, BASE, {
    extraModels: [ApiErrorDto],
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  // The global ValidationPipe answers 400 for any endpoint that takes input: said once, here.
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || operation.responses['400']) continue;
      if (!operation.requestBody && !(operation.parameters ?? []).length) continue;
      operation.responses['400'] = {
        description: 'the request fails validation: message names every field and what is wrong',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/ApiErrorDto' } },
        },
      };
    }
  }
  return document;
}
