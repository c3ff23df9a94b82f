import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TASK_GUARDS,
  TASK_WORKFLOW,
  actionNeeds,
  decide,
  rolesFor,
  taskWorkflowMarkdown,
  terminalStates,
  transitionsFrom,
} from './task-workflow';
import { FINAL_STATES, TASK_ACTIONS, TASK_STATES, type TaskState } from './tasks';
import { permissionsOf } from './permissions';

const DOC = join(__dirname, '..', '..', 'task-workflow.md');
const START = '<!-- task-workflow:start -->';
const END = '<!-- task-workflow:end -->';

/** The text with table cells trimmed and rules shortened, so Prettier's padding does not count. */
const normalised = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => (/^\s*-+\s*$/.test(cell) ? '-' : cell.trim()))
            .join('|')
        : line,
    )
    .join('\n');

describe('the declared task workflow', () => {
  it('reaches every state from a draft', () => {
    const reached = new Set<TaskState>(['draft']);
    const queue: TaskState[] = ['draft'];
    while (queue.length) {
      for (const t of transitionsFrom(queue.shift() as TaskState))
        if (!reached.has(t.to)) queue.push(reached.add(t.to) && t.to);
    }
    expect([...reached].sort()).toEqual([...TASK_STATES].sort());
  });

  it('lets nothing leave the terminal states, and every other state has a way on', () => {
    expect(terminalStates()).toEqual([...FINAL_STATES]);
    expect(TASK_WORKFLOW.filter((t) => FINAL_STATES.includes(t.from))).toEqual([]);
  });

  it('names at least one role for every transition, and every action has one', () => {
    for (const t of TASK_WORKFLOW)
      expect({ transition: `${t.from} ${t.action}`, roles: rolesFor(t) }).toEqual({
        transition: `${t.from} ${t.action}`,
        roles: expect.arrayContaining([expect.any(String)]),
      });
    expect(TASK_ACTIONS.filter((a) => !TASK_WORKFLOW.some((t) => t.action === a))).toEqual([]);
  });

  it('lists each state and action once, with known guards', () => {
    const keys = TASK_WORKFLOW.map((t) => `${t.from} ${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TASK_WORKFLOW) for (const g of t.guards) expect(TASK_GUARDS).toContain(g);
  });

  it('gives sign-off to heads and verification to administrators, as the roles say', () => {
    const byAction = (action: string) =>
      TASK_WORKFLOW.filter((t) => t.action === action).map((t) => rolesFor(t));
    expect(byAction('sign_off')).toEqual([['dept-head']]);
    expect(byAction('verify')).toEqual([['city-admin', 'county-admin']]);
    expect(byAction('return')).toEqual([['dept-head'], ['city-admin', 'county-admin']]);
  });

  it('asks in the dialog for what the guards check', () => {
    expect(actionNeeds('submit')).toEqual({ reason: false, report: true, until: false });
    expect(actionNeeds('request_extension')).toEqual({ reason: true, report: false, until: true });
    expect(actionNeeds('cancel')).toEqual({ reason: true, report: false, until: false });
    expect(actionNeeds('sign_off')).toEqual({ reason: false, report: false, until: false });
  });

  it('refuses by the first failing guard, in the declared order', () => {
    const staff = {
      permissions: permissionsOf(['dept-staff']),
      regionCodes: ['640106'],
      units: ['640106:spj'],
    };
    const task = {
      state: 'in_progress' as const,
      deadline: '2022-10-12',
      leadUnitId: '640106:spj',
      openerRegion: '640106',
      pendingExtension: true,
    };
    // Waiting extension is checked before the passed deadline and the missing date.
    expect(decide(task, 'request_extension', staff, { today: '2022-10-20' })).toEqual({
      ok: false,
      code: 'conflict',
      message: 'an extension is already waiting for an answer from the opener',
    });
  });

  it('is the table the docs show', () => {
    const text = readFileSync(DOC, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect({ start: start >= 0, end: end > start }).toEqual({ start: true, end: true });
    const shown = normalised(text.slice(start + START.length, end));
    const declared = taskWorkflowMarkdown().trim();
    if (shown !== normalised(declared) && process.env['UPDATE_TASK_WORKFLOW_DOC'] === '1') {
      writeFileSync(
        DOC,
        `${text.slice(0, start + START.length)}\n\n${declared}\n\n${text.slice(end)}`,
      );
      return;
    }
    if (shown !== normalised(declared))
      throw new Error(
        `${DOC} does not show the workflow declared in task-workflow.ts; rewrite it with ` +
          'UPDATE_TASK_WORKFLOW_DOC=1 npx jest -c tools/jest/jest.unit.config.cjs task-workflow',
      );
  });
});
