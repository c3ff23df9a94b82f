export * from './lib/composition/compose';
export * from './lib/composition/annex-specs';
export * from './lib/composition/templates';
