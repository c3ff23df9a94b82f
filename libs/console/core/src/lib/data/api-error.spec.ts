import { HttpErrorResponse } from '@angular/common/http';
import { describeApiError, describeBlobError } from './api-error';

describe('describeApiError', () => {
  it('treats 403 and 404 alike: the user cannot see this here', () => {
    for (const status of [403, 404]) {
      const f = describeApiError(
        new HttpErrorResponse({
          status,
          error: { statusCode: status, error: 'x', message: 'region "640181" not found' },
        }),
      );
      expect(f).toEqual({ status, message: 'region "640181" not found', denied: true });
    }
  });

  it('keeps the API’s sentence for other failures', () => {
    const f = describeApiError(
      new HttpErrorResponse({
        status: 422,
        error: { statusCode: 422, error: 'x', message: 'no adapter recognises this file' },
      }),
    );
    expect(f.denied).toBe(false);
    expect(f.message).toBe('no adapter recognises this file');
  });

  it('reads the message out of a failed download', async () => {
    const body = new Blob([JSON.stringify({ statusCode: 404, message: 'import x not found' })]);
    // jsdom's Blob lacks text(); the browser's has it.
    (body as unknown as { text: () => Promise<string> }).text = async () =>
      JSON.stringify({ statusCode: 404, message: 'import x not found' });
    const f = await describeBlobError(new HttpErrorResponse({ status: 404, error: body }));
    expect(f).toEqual({ status: 404, message: 'import x not found', denied: true });
  });
});
