import { fixture, uploadForm } from '../support/fixtures';
import { tokenFor } from '../support/tokens';
import { caseUploadForm } from '../support/cases';

/** One seed table per demo region, imported by that region's administrator. */
export const REGION_FILES: Record<
  string,
  { plugin: string; file: string; uploader: string; fields?: Record<string, string> }
> = {
  '640106': {
    plugin: 'ningxia',
    file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
    uploader: 'jinfeng.admin',
  },
  '640181': {
    plugin: 'ningxia',
    file: 'lingwu-2022-h1-overdue-by-township.xlsx',
    uploader: 'lingwu.admin',
  },
  '410505': {
    plugin: 'henan',
    file: 'yindu-2023-06-annex2-time-limit-compression.xlsx',
    uploader: 'yindu.admin',
    fields: { period: '2023-06' },
  },
  '510403': {
    plugin: 'sichuan',
    file: 'xiqu-2022-09-annex2-hall-windows.xlsx',
    uploader: 'panzhihua.admin',
    fields: { year: '2022' },
  },
  '620200': {
    plugin: 'gansu',
    file: 'jiayuguan-2022-capability-plan.xlsx',
    uploader: 'jiayuguan.admin',
  },
};

/** The period of each region's bulletin: one its matrix tables have figures for. */
export const BULLETIN_PERIODS: Record<string, string> = {
  '640106': '2022-01..2022-08',
  '640181': '2022-H1',
  '410505': '2023-06',
  '510403': '2022-09',
  '620200': '2022-01..2022-09',
};

/** Tables imported only so that a region's bulletin has figures (西区's others have none). */
export const BULLETIN_FILES: Record<
  string,
  { plugin: string; file: string; uploader: string; fields?: Record<string, string> }
> = {
  '510403': {
    plugin: 'sichuan',
    file: 'xiqu-2022-09-annex1-online-service-capability.xlsx',
    uploader: 'panzhihua.admin',
    fields: { year: '2022', region: '510403' },
  },
};

/** A second table per region that is imported and rolled back, for endpoints that need one. */
export const ROLLED_BACK_FILES: Record<
  string,
  { plugin: string; file: string; uploader: string; fields?: Record<string, string> }
> = {
  '640106': {
    plugin: 'ningxia',
    file: 'jinfeng-2022-01to08-annex4-overdue.xlsx',
    uploader: 'jinfeng.admin',
  },
  '640181': { plugin: 'ningxia', file: 'lingwu-2022-h1-channels.xlsx', uploader: 'lingwu.admin' },
  '410505': {
    plugin: 'henan',
    file: 'yindu-2023-06-annex7-online-service-audit.xlsx',
    uploader: 'yindu.admin',
    fields: { period: '2023-06' },
  },
  '510403': {
    plugin: 'sichuan',
    file: 'xiqu-2022-09-annex3-service-centres.xlsx',
    uploader: 'panzhihua.admin',
    fields: { year: '2022' },
  },
  '620200': {
    plugin: 'gansu',
    file: 'jiayuguan-2022-01to09-indicator-values.xlsx',
    uploader: 'jiayuguan.admin',
  },
};

export interface MatrixFixtures {
  baseUrl: string;
  /** Region → a live import of it. */
  imports: Record<string, string>;
  /** Region → an import of it that was rolled back. */
  rolledBack: Record<string, string>;
  /** Region → a cancelled rectification task of the region's matrix unit (every action is refused). */
  tasks: Record<string, string>;
  /** Region → a draft bulletin of it (published by the first user allowed to). */
  bulletins: Record<string, string>;
  /** Region → a case import (办件) of it. */
  caseImports: Record<string, string>;
}

export function formFor(region: string, table = REGION_FILES): FormData {
  const spec = table[region];
  return uploadForm(fixture(spec.plugin, spec.file), {
    adapter: spec.plugin,
    ...(spec.fields ?? {}),
  });
}

async function importOne(
  baseUrl: string,
  region: string,
  table: typeof REGION_FILES,
): Promise<string> {
  const spec = table[region];
  const res = await fetch(`${baseUrl}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(spec.uploader)}` },
    body: formFor(region, table),
  });
  const body = await res.json();
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`matrix fixture ${spec.file}: HTTP ${res.status} ${body.message}`);
  return body.import.id;
}

export async function prepareFixtures(baseUrl: string): Promise<MatrixFixtures> {
  const imports: Record<string, string> = {};
  const rolledBack: Record<string, string> = {};
  for (const region of Object.keys(REGION_FILES))
    imports[region] = await importOne(baseUrl, region, REGION_FILES);
  const bulletins: Record<string, string> = {};
  for (const region of Object.keys(ROLLED_BACK_FILES)) {
    const id = await importOne(baseUrl, region, ROLLED_BACK_FILES);
    // Drafted while both tables are in: a bulletin needs imported figures for its period.
    if (BULLETIN_FILES[region]) await importOne(baseUrl, region, BULLETIN_FILES);
    bulletins[region] = await draftBulletin(baseUrl, region, REGION_FILES[region].uploader);
    const res = await fetch(`${baseUrl}/imports/${id}/rollback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(ROLLED_BACK_FILES[region].uploader)}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`matrix fixture rollback of ${id}: HTTP ${res.status}`);
    rolledBack[region] = id;
  }
  const tasks: Record<string, string> = {};
  for (const region of Object.keys(REGION_FILES))
    tasks[region] = await cancelledTask(baseUrl, region, REGION_FILES[region].uploader);
  const caseImports: Record<string, string> = {};
  for (const region of Object.keys(REGION_FILES))
    caseImports[region] = await caseImportOf(baseUrl, region, REGION_FILES[region].uploader);
  for (const region of Object.keys(REGION_FILES))
    bulletins[region] ??= await draftBulletin(baseUrl, region, REGION_FILES[region].uploader);
  return { baseUrl, imports, rolledBack, tasks, caseImports, bulletins };
}

async function caseImportOf(baseUrl: string, region: string, uploader: string): Promise<string> {
  const res = await fetch(`${baseUrl}/cases/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(uploader)}` },
    body: caseUploadForm(region),
  });
  const body = await res.json();
  if (res.status !== 202 && res.status !== 200)
    throw new Error(`matrix fixture case import of ${region}: HTTP ${res.status} ${body.message}`);
  return body.import.id;
}

async function cancelledTask(baseUrl: string, region: string, admin: string): Promise<string> {
  const { REGION_UNITS } = await import('./matrix');
  const send = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(admin)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`matrix fixture task ${path}: HTTP ${res.status} ${json.message}`);
    return json;
  };
  const task = await send('/tasks', {
    source: 'free',
    title: '矩阵测试任务',
    leadUnitId: REGION_UNITS[region],
    workingDays: 5,
  });
  await send(`/tasks/${task.id}/cancel`, { reason: 'authz matrix' });
  return task.id;
}

async function draftBulletin(baseUrl: string, region: string, admin: string): Promise<string> {
  // Publication needs the office's 红头, 落款, 发文字号 prefix and 印发机关.
  const office = await fetch(`${baseUrl}/bulletins/office/${region}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await tokenFor(admin)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      issuer: '矩阵测试审批服务管理局',
      signature: '矩阵测试审批服务管理局',
      numberPrefix: `${region}矩阵`,
      copyTo: '',
      printedBy: '矩阵测试审批服务管理局办公室',
    }),
  });
  if (office.status !== 200)
    throw new Error(`matrix fixture office settings of ${region}: HTTP ${office.status}`);
  const res = await fetch(`${baseUrl}/bulletins`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor(admin)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ region, period: BULLETIN_PERIODS[region] ?? '2022-01..2022-08' }),
  });
  const body = await res.json();
  if (res.status !== 201)
    throw new Error(`matrix fixture bulletin of ${region}: HTTP ${res.status} ${body.message}`);
  return body.id;
}
