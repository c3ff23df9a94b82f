import { createHash } from 'node:crypto';

/** Evidence files are photos, scans and office documents; 10 MB each is plenty for those. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const KINDS: ReadonlyArray<{
  mediaType: string;
  extensions: readonly string[];
  matches(bytes: Buffer): boolean;
}> = [
  {
    mediaType: 'application/pdf',
    extensions: ['pdf'],
    matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    mediaType: 'image/png',
    extensions: ['png'],
    matches: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mediaType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    matches: (b) => isZip(b) && b.includes(Buffer.from('word/')),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    matches: (b) => isZip(b) && b.includes(Buffer.from('xl/')),
  },
];

function isZip(b: Buffer): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export class EvidenceRejected extends Error {
  override readonly name = 'EvidenceRejected';
}

export interface CheckedEvidence {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Checks an uploaded evidence file: not empty, within the size limit, and its bytes are the
 * type its name claims (PDF, PNG, JPEG, DOCX, XLSX), whatever the browser declared.
 */
export function checkEvidence(fileName: string, bytes: Buffer): CheckedEvidence {
  const name = fileName.trim();
  if (!name) throw new EvidenceRejected('the evidence file has no name');
  if (bytes.length === 0) throw new EvidenceRejected(`evidence file "${name}" is empty`);
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw new EvidenceRejected(
      `evidence file "${name}" is ${bytes.length} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (10 MB)`,
    );
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  const kind = KINDS.find((k) => k.matches(bytes));
  if (!kind)
    throw new EvidenceRejected(
      `evidence file "${name}" is not a PDF, PNG, JPEG, DOCX or XLSX file (its content says otherwise)`,
    );
  if (!kind.extensions.includes(extension))
    throw new EvidenceRejected(
      `evidence file "${name}" is named .${extension || '(none)'} but its content is ${kind.mediaType}; rename it .${kind.extensions[0]}`,
    );
  return {
    fileName: name,
    mediaType: kind.mediaType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}
