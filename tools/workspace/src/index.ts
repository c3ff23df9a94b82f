// The workspace's own Nx generators (a local Nx plugin: see generators.json).
export { provinceGenerator } from './generators/province/generator';
export type { ProvinceGeneratorSchema } from './generators/province/schema';
export { syncAdapterRegistry, renderRegistry } from './generators/province/registry';
