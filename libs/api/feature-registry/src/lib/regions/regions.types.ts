// The API's response shapes are the shared contract the console and the CLI read.
export type { RegionNode, RegionRef, UnitListItem, RegionDetail } from '@efficacy/api-contract';
