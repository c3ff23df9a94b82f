export { ningxiaAdapter, ningxiaManifest } from './ningxia.adapter';
