import fc from 'fast-check';
import {
  TASK_ACTIONS,
  TASK_STATES,
  reminderLevel,
  DEFAULT_REMINDER_POLICY,
  type ActorFacts,
  type TaskAction,
  type TaskFacts,
  areaPrefix,
  calendarPrefixApplies,
} from './tasks';
import { availableActions, decide } from './task-workflow';
import { permissionsOf } from './permissions';

const actor = (roles: string[], regionCodes: string[], units: string[] = []): ActorFacts => ({
  permissions: permissionsOf(roles),
  regionCodes,
  units,
});

const ACTORS = {
  jinfengAdmin: actor(['county-admin'], ['640106']),
  yinchuanAdmin: actor(['city-admin'], ['640100', '640104', '640105', '640106', '640181']),
  lingwuAdmin: actor(['county-admin'], ['640181']),
  spjHead: actor(['dept-head'], ['640106'], ['640106:spj']),
  spjStaff: actor(['dept-staff'], ['640106'], ['640106:spj']),
  otherHead: actor(['dept-head'], ['640106'], ['640106:zwfw']),
  auditor: actor(['auditor'], ['640100', '640106']),
  it: actor(['regional-it'], ['640000']),
};
type ActorName = keyof typeof ACTORS;

const task = (state: TaskFacts['state'], extra: Partial<TaskFacts> = {}): TaskFacts => ({
  state,
  deadline: '2022-10-12',
  leadUnitId: '640106:spj',
  openerRegion: '640106',
  pendingExtension: false,
  ...extra,
});
const today = '2022-10-01';

describe('task state machine', () => {
  it('walks the whole path with the right people', () => {
    const steps: Array<[TaskAction, ActorName, TaskFacts['state']]> = [
      ['assign', 'jinfengAdmin', 'assigned'],
      ['acknowledge', 'spjStaff', 'acknowledged'],
      ['start', 'spjStaff', 'in_progress'],
      ['submit', 'spjStaff', 'submitted'],
      ['sign_off', 'spjHead', 'signed_off'],
      ['verify', 'jinfengAdmin', 'closed'],
    ];
    let t = task('draft');
    for (const [action, who, to] of steps) {
      const d = decide(t, action, ACTORS[who], { today, report: 'done' });
      expect(d).toEqual({ ok: true, to });
      t = { ...t, state: to };
    }
  });

  it("refuses sign-off by staff and by another unit's head, with a reason", () => {
    const staff = decide(task('submitted'), 'sign_off', ACTORS.spjStaff, { today });
    expect(staff).toMatchObject({ ok: false, code: 'forbidden' });
    const other = decide(task('submitted'), 'sign_off', ACTORS.otherHead, { today });
    expect(other).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!other.ok && other.message).toContain('640106:spj');
  });

  it('returns from sign-off (head) and from verification (opener level), each needing a reason', () => {
    expect(
      decide(task('submitted'), 'return', ACTORS.spjHead, { today, reason: '证据不足' }),
    ).toEqual({ ok: true, to: 'in_progress' });
    expect(
      decide(task('signed_off'), 'return', ACTORS.jinfengAdmin, { today, reason: '未整改' }),
    ).toEqual({ ok: true, to: 'in_progress' });
    expect(decide(task('submitted'), 'return', ACTORS.spjHead, { today })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      decide(task('signed_off'), 'return', ACTORS.spjHead, { today, reason: 'x' }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('asks for an extension only before the deadline, and only once at a time', () => {
    const ask = { today: '2022-10-12', until: '2022-10-20', reason: '需协调' };
    expect(decide(task('in_progress'), 'request_extension', ACTORS.spjStaff, ask)).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(
      decide(task('in_progress'), 'request_extension', ACTORS.spjStaff, {
        ...ask,
        today: '2022-10-13',
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    // 2022-02-30 is not a date: refused before it could become a deadline.
    expect(
      decide(task('in_progress'), 'request_extension', ACTORS.spjStaff, {
        ...ask,
        until: '2023-02-30',
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(
      decide(
        task('in_progress', { pendingExtension: true }),
        'request_extension',
        ACTORS.spjStaff,
        ask,
      ),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(
      decide(
        task('in_progress', { pendingExtension: true }),
        'grant_extension',
        ACTORS.spjHead,
        ask,
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      decide(
        task('in_progress', { pendingExtension: true }),
        'grant_extension',
        ACTORS.jinfengAdmin,
        ask,
      ),
    ).toEqual({ ok: true, to: 'in_progress' });
  });

  it('offers the buttons a user may press now', () => {
    expect(availableActions(task('submitted'), ACTORS.spjHead, today)).toEqual([
      'sign_off',
      'return',
    ]);
    expect(availableActions(task('signed_off'), ACTORS.jinfengAdmin, today)).toEqual([
      'return',
      'verify',
      'cancel',
    ]);
    expect(availableActions(task('closed'), ACTORS.yinchuanAdmin, today)).toEqual([]);
    expect(availableActions(task('assigned'), ACTORS.auditor, today)).toEqual([]);
  });

  it('turns reminders yellow, then red, after the deadline', () => {
    const p = DEFAULT_REMINDER_POLICY;
    expect([5, 2, 0, -1, -2, -3].map((r) => reminderLevel(r, p))).toEqual([
      'none',
      'due-soon',
      'due-today',
      'yellow',
      'yellow',
      'red',
    ]);
  });

  it('keeps its invariants over random sequences of actions by random users (property)', () => {
    const names = Object.keys(ACTORS) as ActorName[];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            action: fc.constantFrom(...TASK_ACTIONS),
            who: fc.constantFrom(...names),
            reason: fc.constantFrom('', '理由'),
            dayOffset: fc.integer({ min: 0, max: 20 }),
          }),
          { maxLength: 40 },
        ),
        (steps) => {
          let t = task('draft');
          let pendingUntil: string | null = null;
          const original = t.deadline;
          for (const step of steps) {
            const day = `2022-10-${String(1 + step.dayOffset).padStart(2, '0')}`;
            const before = t;
            const d = decide(t, step.action, ACTORS[step.who], {
              today: day,
              reason: step.reason,
              report: 'r',
              until: '2022-10-28',
            });
            if (!d.ok) continue;
            // One state at a time, always a known one.
            expect(TASK_STATES).toContain(d.to);
            // No one signs off but a head of the lead unit.
            if (step.action === 'sign_off') expect(step.who).toBe('spjHead');
            // Closed and cancelled never move.
            expect(['closed', 'cancelled']).not.toContain(before.state);
            let deadline = t.deadline;
            let pending = t.pendingExtension;
            if (step.action === 'request_extension') {
              pending = true;
              pendingUntil = '2022-10-28';
            }
            if (step.action === 'grant_extension') {
              deadline = pendingUntil as string;
              pending = false;
            }
            if (step.action === 'refuse_extension') pending = false;
            // Deadlines move only by a granted extension.
            if (deadline !== t.deadline) expect(step.action).toBe('grant_extension');
            t = { ...t, state: d.to, deadline, pendingExtension: pending };
          }
          expect(original).toBe('2022-10-12');
        },
      ),
      { seed: 20221012, numRuns: 300 },
    );
  });
});

describe('calendar days by area', () => {
  it('names the area of a region by its significant digits', () => {
    expect(['640000', '640100', '640106', '620200'].map(areaPrefix)).toEqual([
      '64',
      '6401',
      '640106',
      '6202',
    ]);
  });

  it("lets a user change the nation's, the province's and their own area's days, not another's", () => {
    const yinchuan = ['640100'];
    expect(['', '64', '6401', '640106'].map((p) => calendarPrefixApplies(p, yinchuan))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['41', '6402', '640205'].map((p) => calendarPrefixApplies(p, yinchuan))).toEqual([
      false,
      false,
      false,
    ]);
    // The city's days apply to a county in it; a sibling county's days do not.
    expect(calendarPrefixApplies('6401', ['640106'])).toBe(true);
    expect(calendarPrefixApplies('640181', ['640106'])).toBe(false);
  });
});
