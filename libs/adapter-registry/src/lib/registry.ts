import type { DetectResult, ParseContext, ProvinceAdapter, SourceFile } from '@efficacy/plugin-sdk';

import { ADAPTERS } from './adapters.generated';

/** One adapter's answer to "is this file yours?". */
export interface AdapterCandidate {
  readonly adapter: ProvinceAdapter;
  /** The adapter id (= manifest.id), for display and for `--adapter`. */
  readonly id: string;
  readonly confidence: number;
  readonly reportKind?: string;
  readonly reason: string;
}

export interface AdapterRegistry {
  readonly adapters: readonly ProvinceAdapter[];
  ids(): string[];
  find(id: string): ProvinceAdapter | undefined;
  /** Like find, with an error that lists the known ids (for an explicit choice by a user). */
  require(id: string): ProvinceAdapter;
  /** Runs every adapter's detect; candidates ranked by confidence, ties in registry order. */
  detect(file: SourceFile, context?: ParseContext): Promise<AdapterCandidate[]>;
}

export class UnknownAdapterError extends Error {
  override readonly name = 'UnknownAdapterError';
  constructor(
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(
      `no adapter "${id}" is registered (known: ${known.length > 0 ? known.join(', ') : 'none'})`,
    );
  }
}

async function detectOne(
  adapter: ProvinceAdapter,
  file: SourceFile,
  context: ParseContext | undefined,
): Promise<AdapterCandidate> {
  const id = adapter.manifest.id;
  let result: DetectResult;
  try {
    // Each adapter gets its own copy: a detect that mutated the bytes would spoil the others.
    result = await adapter.detect({ name: file.name, bytes: new Uint8Array(file.bytes) }, context);
  } catch (error) {
    // Detection runs every adapter on every upload: one broken plugin must not block the rest.
    const message = error instanceof Error ? error.message : String(error);
    return { adapter, id, confidence: 0, reason: `detect failed: ${message}` };
  }
  const confidence = Number.isFinite(result.confidence)
    ? Math.min(1, Math.max(0, result.confidence))
    : 0;
  return {
    adapter,
    id,
    confidence,
    ...(result.reportKind !== undefined ? { reportKind: result.reportKind } : {}),
    reason: result.reason,
  };
}

/** A registry over any list of adapters (the generated one, or fakes in tests). */
export function createAdapterRegistry(adapters: readonly ProvinceAdapter[]): AdapterRegistry {
  const byId = new Map<string, ProvinceAdapter>();
  for (const adapter of adapters) {
    const id = adapter.manifest.id;
    if (byId.has(id)) throw new Error(`two registered adapters have the id "${id}"`);
    byId.set(id, adapter);
  }
  const ids = (): string[] => adapters.map((adapter) => adapter.manifest.id);
  return {
    adapters,
    ids,
    find: (id) => byId.get(id),
    require(id) {
      const adapter = byId.get(id);
      if (!adapter) throw new UnknownAdapterError(id, ids());
      return adapter;
    },
    async detect(file, context) {
      const candidates = await Promise.all(
        adapters.map((adapter) => detectOne(adapter, file, context)),
      );
      // Array.prototype.sort is stable: equal confidences keep registry order.
      return candidates.sort((a, b) => b.confidence - a.confidence);
    },
  };
}

/** The registry of every plugin in the workspace. */
export const ADAPTER_REGISTRY: AdapterRegistry = createAdapterRegistry(ADAPTERS);

export function findAdapter(id: string): ProvinceAdapter | undefined {
  return ADAPTER_REGISTRY.find(id);
}

export function requireAdapter(id: string): ProvinceAdapter {
  return ADAPTER_REGISTRY.require(id);
}

/** Every registered adapter's opinion of the file, most confident first. */
export function detectAdapter(
  file: SourceFile,
  context?: ParseContext,
): Promise<AdapterCandidate[]> {
  return ADAPTER_REGISTRY.detect(file, context);
}
