import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@efficacy/api-contract';

/** A failed API call as a page shows it. */
export interface ApiFailure {
  /** HTTP status; 0 when the API could not be reached. */
  readonly status: number;
  /** The API's own sentence when it sent one, otherwise the transport's. */
  readonly message: string;
  /**
   * 403 (no permission) and 404 (not in the user's scope, or not there at all: the API does
   * not say which) both mean "you cannot see this here".
   */
  readonly denied: boolean;
}

function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string' && body.trim()) {
    try {
      return bodyMessage(JSON.parse(body));
    } catch {
      return body;
    }
  }
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as Partial<ApiErrorBody>).message;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof HttpErrorResponse) {
    return {
      status: error.status,
      message: bodyMessage(error.error) ?? error.message,
      denied: error.status === 403 || error.status === 404,
    };
  }
  return {
    status: -1,
    message: error instanceof Error ? error.message : String(error),
    denied: false,
  };
}

/** Error bodies of blob requests arrive as a Blob; read them so the message is not lost. */
export async function describeBlobError(error: unknown): Promise<ApiFailure> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    const text = await error.error.text();
    return describeApiError(
      new HttpErrorResponse({ error: text, status: error.status, statusText: error.statusText }),
    );
  }
  return describeApiError(error);
}
