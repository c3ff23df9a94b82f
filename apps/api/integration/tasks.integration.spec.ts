import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Client } from 'pg';
import { TASK_STATES, beijingDate, type TaskState } from '@efficacy/api-contract';
import { CLOCK } from '@efficacy/api/core';
import { RemindersService } from '@efficacy/api/feature-tasks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner } from './support/cli';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { fixture, uploadForm } from './support/fixtures';

const ANNEX2 = 'jinfeng-2022-01to08-annex2-haochaping.xlsx';
const PERIOD = '2022-01..2022-08';
const INDICATOR = 'offline_evaluation_rate';
const SPJ = '640106:spj';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * The API's business clock, fixed and moved by the test (tokens keep the machine's time), so
 * the spec passes on any date: Monday 2 March 2026, 09:00 in Beijing, unless a test sets `at`.
 */
const BASE = Date.parse('2026-03-02T09:00:00+08:00');
const clock = {
  at: BASE,
  offsetDays: 0,
  now: () => new Date(clock.at + clock.offsetDays * 86_400_000),
};

type Res = { status: number; body: any; headers: Headers };

describe('rectification tasks against real PostgreSQL and Keycloak', () => {
  let t: TestApp;
  let db: Client;

  const call = async (user: string, path: string, init: RequestInit = {}): Promise<Res> => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.body && !(init.body instanceof FormData)
          ? { 'content-type': 'application/json' }
          : {}),
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${await tokenFor(user)}`,
      },
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // a file download
    }
    return { status: res.status, body, headers: res.headers };
  };
  const post = (user: string, path: string, body: unknown = {}) =>
    call(user, path, { method: 'POST', body: JSON.stringify(body) });
  const open = (over: Record<string, unknown> = {}) =>
    post('jinfeng.admin', '/tasks', {
      source: 'free',
      title: '窗口服务整改',
      detail: '群众反映窗口等候时间长',
      leadUnitId: SPJ,
      workingDays: 5,
      ...over,
    });

  /** Walks a new task to `state` by the right people, returning its id. */
  const taskIn = async (state: TaskState): Promise<string> => {
    const opened = await open(state === 'draft' ? { assign: false } : {});
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const path: Array<[string, string, unknown]> = [];
    const walk: Record<TaskState, Array<[string, string, unknown]>> = {
      draft: [],
      assigned: [],
      acknowledged: [['jinfeng.spj.staff', 'acknowledge', {}]],
      in_progress: [
        ['jinfeng.spj.staff', 'acknowledge', {}],
        ['jinfeng.spj.staff', 'start', {}],
      ],
      submitted: [
        ['jinfeng.spj.staff', 'acknowledge', {}],
        ['jinfeng.spj.staff', 'start', {}],
        ['jinfeng.spj.staff', 'submit', { report: '已整改' }],
      ],
      signed_off: [
        ['jinfeng.spj.staff', 'acknowledge', {}],
        ['jinfeng.spj.staff', 'start', {}],
        ['jinfeng.spj.staff', 'submit', { report: '已整改' }],
        ['jinfeng.spj.head', 'sign-off', {}],
      ],
      closed: [
        ['jinfeng.spj.staff', 'acknowledge', {}],
        ['jinfeng.spj.staff', 'start', {}],
        ['jinfeng.spj.staff', 'submit', { report: '已整改' }],
        ['jinfeng.spj.head', 'sign-off', {}],
        ['jinfeng.admin', 'verify', {}],
      ],
      cancelled: [['jinfeng.admin', 'cancel', { reason: '重复任务' }]],
    };
    path.push(...walk[state]);
    for (const [user, action, body] of path) {
      const res = await post(user, `/tasks/${id}/${action}`, body);
      if (res.status !== 200)
        throw new Error(
          `walk to ${state}: ${action} by ${user} got ${res.status} ${res.body?.message}`,
        );
    }
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({ overrides: [[CLOCK, clock]] });
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    const live = await db.query(
      `SELECT id FROM import WHERE status = 'committed' AND region_code = '640106' AND report_kind = 'good-bad-review'`,
    );
    if (live.rows.length === 0) {
      const res = await call('jinfeng.admin', '/imports', {
        method: 'POST',
        body: uploadForm(fixture('ningxia', ANNEX2)),
      });
      if (res.status !== 201)
        throw new Error(`could not import the Jinfeng annex 2: ${res.status}`);
    }
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await t.close();
  });
  beforeEach(() => {
    clock.at = BASE;
    clock.offsetDays = 0;
  });

  it('walks a task from a Jinfeng shortfall to verification, every step in the timeline and the audit log', async () => {
    const opened = await open({
      source: 'indicator',
      indicator: INDICATOR,
      period: PERIOD,
      title: '审批局线下参评率整改',
    });
    expect(opened.status).toBe(201);
    const task = opened.body;
    expect(task.state).toBe('assigned');
    // The snapshot keeps the figures of the moment: 审批局 5769/5835 = 98.87%.
    expect(task.snapshot).toMatchObject({
      indicator: INDICATOR,
      subject: `unit:${SPJ}`,
      value: 98.87,
    });
    expect(task.deadline).toBe(task.originalDeadline);
    const today = beijingDate(clock.now());
    expect(today).toBe('2026-03-02');
    const due = await call(
      'jinfeng.admin',
      `/calendar/deadline?start=${today}&days=5&region=640106`,
    );
    expect(task.deadline).toBe(due.body.due);
    expect([task.workingDays, task.provisional, task.provisionalYears]).toEqual([5, false, []]);
    expect(due.body.provisional).toBe(false);
    expect(task.actions).toEqual(['cancel']);

    const id = task.id;
    const staffInbox = await call('jinfeng.spj.staff', '/tasks?inbox=unit');
    expect(staffInbox.body.map((x: { id: string }) => x.id)).toContain(id);

    expect((await post('jinfeng.spj.staff', `/tasks/${id}/acknowledge`)).body.state).toBe(
      'acknowledged',
    );
    expect((await post('jinfeng.spj.staff', `/tasks/${id}/start`)).body.state).toBe('in_progress');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '整改报告.pdf');
    const evidence = await call('jinfeng.spj.staff', `/tasks/${id}/evidence`, {
      method: 'POST',
      body: form,
    });
    expect(evidence.status).toBe(201);
    expect(evidence.body).toMatchObject({ mediaType: 'application/pdf', size: PDF.length });
    const submitted = await post('jinfeng.spj.staff', `/tasks/${id}/submit`, {
      report: '已增设评价器并培训窗口人员',
    });
    expect(submitted.body.state).toBe('submitted');

    const headInbox = await call('jinfeng.spj.head', '/tasks?inbox=sign-off');
    expect(headInbox.body.map((x: { id: string }) => x.id)).toContain(id);
    expect((await post('jinfeng.spj.head', `/tasks/${id}/sign-off`)).body.state).toBe('signed_off');
    const adminInbox = await call('jinfeng.admin', '/tasks?inbox=verify');
    expect(adminInbox.body.map((x: { id: string }) => x.id)).toContain(id);
    const closed = await post('jinfeng.admin', `/tasks/${id}/verify`);
    expect(closed.body.state).toBe('closed');
    // 2022-01..2022-09 has no figures yet: the effect check waits for them.
    expect(closed.body.effect).toBe('pending');
    expect(await t.app.get(RemindersService).checkEffect(id)).toBe('pending');

    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual([
      'open',
      'assign',
      'acknowledge',
      'start',
      'evidence',
      'submit',
      'sign_off',
      'verify',
    ]);
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE target_type = 'task' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'task.open',
      'task.acknowledge',
      'task.start',
      'task.evidence.add',
      'task.submit',
      'task.sign_off',
      'task.verify',
    ]);

    const download = await fetch(`${t.baseUrl}/tasks/${id}/evidence/${evidence.body.id}`, {
      headers: { authorization: `Bearer ${await tokenFor('yinchuan.auditor')}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const downloads = await db.query(
      `SELECT actor FROM audit_log WHERE action = 'task.evidence.download' AND target_id = $1`,
      [id],
    );
    expect(downloads.rows.map((r) => r.actor)).toEqual(['yinchuan.auditor']);
  });

  // Who may do what: each action from each state, by every kind of user, in and out of scope.
  const USERS = [
    'jinfeng.admin',
    'yinchuan.admin',
    'jinfeng.spj.head',
    'jinfeng.spj.staff',
    'yinchuan.auditor',
    'regional.it',
    'lingwu.admin',
    'anyang.admin',
  ] as const;
  type User = (typeof USERS)[number];
  const ADMINS: readonly User[] = ['jinfeng.admin', 'yinchuan.admin'];
  const UNIT: readonly User[] = ['jinfeng.spj.head', 'jinfeng.spj.staff'];
  const PERMISSION_OF: Record<string, (u: User) => boolean> = {
    admin: (u) => ['jinfeng.admin', 'yinchuan.admin', 'lingwu.admin', 'anyang.admin'].includes(u),
    work: (u) => UNIT.includes(u),
    signOff: (u) => u === 'jinfeng.spj.head',
    read: (u) => u !== 'regional.it',
  };
  const ACTIONS: Array<{
    path: string;
    body: unknown;
    permission: keyof typeof PERMISSION_OF;
    from: readonly TaskState[];
    who: (u: User, s: TaskState) => boolean;
    to: TaskState;
  }> = [
    {
      path: 'assign',
      body: {},
      permission: 'admin',
      from: ['draft'],
      who: (u) => ADMINS.includes(u),
      to: 'assigned',
    },
    {
      path: 'acknowledge',
      body: {},
      permission: 'work',
      from: ['assigned'],
      who: (u) => UNIT.includes(u),
      to: 'acknowledged',
    },
    {
      path: 'start',
      body: {},
      permission: 'work',
      from: ['acknowledged'],
      who: (u) => UNIT.includes(u),
      to: 'in_progress',
    },
    {
      path: 'submit',
      body: { report: '报告' },
      permission: 'work',
      from: ['in_progress'],
      who: (u) => UNIT.includes(u),
      to: 'submitted',
    },
    {
      path: 'sign-off',
      body: {},
      permission: 'signOff',
      from: ['submitted'],
      who: (u) => u === 'jinfeng.spj.head',
      to: 'signed_off',
    },
    {
      path: 'return',
      body: { reason: '材料不全' },
      permission: 'read',
      from: ['submitted', 'signed_off'],
      who: (u, s) =>
        s === 'submitted'
          ? u === 'jinfeng.spj.head'
          : s === 'signed_off'
            ? ADMINS.includes(u)
            : u === 'jinfeng.spj.head' || ADMINS.includes(u),
      to: 'in_progress',
    },
    {
      path: 'verify',
      body: {},
      permission: 'admin',
      from: ['signed_off'],
      who: (u) => ADMINS.includes(u),
      to: 'closed',
    },
    {
      path: 'extension',
      body: { until: '2099-12-31', reason: '需跨部门协调' },
      permission: 'work',
      from: ['assigned', 'acknowledged', 'in_progress'],
      who: (u) => UNIT.includes(u),
      to: 'in_progress',
    },
    {
      path: 'cancel',
      body: { reason: '重复' },
      permission: 'admin',
      from: ['draft', 'assigned', 'acknowledged', 'in_progress', 'submitted', 'signed_off'],
      who: (u) => ADMINS.includes(u),
      to: 'cancelled',
    },
  ];
  const OUT_OF_SCOPE: readonly User[] = ['lingwu.admin', 'anyang.admin'];

  const expectedStatus = (a: (typeof ACTIONS)[number], state: TaskState, u: User): number => {
    if (!PERMISSION_OF[a.permission](u)) return 403;
    if (OUT_OF_SCOPE.includes(u)) return 404;
    if (!a.who(u, state)) return 403;
    if (!a.from.includes(state)) return 409;
    return 200;
  };

  for (const state of TASK_STATES) {
    it(`from ${state}: every action by every user answers as the rules say`, async () => {
      const id = await taskIn(state);
      const failures: string[] = [];
      // Refusals first: they must leave the task as it was.
      for (const a of ACTIONS) {
        for (const u of USERS) {
          const want = expectedStatus(a, state, u);
          if (want === 200) continue;
          const res = await post(u, `/tasks/${id}/${a.path}`, a.body);
          if (res.status !== want)
            failures.push(
              `${a.path} by ${u}: got ${res.status}, want ${want} (${res.body?.message})`,
            );
          else if (typeof res.body?.message !== 'string' || res.body.message.length < 10)
            failures.push(`${a.path} by ${u}: refused without a clear message`);
        }
      }
      const after = await call('jinfeng.admin', `/tasks/${id}`);
      expect(after.body.state).toBe(state);
      // Then each allowed one, on a fresh task in the same state.
      for (const a of ACTIONS) {
        for (const u of USERS) {
          if (expectedStatus(a, state, u) !== 200) continue;
          const fresh = await taskIn(state);
          const res = await post(u, `/tasks/${fresh}/${a.path}`, a.body);
          const want = a.path === 'extension' ? state : a.to;
          if (res.status !== 200 || res.body.state !== want)
            failures.push(
              `${a.path} by ${u}: got ${res.status} ${res.body?.state ?? res.body?.message}, want 200 ${want}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('pages the task list, soonest deadline first, with the total in X-Total-Count', async () => {
    await open({ title: '分页测试一' });
    await open({ title: '分页测试二' });
    const all = await call('jinfeng.admin', '/tasks?inbox=all');
    const total = Number(all.headers.get('x-total-count'));
    expect(total).toBe(all.body.length);
    expect(total).toBeGreaterThanOrEqual(2);
    const first = await call('jinfeng.admin', '/tasks?inbox=all&limit=1&offset=0');
    const second = await call('jinfeng.admin', '/tasks?inbox=all&limit=1&offset=1');
    expect(first.body).toHaveLength(1);
    expect(Number(first.headers.get('x-total-count'))).toBe(total);
    expect([first.body[0].id, second.body[0].id]).toEqual([all.body[0].id, all.body[1].id]);
    const tooMany = await call('jinfeng.admin', '/tasks?limit=501');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe('limit must not be greater than 500');
  });

  it('hides a task from users outside its unit or region: 404, like a missing one', async () => {
    const id = await taskIn('assigned');
    expect((await call('lingwu.admin', `/tasks/${id}`)).status).toBe(404);
    expect((await call('jinfeng.spj.staff', `/tasks/${id}`)).status).toBe(200);
    const otherUnit = await open({ leadUnitId: '640106:swj' });
    expect(otherUnit.status).toBe(201);
    expect((await call('jinfeng.spj.head', `/tasks/${otherUnit.body.id}`)).status).toBe(404);
    expect((await post('jinfeng.spj.head', `/tasks/${otherUnit.body.id}/sign-off`)).status).toBe(
      404,
    );
    const unitInbox = await call('jinfeng.spj.staff', '/tasks');
    expect(unitInbox.body.every((x: { leadUnitId: string }) => x.leadUnitId === SPJ)).toBe(true);
    expect((await open({ leadUnitId: '640181:chengqu-jdb' })).status).toBe(404);
    // Bad input is refused with a sentence, never a server error.
    const blank = await open({ title: '   ' });
    expect([blank.status, blank.body.message]).toEqual([400, 'title must not be blank']);
    const feb30 = await open({ workingDays: undefined, deadline: '2099-02-30' });
    expect([feb30.status, feb30.body.message]).toEqual([
      400,
      'deadline 2099-02-30 is not a calendar date',
    ]);
    expect(
      (await call('jinfeng.admin', `/tasks/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });

  it('grants or refuses an extension by the opener; the original deadline stays visible', async () => {
    const id = await taskIn('in_progress');
    const before = (await call('jinfeng.admin', `/tasks/${id}`)).body;
    const asked = await post('jinfeng.spj.staff', `/tasks/${id}/extension`, {
      until: '2099-01-15',
      reason: '需省级系统改造',
    });
    expect(asked.body.pendingExtension).toEqual({ until: '2099-01-15', reason: '需省级系统改造' });
    expect(
      (
        await post('jinfeng.spj.staff', `/tasks/${id}/extension`, {
          until: '2099-02-01',
          reason: '再延',
        })
      ).status,
    ).toBe(409);
    expect((await post('jinfeng.spj.head', `/tasks/${id}/extension/grant`)).status).toBe(403);
    expect((await post('lingwu.admin', `/tasks/${id}/extension/grant`)).status).toBe(404);
    const granted = await post('jinfeng.admin', `/tasks/${id}/extension/grant`);
    expect(granted.status).toBe(200);
    expect(granted.body.deadline).toBe('2099-01-15');
    expect(granted.body.originalDeadline).toBe(before.originalDeadline);
    expect(granted.body.pendingExtension).toBeNull();
    expect(granted.body.events.at(-1)).toMatchObject({
      action: 'grant_extension',
      data: { from: before.deadline, to: '2099-01-15', originalDeadline: before.originalDeadline },
    });
    expect((await post('jinfeng.admin', `/tasks/${id}/extension/grant`)).status).toBe(409);

    const other = await taskIn('acknowledged');
    await post('jinfeng.spj.staff', `/tasks/${other}/extension`, {
      until: '2099-01-15',
      reason: '人手不足',
    });
    expect((await post('jinfeng.admin', `/tasks/${other}/extension/refuse`, {})).status).toBe(400);
    const refused = await post('jinfeng.admin', `/tasks/${other}/extension/refuse`, {
      reason: '期限内可完成',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.deadline).toBe(refused.body.originalDeadline);
  });

  it('refuses an extension asked after the deadline', async () => {
    const id = await taskIn('in_progress');
    clock.offsetDays = 30;
    const late = await post('jinfeng.spj.staff', `/tasks/${id}/extension`, {
      until: '2099-01-15',
      reason: '晚了',
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/before the deadline/);
  });

  it('returns with a reason back to in progress, from sign-off and from verification', async () => {
    const a = await taskIn('submitted');
    expect((await post('jinfeng.spj.head', `/tasks/${a}/return`, {})).status).toBe(400);
    const back = await post('jinfeng.spj.head', `/tasks/${a}/return`, { reason: '证据不足' });
    expect(back.body.state).toBe('in_progress');
    expect(back.body.events.at(-1)).toMatchObject({
      action: 'return',
      reason: '证据不足',
      data: { from: 'sign-off' },
    });
    const b = await taskIn('signed_off');
    const back2 = await post('jinfeng.admin', `/tasks/${b}/return`, { reason: '指标未改善' });
    expect(back2.body.events.at(-1)).toMatchObject({
      reason: '指标未改善',
      data: { from: 'verification' },
    });
  });

  it('checks evidence files: type by content, size limit, duplicates, and only the lead unit adds them', async () => {
    const id = await taskIn('in_progress');
    const upload = (user: string, name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return call(user, `/tasks/${id}/evidence`, { method: 'POST', body: form });
    };
    const fake = await upload('jinfeng.spj.staff', 'photo.png', PDF);
    expect(fake.status).toBe(422);
    expect(fake.body.message).toMatch(/named \.png but its content is application\/pdf/);
    const script = await upload('jinfeng.spj.staff', 'a.pdf', Buffer.from('#!/bin/sh'));
    expect(script.status).toBe(422);
    expect((await upload('jinfeng.spj.staff', 'a.pdf', PDF)).status).toBe(201);
    expect((await upload('jinfeng.spj.head', 'b.pdf', PDF)).status).toBe(409);
    expect((await upload('jinfeng.admin', 'c.pdf', PDF)).status).toBe(403);
    const stored = await db.query(
      'SELECT sha256, size, media_type FROM task_evidence WHERE task_id = $1',
      [id],
    );
    expect(stored.rows).toEqual([
      {
        sha256: require('node:crypto').createHash('sha256').update(PDF).digest('hex'),
        size: PDF.length,
        media_type: 'application/pdf',
      },
    ]);
  });

  it('reminds before the deadline and escalates yellow then red after it, once per level, from the queue job', async () => {
    const id = await taskIn('in_progress');
    const task = (await call('jinfeng.admin', `/tasks/${id}`)).body;
    const reminders = t.app.get(RemindersService);
    const levelsFor = async () =>
      (
        await db.query(`SELECT level FROM task_reminder WHERE task_id = $1 ORDER BY at, level`, [
          id,
        ])
      ).rows.map((r) => r.level);
    // Move "today" to the deadline, then past it, counting in working days on the calendar.
    const daysTo = async (workingDaysAfterDeadline: number) => {
      let offset = 0;
      for (;;) {
        const day = beijingDate(new Date(clock.at + offset * 86_400_000));
        const gap = await call(
          'jinfeng.admin',
          `/calendar/deadline?start=${task.deadline}&days=${Math.max(1, workingDaysAfterDeadline)}&region=640106`,
        );
        const target = workingDaysAfterDeadline === 0 ? task.deadline : gap.body.due;
        if (day >= target) return offset;
        offset += 1;
      }
    };
    clock.offsetDays = await daysTo(0);
    await reminders.scan();
    await reminders.scan();
    expect(await levelsFor()).toEqual(['due-today']);
    clock.offsetDays = await daysTo(1);
    await reminders.scan();
    expect((await levelsFor()).filter((l) => l === 'yellow')).toHaveLength(1);
    clock.offsetDays = await daysTo(3);
    await reminders.scan();
    await reminders.scan();
    expect((await levelsFor()).filter((l) => l === 'red')).toHaveLength(1);
    const now = (await call('jinfeng.spj.staff', `/tasks/${id}`)).body;
    expect(now.reminder).toBe('red');
    expect(now.overdueWorkingDays).toBe(3);
    expect(now.deadline).toBe(task.deadline);
    expect(now.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(2);
    // The thresholds are data, per region and inherited down the tree: with red at five
    // working days for 银川市, three overdue in 金凤区 is yellow again.
    const put = (user: string, region: string, body: unknown) =>
      call(user, `/tasks/reminder-policy?region=${region}`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });
    // The county follows the city unless it set its own (the authorization matrix may have).
    await db.query(`DELETE FROM task_reminder_policy_region WHERE region_code = '640106'`);
    const lenient = { dueSoonDays: 2, yellowAfterDays: 1, redAfterDays: 5 };
    expect((await put('jinfeng.admin', '640100', lenient)).status).toBe(403);
    expect(
      (
        await put('yinchuan.admin', '640100', {
          dueSoonDays: 2,
          yellowAfterDays: 4,
          redAfterDays: 3,
        })
      ).status,
    ).toBe(400);
    // Another city's escalation is not Anyang's administrator's to change.
    expect((await put('anyang.admin', '640100', lenient)).status).toBe(404);
    expect((await put('yinchuan.admin', '640100', lenient)).status).toBe(200);
    try {
      expect((await call('jinfeng.spj.staff', `/tasks/${id}`)).body.reminder).toBe('yellow');
      const inherited = await call('jinfeng.admin', '/tasks/reminder-policy?region=640106');
      expect(inherited.body).toEqual({
        regionCode: '640106',
        ...lenient,
        setFor: '640100',
        updatedBy: 'yinchuan.admin',
      });
      // Yinchuan's rule does not reach Henan.
      const henan = await call('anyang.admin', '/tasks/reminder-policy?region=410505');
      expect(henan.body.redAfterDays).toBe(3);
      expect(henan.body.setFor).not.toBe('640100');
    } finally {
      await put('yinchuan.admin', '640100', {
        dueSoonDays: 2,
        yellowAfterDays: 1,
        redAfterDays: 3,
      });
    }
    const overview = await call('yinchuan.admin', '/tasks/overview?region=640100');
    const jinfeng = overview.body.find((r: { regionCode: string }) => r.regionCode === '640106');
    expect(jinfeng.red).toBeGreaterThanOrEqual(1);
    expect(jinfeng.overdue).toBeGreaterThanOrEqual(1);
  });

  it('opens one task per unit below target in one action, and not twice', async () => {
    const assessment = await call('jinfeng.admin', `/assessments?region=640106&period=${PERIOD}`);
    const ia = assessment.body.indicators.find((i: { code: string }) => i.code === INDICATOR);
    const below = ia.children
      .filter(
        (r: any) => r.subject.kind === 'unit' && ['missed', 'close'].includes(r.target?.status),
      )
      .map((r: any) => r.subject.id)
      .sort();
    // The Jinfeng annex has units below the offline-evaluation target (审批局 98.87%).
    expect(below.length).toBeGreaterThan(0);
    // Only the units ticked after a look: one of them, with a date as its deadline.
    const one = await post('jinfeng.admin', '/tasks/bulk', {
      indicator: INDICATOR,
      period: PERIOD,
      region: '640106',
      deadline: '2099-06-30',
      units: [below[0]],
    });
    expect(one.status).toBe(201);
    expect([
      ...one.body.opened.map((x: { leadUnitId: string }) => x.leadUnitId),
      ...one.body.skipped.map((x: { unitId: string }) => x.unitId),
    ]).toEqual([below[0]]);
    for (const t of one.body.opened) expect(t.deadline).toBe('2099-06-30');
    const openBefore = await db.query(
      `SELECT DISTINCT lead_unit_id FROM task WHERE indicator = $1 AND period = $2 AND state NOT IN ('closed','cancelled')`,
      [INDICATOR, PERIOD],
    );
    const first = await post('jinfeng.admin', '/tasks/bulk', {
      indicator: INDICATOR,
      period: PERIOD,
      region: '640106',
      workingDays: 10,
    });
    expect(first.status).toBe(201);
    const already = openBefore.rows.map((r) => r.lead_unit_id).filter((u) => below.includes(u));
    expect(first.body.opened.map((x: { leadUnitId: string }) => x.leadUnitId).sort()).toEqual(
      below.filter((u: string) => !already.includes(u)),
    );
    expect(
      first.body.opened.every(
        (x: { source: string; state: string }) =>
          x.source === 'indicator' && x.state === 'assigned',
      ),
    ).toBe(true);
    const again = await post('jinfeng.admin', '/tasks/bulk', {
      indicator: INDICATOR,
      period: PERIOD,
      region: '640106',
      workingDays: 10,
    });
    expect(again.body.opened).toEqual([]);
    expect(again.body.skipped.map((s: { unitId: string }) => s.unitId).sort()).toEqual(below);
    expect(
      (
        await post('jinfeng.spj.head', '/tasks/bulk', {
          indicator: INDICATOR,
          period: PERIOD,
          region: '640106',
          workingDays: 10,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await post('lingwu.admin', '/tasks/bulk', {
          indicator: INDICATOR,
          period: PERIOD,
          region: '640106',
          workingDays: 10,
        })
      ).status,
    ).toBe(404);
  });

  it('checks the effect on the next period once its figures are in: effective when the target is met, not effective otherwise', async () => {
    // Two tasks on the offline evaluation rate of 2022-01..2022-08, both handled by 审批局: one on
    // its own figure (98.87%), one on 残联's (53.03%), both walked to verification.
    const own = await open({ source: 'indicator', indicator: INDICATOR, period: PERIOD });
    const cl = await open({
      source: 'indicator',
      indicator: INDICATOR,
      period: PERIOD,
      subjectUnitId: '640106:cl',
    });
    expect(cl.body.snapshot).toMatchObject({
      subject: 'unit:640106:cl',
      value: 53.03,
      status: 'missed',
    });
    for (const id of [own.body.id, cl.body.id]) {
      for (const [user, action, body] of [
        ['jinfeng.spj.staff', 'acknowledge', {}],
        ['jinfeng.spj.staff', 'start', {}],
        ['jinfeng.spj.staff', 'submit', { report: '已整改' }],
        ['jinfeng.spj.head', 'sign-off', {}],
        ['jinfeng.admin', 'verify', {}],
      ] as const)
        expect((await post(user, `/tasks/${id}/${action}`, body)).status).toBe(200);
    }
    const reminders = t.app.get(RemindersService);
    expect(await reminders.checkEffect(cl.body.id)).toBe('pending');

    // The January–September table arrives: 残联 79/80 = 98.75% (met), 审批局 5769/5935 = 97.20% (missed).
    const csv = iconv
      .decode(
        fixture('ningxia', 'jinfeng-2022-01to08-annex2-haochaping.gb18030.csv').bytes,
        'gb18030',
      )
      .replace('2022年1-8月', '2022年1-9月')
      .replace('1,审批局,5867,32,5835,5769,98.87,100', '1,审批局,5967,32,5935,5769,97.20,100')
      .replace(
        '3,金凤区残疾人联合会,66,0,66,35,53.03,100',
        '3,金凤区残疾人联合会,80,0,80,79,98.75,100',
      )
      .replace(
        '合计,,47903,35767,12136,12009,98.95,100',
        '合计,,48017,35767,12250,12053,98.39,100',
      );
    const imported = await call('jinfeng.admin', '/imports', {
      method: 'POST',
      body: uploadForm({
        name: 'jinfeng-2022-01to09-annex2-haochaping.gb18030.csv',
        bytes: iconv.encode(csv, 'gb18030'),
      }),
    });
    expect(imported.status).toBe(201);
    expect(imported.body.import.period).toBe('2022-01..2022-09');
    try {
      expect(await reminders.checkEffect(cl.body.id)).toBe('effective');
      expect(await reminders.checkEffect(own.body.id)).toBe('not_effective');
      const after = (await call('jinfeng.admin', `/tasks/${cl.body.id}`)).body;
      expect(after.effect).toBe('effective');
      expect(after.effectSnapshot).toMatchObject({
        period: '2022-01..2022-09',
        value: 98.75,
        status: 'met',
      });
      expect(after.events.at(-1)).toMatchObject({
        action: 'effect',
        actor: 'system',
        data: { effect: 'effective' },
      });
      // Checked once: running the job again changes nothing.
      expect(await reminders.checkEffect(cl.body.id)).toBe('effective');
      const effects = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.effect' AND target_id = $1`,
        [cl.body.id],
      );
      expect(effects.rows[0].n).toBe(1);
    } finally {
      // Leave the run's database without the made-up September figures.
      await post('jinfeng.admin', `/imports/${imported.body.import.id}/rollback`, {
        reason: 'tasks spec',
      });
    }
  });

  it('counts working days on the stored calendar: the package, its regional days, and days an administrator enters', async () => {
    const national = await call('jinfeng.spj.staff', '/calendar/deadline?start=2022-09-30&days=5');
    expect(national.body).toMatchObject({ due: '2022-10-12', provisional: false });
    expect(national.body.crossed.map((d: { name: string }) => d.name)).toContain('国庆节');
    // 古尔邦节 closes Ningxia on 11 and 12 July 2022, not Henan.
    expect(
      (await call('jinfeng.admin', '/calendar/deadline?start=2022-07-08&days=1&region=640106')).body
        .due,
    ).toBe('2022-07-13');
    expect(
      (await call('jinfeng.admin', '/calendar/deadline?start=2022-07-08&days=1&region=410505')).body
        .due,
    ).toBe('2022-07-11');
    // 2015's notice comes from the package too (the typed calendar began in 2022).
    const listed2015 = await call('jinfeng.admin', '/calendar?year=2015');
    expect(listed2015.body).toContainEqual(
      expect.objectContaining({ date: '2015-09-03', kind: 'holiday', source: 'package' }),
    );

    const put = (user: string, body: unknown) =>
      call(user, '/calendar/days', { method: 'PUT', body: JSON.stringify(body) });
    // 2098 has no notice: counted on weekdays, marked provisional, never refused.
    const before = await call('jinfeng.admin', '/calendar/deadline?start=2098-12-31&days=1');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      due: '2099-01-01',
      provisional: true,
      provisionalYears: [2099],
    });
    expect(
      (await put('jinfeng.admin', { date: '2099-01-01', kind: 'holiday', name: '元旦' })).status,
    ).toBe(403);
    expect(
      (await put('yinchuan.admin', { date: '2099-01-01', kind: 'holiday', name: '元旦' })).status,
    ).toBe(200);
    try {
      // 2099-01-01 is a Thursday holiday now: the first working day after it is Friday the 2nd,
      // still provisional (a day entered is not the year's notice).
      expect(
        (await call('jinfeng.admin', '/calendar/deadline?start=2098-12-31&days=1')).body,
      ).toMatchObject({ due: '2099-01-02', provisional: true });
      const listed = await call('jinfeng.admin', '/calendar?year=2099');
      expect(listed.body).toContainEqual({
        date: '2099-01-01',
        kind: 'holiday',
        name: '元旦',
        regionPrefix: '',
        updatedBy: 'yinchuan.admin',
        source: 'entered',
        noticeId: null,
      });
    } finally {
      await call('yinchuan.admin', '/calendar/days?date=2099-01-01', { method: 'DELETE' });
    }
    const bad = await put('yinchuan.admin', { date: '2027-13-01', kind: 'day-off', name: 'x' });
    expect(bad.status).toBe(400);

    // Another area's days are not a Yinchuan administrator's to change: Henan's, or Anyang's.
    const henan = await put('yinchuan.admin', {
      date: '2098-01-05',
      kind: 'holiday',
      name: '调休',
      regionPrefix: '41',
    });
    expect(henan.status).toBe(403);
    expect(henan.body.message).toMatch(/region prefix 41 do not apply to your regions \(640100\)/);
    // The city's own day can be added and, entered by mistake, removed again (audited).
    expect(
      (
        await put('yinchuan.admin', {
          date: '2098-01-05',
          kind: 'holiday',
          name: '银川市测试休息日',
          regionPrefix: '6401',
        })
      ).status,
    ).toBe(200);
    const removed = await call(
      'yinchuan.admin',
      '/calendar/days?date=2098-01-05&regionPrefix=6401',
      {
        method: 'DELETE',
      },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.name).toBe('银川市测试休息日');
    const again = await call('yinchuan.admin', '/calendar/days?date=2098-01-05&regionPrefix=6401', {
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    expect(again.body.message).toBe('the calendar has no day 2098-01-05 for region prefix 6401');
    const audit = await db.query(
      `SELECT action, actor FROM audit_log WHERE target_id = '2098-01-05@6401' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'calendar.day.add', actor: 'yinchuan.admin' },
      { action: 'calendar.day.remove', actor: 'yinchuan.admin' },
    ]);
  });

  it('opens tasks on 2027-03-01 and 2031-06-15 with provisional deadlines, counted and reminded like any other', async () => {
    // chinese-days stops at 2026: a year without its notice is counted on weekdays, marked 暂定.
    clock.at = Date.parse('2027-03-01T09:00:00+08:00');
    const in2027 = await open({ workingDays: 20, title: '2027年整改' });
    expect(in2027.status).toBe(201);
    // Monday 1 March + 20 weekdays = Monday 29 March.
    expect(in2027.body).toMatchObject({
      deadline: '2027-03-29',
      workingDays: 20,
      provisional: true,
      provisionalYears: [2027],
      elapsedWorkingDays: 0,
      remainingWorkingDays: 20,
      clockProvisional: true,
    });
    const stored = await db.query(
      `SELECT to_char(deadline_from, 'YYYY-MM-DD') AS "from", deadline_working_days AS n,
              deadline_provisional_years AS years FROM task WHERE id = $1`,
      [in2027.body.id],
    );
    expect(stored.rows).toEqual([{ from: '2027-03-01', n: 20, years: [2027] }]);
    // An explicit deadline in 2027 is counted too: elapsed, remaining and overdue, reminded.
    const explicit = await open({ workingDays: undefined, deadline: '2027-03-05' });
    expect(explicit.body).toMatchObject({
      provisional: false,
      workingDays: null,
      remainingWorkingDays: 4,
      clockProvisional: true,
    });
    clock.offsetDays = 10; // Thursday 11 March: four working days past Friday 5 March
    const late = (await call('jinfeng.admin', `/tasks/${explicit.body.id}`)).body;
    expect([late.overdueWorkingDays, late.reminder]).toEqual([4, 'red']);
    const recorded = await t.app.get(RemindersService).scan();
    expect(recorded).toContainEqual({ taskId: explicit.body.id, level: 'red' });
    const overview = await call('jinfeng.admin', '/tasks/overview?region=640106');
    expect(
      overview.body.find((r: { regionCode: string }) => r.regionCode === '640106').overdue,
    ).toBeGreaterThanOrEqual(1);

    clock.at = Date.parse('2031-06-15T09:00:00+08:00');
    clock.offsetDays = 0;
    const in2031 = await open({ workingDays: 20, title: '2031年整改' });
    expect(in2031.status).toBe(201);
    // Sunday 15 June: four full weeks from Monday the 16th, Friday 11 July.
    expect(in2031.body).toMatchObject({
      deadline: '2031-07-11',
      provisional: true,
      provisionalYears: [2031],
    });
  });

  it("loads a year's notice through the API (audited), which recounts the open provisional deadlines with the same working days", async () => {
    const health = async () =>
      ((await (await fetch(`${t.baseUrl}/health`)).json()) as any).info.calendar;
    // Thursday 24 December 2026: from December on, next year's notice is wanted too.
    clock.at = Date.parse('2026-12-24T09:00:00+08:00');
    expect(await health()).toMatchObject({
      status: 'up',
      today: '2026-12-24',
      missingNoticeYear: 2027,
      warning: expect.stringContaining('国务院办公厅关于2027年部分节假日安排的通知'),
    });
    const coverage = await call('yinchuan.admin', '/calendar/coverage');
    expect(coverage.body.warning.year).toBe(2027);
    expect(coverage.body.years.find((y: { year: number }) => y.year === 2027).national).toBe(
      'provisional',
    );
    expect(coverage.body.years.find((y: { year: number }) => y.year === 2026).national).toBe(
      'package',
    );

    // 25, 28–31 December, then 1 January (a weekday without the notice), 4–7 January.
    const task = await open({ workingDays: 10, title: '跨年整改' });
    expect(task.body).toMatchObject({
      deadline: '2027-01-07',
      provisional: true,
      provisionalYears: [2027],
    });
    const kept = await open({ workingDays: 3, title: '年内整改' });
    expect(kept.body).toMatchObject({ deadline: '2026-12-29', provisional: false });

    const notice = {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      documentNumber: '国办发明电〔2026〕测试号',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    };
    const load = (user: string, body: unknown) =>
      call(user, '/calendar/notices', { method: 'POST', body: JSON.stringify(body) });
    // A county administrator has no calendar:write; Yinchuan's may not load Henan's days.
    expect((await load('jinfeng.admin', notice)).status).toBe(403);
    const henan = await load('yinchuan.admin', { ...notice, regionPrefix: '41' });
    expect(henan.status).toBe(403);
    const weekday = await load('yinchuan.admin', {
      ...notice,
      days: [{ date: '2027-01-05', kind: 'workday', name: '调休上班' }],
    });
    expect(weekday.status).toBe(400);
    expect(weekday.body.message).toMatch(
      /2027-01-05 is a weekday, so it cannot be a 调休 working day/,
    );
    const other = await load('yinchuan.admin', {
      ...notice,
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(other.body.message).toMatch(/2028-01-01 is not in 2027/);

    const loaded = await load('yinchuan.admin', notice);
    expect(loaded.status).toBe(201);
    expect(loaded.body.notice).toMatchObject({
      year: 2027,
      regionPrefix: '',
      documentNumber: '国办发明电〔2026〕测试号',
      dayCount: 3,
      loadedBy: 'yinchuan.admin',
    });
    expect(loaded.body.replaced).toBeNull();
    expect(loaded.body.recomputed).toContainEqual({
      taskId: task.body.id,
      number: task.body.number,
      from: '2027-01-07',
      to: '2027-01-08',
      workingDays: 10,
      provisionalYears: [],
    });
    expect(loaded.body.recomputed.map((r: { taskId: string }) => r.taskId)).not.toContain(
      kept.body.id,
    );
    const after = (await call('jinfeng.spj.staff', `/tasks/${task.body.id}`)).body;
    expect(after).toMatchObject({
      deadline: '2027-01-08',
      originalDeadline: '2027-01-08',
      workingDays: 10,
      provisional: false,
      provisionalYears: [],
    });
    expect(after.events.at(-1)).toMatchObject({
      action: 'recount_deadline',
      actor: 'yinchuan.admin',
      data: { from: '2027-01-07', to: '2027-01-08', workingDays: 10, noticeYear: 2027 },
    });
    const audit = await db.query(
      `SELECT action, actor, target_id FROM audit_log
        WHERE action IN ('calendar.notice.load', 'task.deadline.recount')
          AND (target_id = '2027' OR target_id = $1) ORDER BY id`,
      [task.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'calendar.notice.load', actor: 'yinchuan.admin', target_id: '2027' },
      { action: 'task.deadline.recount', actor: 'yinchuan.admin', target_id: task.body.id },
    ]);
    expect(await health()).toMatchObject({ missingNoticeYear: null, warning: null });
    expect(
      (await call('jinfeng.admin', '/calendar/deadline?start=2026-12-31&days=1')).body,
    ).toEqual(expect.objectContaining({ due: '2027-01-04', provisional: false }));
    const listed = (await call('jinfeng.admin', '/calendar?year=2027')).body;
    expect(listed.map((d: { date: string; source: string }) => `${d.date} ${d.source}`)).toEqual([
      '2027-01-01 notice',
      '2027-01-02 notice',
      '2027-01-03 notice',
    ]);
    // Loading the year again replaces the notice and its days (audited as a replacement).
    const again = await load('yinchuan.admin', { ...notice, days: notice.days.slice(0, 1) });
    expect(again.status).toBe(201);
    expect(again.body.replaced).toMatchObject({ dayCount: 3 });
    expect(again.body.recomputed).toEqual([]);
    expect((await call('jinfeng.admin', '/calendar?year=2027')).body).toHaveLength(1);
    const notices = await call('jinfeng.spj.staff', '/calendar/notices?year=2027');
    expect(notices.body).toEqual([expect.objectContaining({ year: 2027, dayCount: 1 })]);
  });

  it('lists the inbox on the command line, with overdue time and escalation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'efficacy-cli-tasks-'));
    try {
      const cli = cliRunner(t.baseUrl, dir);
      expect((await cli('login', 'jinfeng.spj.staff')).code).toBe(0);
      const listed = await cli('tasks', 'list', '--inbox', 'unit');
      expect(listed.code).toBe(0);
      expect(listed.out).toMatch(/#\d+\s+(已交办|已签收|整改中)\s+金凤区审批服务管理局/);
      expect(listed.out).toMatch(/\d+ task\(s\), \d+ overdue/);
      const bad = await cli('tasks', 'list', '--inbox', 'mine');
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('--inbox must be one of unit, sign-off, verify, opened, all');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its invariants over random sequences of actions through the API (property)', async () => {
    const steps = fc.array(
      fc.record({
        user: fc.constantFrom(...USERS.slice(0, 6)),
        action: fc.constantFrom(
          ...ACTIONS.map((a) => a.path),
          'extension/grant',
          'extension/refuse',
        ),
      }),
      { minLength: 3, maxLength: 14 },
    );
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const id = await taskIn('draft');
        const first = (await call('jinfeng.admin', `/tasks/${id}`)).body;
        let deadline = first.deadline;
        for (const { user, action } of sequence) {
          const body = ACTIONS.find((a) => a.path === action)?.body ?? { reason: '理由' };
          const res = await post(user, `/tasks/${id}/${action}`, body);
          expect([200, 400, 403, 404, 409]).toContain(res.status);
          const now = (await call('jinfeng.admin', `/tasks/${id}`)).body;
          // One state at a time, always a known one.
          expect(TASK_STATES).toContain(now.state);
          // Only a head of the lead unit signs off.
          if (action === 'sign-off' && res.status === 200) expect(user).toBe('jinfeng.spj.head');
          // Deadlines never move silently: only a granted extension moves them, and it says so.
          if (now.deadline !== deadline) {
            expect(action).toBe('extension/grant');
            expect(now.events.at(-1).action).toBe('grant_extension');
          }
          expect(now.originalDeadline).toBe(first.originalDeadline);
          deadline = now.deadline;
        }
        // The timeline reads in the order things happened, past ten events too.
        const last = (await call('jinfeng.admin', `/tasks/${id}`)).body;
        const ids = last.events.map((e: { id: string }) => Number(e.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        const rows = await db.query('SELECT count(*)::int AS n FROM task WHERE id = $1', [id]);
        expect(rows.rows[0].n).toBe(1);
      }),
      { seed: 20221012, numRuns: 12 },
    );
  });
});
