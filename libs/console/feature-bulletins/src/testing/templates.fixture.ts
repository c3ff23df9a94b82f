import type { BulletinTemplateVersion } from '@efficacy/api-contract';

export const DEFAULT_TEMPLATE_VERSION: BulletinTemplateVersion = {
  regionCode: '640106',
  version: 0,
  isDefault: true,
  templates: {
    intro: '现将{region}{period}政务服务系统运行情况通报如下：',
    closing: '各单位要抓好整改落实。',
    requirements: [{ title: '提高事项覆盖率', text: '各办理部门要对零办件事项逐项分类。' }],
    issuer: '{region}政务服务管理部门',
    addressee: '各有关部门：',
    numberPrefix: '{region}政务',
  },
};
