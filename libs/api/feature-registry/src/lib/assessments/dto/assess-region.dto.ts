import { RegionPeriodQuery } from '../../http/query-fields';

/** GET /api/assessments: every indicator for a region and its children in a period. */
export class AssessRegionDto extends RegionPeriodQuery {}
