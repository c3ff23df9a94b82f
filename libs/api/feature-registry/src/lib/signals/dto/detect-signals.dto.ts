import { RegionPeriodQuery } from '../../http/query-fields';

/** GET /api/signals: what a supervisor should look at in a region's period. */
export class DetectSignalsDto extends RegionPeriodQuery {}
