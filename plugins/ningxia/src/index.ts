export { ningxiaAdapter, ningxiaManifest } from './ningxia.adapter';
export { readNingxiaCases } from './cases/read-cases';
