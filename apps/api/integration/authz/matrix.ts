import { areaPrefix, type Permission } from '@efficacy/api-contract';
import { formFor, ROLLED_BACK_FILES, type MatrixFixtures } from './fixtures';
import { caseUploadForm } from '../support/cases';

/** Where the request points: a region (and its data) inside or outside the user's scope. */
export interface Target {
  region: string;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path as OpenAPI lists it, e.g. /api/imports/{id}. */
  path: string;
  /** Null for public endpoints. */
  permission: Permission | null;
  /** Builds the request for a target region. */
  request(target: Target, fx: MatrixFixtures): { path: string; init?: RequestInit };
  /** Statuses that mean "allowed" for an in-scope target. */
  allowed: number[];
  /** The status for an out-of-scope target; 404 hides that the thing exists. Null: not scoped. */
  outOfScope: number | null;
}

/** A unit of each matrix region; a department user's own unit in Jinfeng. */
export const REGION_UNITS: Record<string, string> = {
  '640106': '640106:spj',
  '640181': '640181:chengqu-jdb',
  '410505': '410505:wgtlj',
  '510403': '510403:geliping-zf',
  '620200': '620200:scjgj',
};

const PERIOD = '2022-01..2022-08';
const ALIAS = '矩阵测试别名';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const MATRIX_TEMPLATES = {
  intro: '现将{region}{period}政务服务运行情况通报如下：',
  closing: '请各单位抓好整改落实。',
  requirements: [{ title: '提高事项覆盖率', text: '各部门按月录入办件。' }],
  issuer: '{region}政务服务管理部门',
  addressee: '各有关部门：',
  numberPrefix: '{region}政务',
};

const MATRIX_OFFICE = {
  issuer: '{region}审批服务管理局',
  signature: '{region}审批服务管理局',
  numberPrefix: '{region}矩阵',
  copyTo: '',
  printedBy: '{region}审批服务管理局办公室',
};

/**
 * One row per endpoint. The authorization test runs each row as every demo user against
 * a target inside and one outside their scope, and fails when the API has an endpoint
 * that has no row here.
 */
export const MATRIX: readonly MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/health',
    permission: null,
    request: () => ({ path: '/health' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/auth/config',
    permission: null,
    request: () => ({ path: '/auth/config' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/me',
    permission: null,
    request: () => ({ path: '/me' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/audit',
    permission: 'audit:read',
    request: () => ({ path: '/audit?limit=5' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/audit/verify',
    permission: 'audit:read',
    request: () => ({ path: '/audit/verify' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'POST',
    path: '/api/imports/preview',
    permission: 'import:preview',
    request: (t) => ({
      path: '/imports/preview',
      init: { method: 'POST', body: formFor(t.region) },
    }),
    allowed: [200],
    // A file of another region is refused by what it says, not hidden: the user sent it.
    outOfScope: 403,
  },
  {
    method: 'POST',
    path: '/api/imports',
    permission: 'import:commit',
    // The region's table is already imported: an allowed user gets "unchanged", nothing moves.
    request: (t) => ({ path: '/imports', init: { method: 'POST', body: formFor(t.region) } }),
    allowed: [200],
    outOfScope: 403,
  },
  {
    method: 'GET',
    path: '/api/imports',
    permission: 'import:read',
    request: () => ({ path: '/imports' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/imports/{id}',
    permission: 'import:read',
    request: (t, fx) => ({ path: `/imports/${fx.imports[t.region]}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/imports/{id}/file',
    permission: 'import:read',
    request: (t, fx) => ({ path: `/imports/${fx.imports[t.region]}/file` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/imports/{id}/rollback',
    permission: 'import:rollback',
    // Already rolled back: an allowed user reaches the rule that refuses a second rollback (422).
    request: (t, fx) => ({
      path: `/imports/${fx.rolledBack[t.region]}/rollback`,
      init: json({ reason: 'authz matrix' }),
    }),
    allowed: [422],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/adapters',
    permission: 'adapter:read',
    request: () => ({ path: '/adapters' }),
    allowed: [200],
    outOfScope: null,
  },
  // Registry: every signed-in user with a role reads the catalogue and the regions they reach.
  {
    method: 'GET',
    path: '/api/indicators',
    permission: null,
    request: () => ({ path: '/indicators' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/indicators/{code}',
    permission: null,
    request: () => ({ path: '/indicators/offline_evaluation_rate' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/regions',
    permission: null,
    request: () => ({ path: '/regions' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/regions/search',
    permission: null,
    // Out of scope the search finds nothing (200, empty): registry-admin.integration.spec.ts
    // checks that the hits stay inside the scope.
    request: (t) => ({ path: `/regions/search?q=${t.region}` }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/regions/{code}',
    permission: null,
    request: (t) => ({ path: `/regions/${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/regions/{code}/children',
    permission: null,
    request: (t) => ({ path: `/regions/${t.region}/children` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/regions/{code}/successions',
    permission: null,
    request: (t) => ({ path: `/regions/${t.region}/successions` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/regions/successions',
    permission: 'registry:write',
    // A rename of a region into itself: in scope it is refused for its shape (400), so the
    // matrix changes no region; out of scope it is not found.
    request: (t) => ({
      path: '/regions/successions',
      init: json({
        kind: 'rename',
        date: '2030-01-01',
        from: [t.region],
        to: [{ code: t.region }],
      }),
    }),
    allowed: [400],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/units',
    permission: 'registry:write',
    // The first allowed user adds the unit; later ones find the id taken.
    request: (t) => ({
      path: '/units',
      init: json({
        regionCode: t.region,
        slug: 'authz-matrix',
        kind: 'department',
        nameZh: '矩阵测试单位',
      }),
    }),
    allowed: [201, 409],
    // A real region outside the scope: it exists, so the answer is 403, not 404.
    outOfScope: 403,
  },
  {
    method: 'GET',
    path: '/api/units',
    permission: null,
    request: (t) => ({ path: `/units?region=${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/units/{id}',
    permission: null,
    request: (t) => ({ path: `/units/${encodeURIComponent(REGION_UNITS[t.region])}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/units/{id}/aliases',
    permission: 'unit:alias-write',
    // The first allowed user adds the alias; later ones find it there already.
    request: (t) => ({
      path: `/units/${encodeURIComponent(REGION_UNITS[t.region])}/aliases`,
      init: json({ alias: ALIAS }),
    }),
    allowed: [200, 201, 409],
    outOfScope: 404,
  },
  {
    method: 'DELETE',
    path: '/api/units/{id}/aliases/{alias}',
    permission: 'unit:alias-write',
    request: (t) => ({
      path: `/units/${encodeURIComponent(REGION_UNITS[t.region])}/aliases/${encodeURIComponent(ALIAS)}`,
      init: { method: 'DELETE' },
    }),
    // Removed by the first allowed user; gone (404) for the next.
    allowed: [200, 404],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/targets',
    permission: 'target:read',
    request: (t) => ({ path: `/targets?region=${t.region}&year=2022` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'PUT',
    path: '/api/targets',
    permission: 'target:write',
    request: (t) => ({
      path: '/targets',
      init: {
        ...json({
          indicator: 'offline_evaluation_rate',
          regionCode: t.region,
          year: 2030,
          comparator: '>=',
          value: 98.5,
        }),
        method: 'PUT',
      },
    }),
    allowed: [200, 201],
    outOfScope: 404,
  },
  {
    method: 'DELETE',
    path: '/api/targets',
    permission: 'target:write',
    request: (t) => ({
      path: `/targets?indicator=offline_evaluation_rate&region=${t.region}&year=2030`,
      init: { method: 'DELETE' },
    }),
    // Removed by the first allowed user; nothing of the region's own left (404) for the next.
    allowed: [200, 404],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/headlines',
    permission: 'assessment:read',
    request: (t) => ({ path: `/headlines?region=${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'PUT',
    path: '/api/headlines',
    permission: 'target:write',
    request: (t) => ({
      path: '/headlines',
      init: {
        ...json({
          regionCode: t.region,
          indicators: ['item_coverage', 'offline_evaluation_rate', 'satisfaction'],
        }),
        method: 'PUT',
      },
    }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/assessments',
    permission: 'assessment:read',
    request: (t) => ({ path: `/assessments?region=${t.region}&period=${PERIOD}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/rankings',
    permission: 'assessment:read',
    request: (t) => ({
      path: `/rankings?region=${t.region}&period=${PERIOD}&indicator=offline_evaluation_rate`,
    }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/signals',
    permission: 'assessment:read',
    request: (t) => ({ path: `/signals?region=${t.region}&period=${PERIOD}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/explanations',
    permission: 'assessment:read',
    request: (t) => ({
      path: `/explanations?region=${t.region}&period=${PERIOD}&indicator=offline_evaluation_rate`,
    }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/assessments/exports',
    permission: 'assessment:read',
    request: (t) => ({
      path: '/assessments/exports',
      init: json({
        format: 'xlsx',
        layout: 'bulletin-annex',
        region: t.region,
        period: PERIOD,
        indicators: ['offline_evaluation_rate'],
        rows: 3,
        fileName: 'matrix.xlsx',
      }),
    }),
    allowed: [201],
    outOfScope: 404,
  },
  // Rectification tasks: actions run on a cancelled task, so an allowed user reaches the state
  // machine, which refuses (409) or names who may act (403); nothing moves.
  {
    method: 'GET',
    path: '/api/tasks',
    permission: 'task:read',
    request: (t) => ({ path: `/tasks?region=${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/tasks',
    permission: 'task:open',
    request: (t) => ({
      path: '/tasks',
      init: json({
        source: 'free',
        title: '矩阵测试任务',
        leadUnitId: REGION_UNITS[t.region],
        workingDays: 5,
        assign: false,
      }),
    }),
    allowed: [201],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/tasks/bulk',
    permission: 'task:open',
    request: (t) => ({
      path: '/tasks/bulk',
      init: json({
        indicator: 'offline_evaluation_rate',
        period: PERIOD,
        region: t.region,
        workingDays: 5,
      }),
    }),
    allowed: [201],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/tasks/overview',
    permission: 'task:read',
    request: (t) => ({ path: `/tasks/overview?region=${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/tasks/reminder-policy',
    permission: 'task:read',
    request: (t) => ({ path: `/tasks/reminder-policy?region=${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'PUT',
    path: '/api/tasks/reminder-policy',
    permission: 'calendar:write',
    // The default thresholds, set for the target's county: nothing changes in force.
    request: (t) => ({
      path: `/tasks/reminder-policy?region=${t.region}`,
      init: { ...json({ dueSoonDays: 2, yellowAfterDays: 1, redAfterDays: 3 }), method: 'PUT' },
    }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/tasks/{id}',
    permission: 'task:read',
    request: (t, fx) => ({ path: `/tasks/${fx.tasks[t.region]}` }),
    allowed: [200],
    outOfScope: 404,
  },
  ...(
    [
      ['assign', 'task:assign', {}],
      ['acknowledge', 'task:work', {}],
      ['start', 'task:work', {}],
      ['submit', 'task:work', { report: '矩阵' }],
      ['sign-off', 'task:sign-off', {}],
      // Heads return at sign-off and administrators at verification: the machine decides which.
      ['return', 'task:read', { reason: '矩阵' }],
      ['verify', 'task:verify', {}],
      ['extension', 'task:work', { until: '2099-01-01', reason: '矩阵' }],
      ['extension/grant', 'task:open', {}],
      ['extension/refuse', 'task:open', { reason: '矩阵' }],
      ['cancel', 'task:open', { reason: '矩阵' }],
    ] as const
  ).map(
    ([action, permission, body]): MatrixRow => ({
      method: 'POST',
      path: `/api/tasks/{id}/${action}`,
      permission,
      request: (t, fx) => ({ path: `/tasks/${fx.tasks[t.region]}/${action}`, init: json(body) }),
      allowed: [403, 409],
      outOfScope: 404,
    }),
  ),
  {
    method: 'POST',
    path: '/api/tasks/{id}/evidence',
    permission: 'task:work',
    request: (t, fx) => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')]), 'matrix.pdf');
      return {
        path: `/tasks/${fx.tasks[t.region]}/evidence`,
        init: { method: 'POST', body: form },
      };
    },
    // A cancelled task takes no evidence (409); outside the lead unit, 403.
    allowed: [403, 409],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/tasks/{id}/evidence/{evidenceId}',
    permission: 'task:read',
    // The matrix tasks carry no evidence: in scope the task is found and the file is not.
    request: (t, fx) => ({
      path: `/tasks/${fx.tasks[t.region]}/evidence/00000000-0000-4000-8000-000000000000`,
    }),
    allowed: [404],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/calendar',
    permission: 'task:read',
    request: () => ({ path: '/calendar?year=2022' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/calendar/deadline',
    permission: 'task:read',
    request: () => ({ path: '/calendar/deadline?start=2022-09-30&days=5' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/calendar/coverage',
    permission: 'task:read',
    request: () => ({ path: '/calendar/coverage' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/calendar/notices',
    permission: 'task:read',
    request: () => ({ path: '/calendar/notices' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'POST',
    path: '/api/calendar/notices',
    permission: 'calendar:write',
    // A regional notice of the target's own area for 2099, which no deadline of the tests
    // reaches (loading it again replaces it); another area's notice is refused.
    request: (t) => ({
      path: '/calendar/notices',
      init: {
        ...json({
          year: 2099,
          title: '矩阵测试通知',
          regionPrefix: areaPrefix(t.region),
          days: [{ date: '2099-06-01', kind: 'holiday', name: '矩阵测试' }],
        }),
        method: 'POST',
      },
    }),
    allowed: [201],
    outOfScope: 403,
  },
  {
    method: 'PUT',
    path: '/api/calendar/days',
    permission: 'calendar:write',
    // A day of the target's own area in 2099, which no deadline of the tests reaches; another
    // area's days are refused.
    request: (t) => ({
      path: '/calendar/days',
      init: {
        ...json({
          date: '2099-12-31',
          kind: 'holiday',
          name: '矩阵测试',
          regionPrefix: areaPrefix(t.region),
        }),
        method: 'PUT',
      },
    }),
    allowed: [200],
    outOfScope: 403,
  },
  {
    method: 'DELETE',
    path: '/api/calendar/days',
    permission: 'calendar:write',
    // Removes what the PUT row wrote; a second user of the same area finds it gone.
    request: (t) => ({
      path: `/calendar/days?date=2099-12-31&regionPrefix=${areaPrefix(t.region)}`,
      init: { method: 'DELETE' },
    }),
    allowed: [200, 404],
    outOfScope: 403,
  },
  // Case records (办件): uploads queue a background import; the same file again is "unchanged".
  {
    method: 'POST',
    path: '/api/cases/imports',
    permission: 'import:commit',
    request: (t) => ({
      path: '/cases/imports',
      init: { method: 'POST', body: caseUploadForm(t.region) },
    }),
    allowed: [200, 202],
    outOfScope: 403,
  },
  {
    method: 'GET',
    path: '/api/cases/imports',
    permission: 'import:read',
    request: () => ({ path: '/cases/imports' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/cases/imports/{id}',
    permission: 'import:read',
    request: (t, fx) => ({ path: `/cases/imports/${fx.caseImports[t.region]}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/cases/indicators',
    permission: 'assessment:read',
    request: (t) => ({ path: `/cases/indicators?region=${t.region}&period=2022-01` }),
    allowed: [200],
    outOfScope: 404,
  },
  // Bulletins (通报): drafts are composed for the target region; publishing or correcting a
  // draft already published by an earlier user answers 409, which still means "allowed".
  {
    method: 'POST',
    path: '/api/bulletins/preview',
    permission: 'bulletin:draft',
    request: (t) => ({
      path: '/bulletins/preview',
      init: json({ region: t.region, period: PERIOD }),
    }),
    // 422: allowed, but the region has no figures for the period (no data, no bulletin).
    allowed: [200, 422],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/bulletins',
    permission: 'bulletin:draft',
    request: (t) => ({ path: '/bulletins', init: json({ region: t.region, period: PERIOD }) }),
    allowed: [201, 422],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/bulletins',
    permission: 'bulletin:read',
    request: () => ({ path: '/bulletins' }),
    allowed: [200],
    outOfScope: null,
  },
  {
    method: 'GET',
    path: '/api/bulletins/{id}',
    permission: 'bulletin:read',
    request: (t, fx) => ({ path: `/bulletins/${fx.bulletins[t.region]}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/bulletins/{id}/files/{format}',
    permission: 'bulletin:read',
    request: (t, fx) => ({ path: `/bulletins/${fx.bulletins[t.region]}/files/xlsx` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/bulletins/{id}/errata',
    permission: 'bulletin:draft',
    request: (t, fx) => ({
      path: `/bulletins/${fx.bulletins[t.region]}/errata`,
      init: json({ reason: '矩阵测试更正' }),
    }),
    allowed: [201, 409],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/bulletins/{id}/publish',
    permission: 'bulletin:publish',
    request: (t, fx) => ({ path: `/bulletins/${fx.bulletins[t.region]}/publish`, init: json({}) }),
    allowed: [200, 409],
    outOfScope: 404,
  },
  {
    method: 'POST',
    path: '/api/bulletins/preview/files/{format}',
    permission: 'bulletin:draft',
    request: (t) => ({
      path: '/bulletins/preview/files/xlsx',
      init: json({ region: t.region, period: PERIOD }),
    }),
    allowed: [200, 422],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/bulletins/office/{region}',
    permission: 'bulletin:read',
    request: (t) => ({ path: `/bulletins/office/${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'PUT',
    path: '/api/bulletins/office/{region}',
    permission: 'bulletin:draft',
    request: (t) => ({
      path: `/bulletins/office/${t.region}`,
      init: { ...json(MATRIX_OFFICE), method: 'PUT' },
    }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'GET',
    path: '/api/bulletins/templates/{region}',
    permission: 'bulletin:read',
    request: (t) => ({ path: `/bulletins/templates/${t.region}` }),
    allowed: [200],
    outOfScope: 404,
  },
  {
    method: 'PUT',
    path: '/api/bulletins/templates/{region}',
    permission: 'bulletin:draft',
    request: (t) => ({
      path: `/bulletins/templates/${t.region}`,
      init: { ...json(MATRIX_TEMPLATES), method: 'PUT' },
    }),
    allowed: [200],
    outOfScope: 404,
  },
];

export { ROLLED_BACK_FILES };
