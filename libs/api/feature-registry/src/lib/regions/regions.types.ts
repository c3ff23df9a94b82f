// The API's response shapes are the shared contract the console and the CLI read.
export type {
  RecordRegionSuccessionResult,
  RegionChild,
  RegionDetail,
  RegionNode,
  RegionRef,
  RegionSearchHit,
  RegionSuccession,
  UnitListItem,
} from '@efficacy/api-contract';
