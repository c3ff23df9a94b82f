export { sichuanAdapter, sichuanManifest } from './sichuan.adapter';
