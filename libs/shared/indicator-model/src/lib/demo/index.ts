import type { Registry } from '../regions/hierarchy';
import type { Dataset } from '../values/observation';
import { DEMO_REGIONS } from './regions';
import { YINDU_2023_06 } from './seeds/henan';
import { JINFENG_2022_01_08, LINGWU_2022_H1 } from './seeds/ningxia';
import { XIQU_2022_09 } from './seeds/sichuan';
import { DEMO_UNITS } from './units';

export {
  DEMO_REGIONS,
  JINFENG_TOWNSHIPS,
  LINGWU_TOWNSHIPS,
  SEED_GB_REGIONS,
  XIQU_TOWNSHIPS,
  XIQU_VILLAGES,
} from './regions';
export { DEMO_UNITS, JIAYUGUAN_UNITS, JINFENG_UNITS, XIQU_UNITS, YINDU_UNITS } from './units';
export { YINDU_2023_06, YINDU_ANNEX8_GROUPS } from './seeds/henan';
export { JINFENG_2022_01_08, LINGWU_2022_H1 } from './seeds/ningxia';
export { XIQU_2022_09 } from './seeds/sichuan';
export { SEED_ADAPTER, transcribeTable, transcribeText } from './seeds/table';
export type { ColumnSpec, RowSpec, TableRecords, TableSpec, TextFigure } from './seeds/table';

/** The seeds' regions and units, ready for hierarchyAsOf and the unit matcher. */
export const DEMO_REGISTRY: Registry = { regions: DEMO_REGIONS, units: DEMO_UNITS };

/** Every seed table and text figure as imported datasets (one per bulletin). */
export const DEMO_DATASETS: readonly Dataset[] = [
  JINFENG_2022_01_08,
  LINGWU_2022_H1,
  YINDU_2023_06,
  XIQU_2022_09,
];
