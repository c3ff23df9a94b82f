export * from './lib/api/bulletins.module';
export { renderFiles } from './lib/api/bulletins.service';
export * from './lib/composition/compose';
export * from './lib/composition/annex-specs';
export * from './lib/composition/templates';
export { renderChart, chartOption } from './lib/render/charts';
export { renderDocx } from './lib/render/docx';
export { renderXlsx } from './lib/render/xlsx';
export { convertDocx, findSoffice } from './lib/render/pdf';
