export { ADAPTERS } from './lib/adapters.generated';
export {
  ADAPTER_REGISTRY,
  createAdapterRegistry,
  detectAdapter,
  findAdapter,
  requireAdapter,
  UnknownAdapterError,
} from './lib/registry';
export type { AdapterCandidate, AdapterRegistry } from './lib/registry';
