export * from './lib/imports.module';
export * from './lib/imports.service';
