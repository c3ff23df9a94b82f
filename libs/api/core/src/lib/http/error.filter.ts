import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '@efficacy/api-contract';

/**
 * One error body everywhere: status, reason phrase, a sentence saying what is
 * wrong, and the request id to quote when asking for help. Unexpected errors
 * are logged in full and answered without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request & { requestId?: string }>();
    const response = ctx.getResponse<Response>();
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let message = 'internal error: the server logged the details under this request id';
    let details: unknown;

    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') message = body;
      else if (body && typeof body === 'object') {
        const m = (body as { message?: unknown }).message;
        message = Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : exception.message;
        details = (body as { details?: unknown }).details;
      }
    } else {
      this.logger.error(
        `${request.method} ${request.originalUrl} [${request.requestId}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }

    const payload: ApiErrorBody & { details?: unknown } = {
      statusCode: status,
      error: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
      message,
      requestId: request.requestId,
    };
    if (details !== undefined) payload.details = details;
    if (status === HttpStatus.UNAUTHORIZED) {
      response.setHeader(
        'WWW-Authenticate',
        `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
      );
    }
    response.status(status).json(payload);
  }
}
