import type { SourceFile } from '@efficacy/plugin-sdk';

/** The upload as the adapters see it: a name and bytes. */
export function toSourceFile(upload: Express.Multer.File | undefined): SourceFile {
  if (!upload) throw new MissingFileError();
  // Browsers send names in latin1 under multipart; Chinese file names need the round trip.
  const name = Buffer.from(upload.originalname, 'latin1').toString('utf8');
  return {
    name,
    bytes: new Uint8Array(upload.buffer.buffer, upload.buffer.byteOffset, upload.buffer.byteLength),
  };
}

export class MissingFileError extends Error {
  constructor() {
    super('no file uploaded: send the spreadsheet as multipart field "file"');
  }
}

/** Upload limits: the SDK applies its own (decompressed size, rows) on top. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
