import { checkEvidence, EvidenceRejected, MAX_EVIDENCE_BYTES } from './evidence';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('evidence checks', () => {
  it('accepts a PDF and records its SHA-256, type and size', () => {
    const checked = checkEvidence('整改报告.pdf', pdf);
    expect(checked.mediaType).toBe('application/pdf');
    expect(checked.size).toBe(pdf.length);
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(() => checkEvidence('photo.png', pdf)).toThrow(
      /named \.png but its content is application\/pdf/,
    );
    expect(() => checkEvidence('run.pdf', Buffer.from('#!/bin/sh\nrm -rf /'))).toThrow(
      EvidenceRejected,
    );
  });

  it('refuses empty and oversized files, naming the limit', () => {
    expect(() => checkEvidence('a.pdf', Buffer.alloc(0))).toThrow(/empty/);
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    expect(() => checkEvidence('a.pdf', big)).toThrow(/10 MB/);
  });
});
