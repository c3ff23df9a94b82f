/**
 * DI tokens of this library. Values that are not classes (the indicator catalogue, the
 * reference data) are provided under these, so a test can swap them without a string key.
 */
export const INDICATOR_CATALOGUE_TOKEN = Symbol('IndicatorCatalogue');
export const REFERENCE_DATA_TOKEN = Symbol('ReferenceData');
/** The region editions loaded at start (REGION_EDITIONS); a test may add a later one. */
export const REGION_EDITIONS_TOKEN = Symbol('RegionEditions');
