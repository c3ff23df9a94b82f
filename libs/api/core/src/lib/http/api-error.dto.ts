import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ApiErrorBody } from '@efficacy/api-contract';

/** The body of every error the API returns (ErrorFilter writes it). */
export class ApiErrorDto implements ApiErrorBody {
  /** The HTTP status, repeated in the body. */
  statusCode!: number;

  /** The status's reason phrase in lower case, e.g. "not found". */
  error!: string;

  /**
   * One sentence saying what is wrong and where; for a request that fails validation, every
   * problem joined with "; ".
   * @example "title must not be empty; leadUnitId must be a unit id such as 640106:spj"
   */
  message!: string;

  /** The id to quote when asking for help; the same as the x-request-id header. */
  requestId?: string;
}

/** Error answers an endpoint can give, each with the shared error body: status → when it happens. */
export function ApiErrors(errors: Partial<Record<400 | 404 | 409 | 413 | 415 | 422, string>>) {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ApiErrorDto }),
    ),
  );
}
