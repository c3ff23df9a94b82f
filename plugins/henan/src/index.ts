export { henanAdapter, henanManifest } from './henan.adapter';
export { ANNEX_KINDS, COMBINED_ANNEXES_KIND } from './mappings/annexes';
export type { AnnexKind } from './mappings/annexes';
export { HENAN_REGIONS } from './mappings/regions';
export type { HenanRegion } from './mappings/regions';
