import type { NormalisedBatch } from './batch';
import type { AdapterManifest } from './manifest';
import type { CaseRecord } from '@efficacy/indicator-model';

/** A file as uploaded: adapters never see paths, only the name and the bytes. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Resource limits for reading one file. They exist because uploads are untrusted: an xlsx
 * is a zip, and a few kilobytes can inflate to gigabytes.
 */
export interface ImportLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Sum of the decompressed sizes of all entries of an xlsx zip. */
  maxUncompressedBytes: number;
  /** Entries in an xlsx zip (a zip with thousands of tiny entries is also an attack). */
  maxZipEntries: number;
  /** Rows per sheet. */
  maxRows: number;
  /** Columns per sheet. */
  maxColumns: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 2000,
  maxRows: 100_000,
  maxColumns: 500,
});

export function resolveLimits(limits?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...(limits ?? {}) };
}

/** What the caller knows that the file may not say. */
export interface ParseContext {
  /** Period notation to use when the file does not state one. */
  period?: string;
  /** Year to complete partial phrases such as "1-8月" when the file gives no year. */
  year?: number;
  /** GB/T 2260 code of the region the file is about, when the file does not name it. */
  regionCode?: string;
  /** An explicit report kind chosen by the user instead of detection. */
  reportKind?: string;
  limits?: Partial<ImportLimits>;
}

export interface DetectResult {
  /** 0 = certainly not this adapter's file, 1 = certain. */
  confidence: number;
  /** The report kind id from the manifest; absent when confidence is 0. */
  reportKind?: string;
  /** Human-readable reason, shown in the dry run next to the choice. */
  reason: string;
}

/**
 * A province adapter: pure functions from a file to a normalised batch. No I/O, no
 * database, no framework; the API persists what `parse` returns.
 */
export interface ProvinceAdapter {
  readonly manifest: AdapterManifest;
  detect(file: SourceFile, context?: ParseContext): Promise<DetectResult>;
  parse(file: SourceFile, context?: ParseContext): Promise<NormalisedBatch>;
  /**
   * Optional capability: stream the case records (办件) of a case export, in batches (for
   * example one per chunk read) so that a consumer of millions of rows waits once per batch,
   * not once per record. The bytes are read once, in order, and never held whole, so memory
   * does not grow with the file.
   */
  readCases?(source: CaseSource): AsyncIterable<readonly CaseRecord[]>;
}

/** A case export as a stream of bytes: millions of rows, so never a buffer. */
export interface CaseSource {
  readonly name: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}
