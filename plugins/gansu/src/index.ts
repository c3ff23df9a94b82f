export { gansuAdapter, gansuManifest } from './gansu.adapter';
