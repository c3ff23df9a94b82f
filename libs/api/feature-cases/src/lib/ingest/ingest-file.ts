import { createReadStream } from 'node:fs';
import type { ClientBase } from 'pg';
import type { CaseRecord } from '@efficacy/indicator-model';
import type { CaseSource } from '@efficacy/plugin-sdk';
import { claimSlots, copyCases, type IngestProgress, type IngestResult } from './case-ingest';
import { recomputeSlots, type RecomputeResult } from './recompute';

export interface IngestFileOptions {
  importId: string;
  path: string;
  name: string;
  readCases: (source: CaseSource) => AsyncIterable<readonly CaseRecord[]>;
  allowedRegions: ReadonlySet<string>;
  onProgress?(progress: IngestProgress): void | Promise<void>;
}

export interface IngestFileResult {
  ingest: IngestResult;
  recompute: RecomputeResult;
}

/**
 * The whole ingestion of one file inside the caller's transaction: stream → adapter → COPY,
 * claim the (region, month) slots, recompute only those. Shared by the job and the benchmark.
 */
export async function ingestCaseFile(
  client: ClientBase,
  options: IngestFileOptions,
): Promise<IngestFileResult> {
  let bytes = 0;
  const stream = createReadStream(options.path, { highWaterMark: 1024 * 1024 });
  // Closing the file early (a bad row stops the read) is not an error of its own.
  stream.on('error', () => undefined);
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  try {
    const ingest = await copyCases(client, {
      importId: options.importId,
      records: options.readCases({ name: options.name, bytes: counted() }),
      bytesRead: () => bytes,
      allowedRegions: options.allowedRegions,
      onProgress: options.onProgress,
    });
    await claimSlots(client, options.importId, ingest);
    const recompute = await recomputeSlots(client, ingest.slots);
    return { ingest, recompute };
  } finally {
    stream.destroy();
  }
}
