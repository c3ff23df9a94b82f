import { uploadRefusal } from './upload-refusal';

const refused = (status: number, message: string) =>
  uploadRefusal({ status, message, denied: false });

describe('uploadRefusal', () => {
  it('maps the evidence checks to sentences of their own, keeping the API sentence as detail', () => {
    const wrongType = refused(
      400,
      'evidence file "a.txt" is not a PDF, PNG, JPEG, DOCX or XLSX file (its content says otherwise)',
    );
    expect(wrongType).toEqual({
      key: 'upload.refusal.evidenceType',
      params: {},
      detail:
        'evidence file "a.txt" is not a PDF, PNG, JPEG, DOCX or XLSX file (its content says otherwise)',
    });
    expect(
      refused(
        400,
        'evidence file "x.png" is named .png but its content is application/pdf; rename it .pdf',
      ),
    ).toEqual(
      expect.objectContaining({
        key: 'upload.refusal.extension',
        params: { given: 'png', wanted: 'pdf' },
      }),
    );
    expect(
      refused(400, 'evidence file "b.pdf" is 20000000 bytes; the limit is 10485760 bytes (10 MB)'),
    ).toEqual(
      expect.objectContaining({ key: 'upload.refusal.tooLarge', params: { limit: '10 MB' } }),
    );
    expect(refused(400, 'evidence file "c.pdf" is empty').key).toBe('upload.refusal.empty');
  });

  it('maps import refusals, and falls back to a general sentence', () => {
    expect(
      refused(422, 'x.xlsx: no adapter recognises this file; choose one with "adapter"').key,
    ).toBe('upload.refusal.noAdapter');
    expect(refused(422, '2 unit name(s) match no unit: confirm …').params).toEqual({ count: '2' });
    expect(refused(0, 'Http failure response').key).toBe('upload.refusal.offline');
    expect(refused(500, 'Internal server error').key).toBe('upload.refusal.other');
  });
});
