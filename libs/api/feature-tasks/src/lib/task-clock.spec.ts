import { DEFAULT_REMINDER_POLICY } from '@efficacy/api-contract';
import { addWorkingDays } from '@efficacy/working-calendar';
import { calendarRegion, chinaDate, taskClock } from './task-clock';

const at = (iso: string) => new Date(iso);
const policy = DEFAULT_REMINDER_POLICY;

describe('task clock from the event history', () => {
  it('2022-09-30 + 5 working days is 2022-10-12: National Day, then the worked weekend of 8 and 9 October', () => {
    expect(addWorkingDays('2022-09-30', 5)).toBe('2022-10-12');
  });

  it('counts a Ningxia-only closure (古尔邦节 2022-07-11/12) for a Ningxia county, not elsewhere', () => {
    expect(addWorkingDays('2022-07-08', 1, { region: '640106' })).toBe('2022-07-13');
    expect(addWorkingDays('2022-07-08', 1, { region: '410505' })).toBe('2022-07-11');
  });

  it('counts elapsed and remaining working days across the National Day holiday', () => {
    const events = [{ at: at('2022-09-30T02:00:00Z'), toState: 'assigned' as const }];
    const clock = taskClock(
      'in_progress',
      '2022-10-12',
      events,
      at('2022-10-10T02:00:00Z'),
      {},
      policy,
    );
    // 10-08 and 10-09 were worked, 10-10 is a Monday: three working days since 30 September.
    expect(clock.elapsedWorkingDays).toBe(3);
    expect(clock.remainingWorkingDays).toBe(2);
    expect(clock.reminder).toBe('due-soon');
  });

  it('turns yellow, then red, after the deadline, and stops at submission', () => {
    const events = [{ at: at('2022-09-30T02:00:00Z'), toState: 'assigned' as const }];
    const yellow = taskClock(
      'in_progress',
      '2022-10-12',
      events,
      at('2022-10-13T02:00:00Z'),
      {},
      policy,
    );
    expect([yellow.overdueWorkingDays, yellow.reminder]).toEqual([1, 'yellow']);
    const red = taskClock(
      'in_progress',
      '2022-10-12',
      events,
      at('2022-10-17T02:00:00Z'),
      {},
      policy,
    );
    expect([red.overdueWorkingDays, red.reminder]).toEqual([3, 'red']);
    const submitted = taskClock(
      'submitted',
      '2022-10-12',
      [...events, { at: at('2022-10-11T02:00:00Z'), toState: 'submitted' as const }],
      at('2022-10-20T02:00:00Z'),
      {},
      policy,
    );
    expect([
      submitted.overdueWorkingDays,
      submitted.reminder,
      submitted.remainingWorkingDays,
    ]).toEqual([0, 'none', null]);
  });

  it('counts a task with a 2027 deadline, provisionally, instead of showing nothing', () => {
    // Opened Wednesday 2026-12-23 with an explicit deadline of Friday 2027-01-08.
    const events = [{ at: at('2026-12-23T02:00:00Z'), toState: 'assigned' as const }];
    const before = taskClock(
      'in_progress',
      '2027-01-08',
      events,
      at('2026-12-30T02:00:00Z'),
      {},
      policy,
    );
    // 24–25, 28–30 December worked; 31 December, then 1 (no notice: a weekday), 4–8 January.
    expect(before).toMatchObject({
      elapsedWorkingDays: 5,
      remainingWorkingDays: 7,
      overdueWorkingDays: 0,
      clockProvisional: true,
    });
    const after = taskClock(
      'in_progress',
      '2027-01-08',
      events,
      at('2027-01-13T02:00:00Z'),
      {},
      policy,
    );
    expect(after).toMatchObject({ overdueWorkingDays: 3, reminder: 'red', clockProvisional: true });
    // With 2027's notice loaded (1 January off), the same figures are final.
    const loaded = {
      data: [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }],
      noticeYears: [2027],
    };
    expect(
      taskClock('in_progress', '2027-01-08', events, at('2026-12-30T02:00:00Z'), loaded, policy),
    ).toMatchObject({ remainingWorkingDays: 6, clockProvisional: false });
  });

  it('keeps counting years ahead: a task running in 2031 turns red, never silent', () => {
    const events = [{ at: at('2031-06-16T01:00:00Z'), toState: 'assigned' as const }];
    const red = taskClock(
      'in_progress',
      '2031-06-20',
      events,
      at('2031-06-26T01:00:00Z'),
      {},
      policy,
    );
    expect(red).toMatchObject({ overdueWorkingDays: 4, reminder: 'red', clockProvisional: true });
  });

  it('reads dates in China time: 23:30 UTC is already the next day', () => {
    expect(chinaDate(at('2022-09-30T23:30:00Z'))).toBe('2022-10-01');
  });
});

describe('calendar region of a registry code', () => {
  it("keeps a generated village code on its township's calendar (a prefix of the county's)", () => {
    expect(calendarRegion('510403100000-jinlin')).toBe('510403100000');
    expect(calendarRegion('510403100000')).toBe('510403100000');
    expect(calendarRegion('640106')).toBe('640106');
  });
});
