/** Options of `nx g @efficacy/workspace:province` (see schema.json). */
export interface ProvinceGeneratorSchema {
  /** Pinyin of the province, lower case, e.g. `shaanxi`. */
  name: string;
  /** GB/T 2260 province code, e.g. `610000`. */
  code: string;
}
