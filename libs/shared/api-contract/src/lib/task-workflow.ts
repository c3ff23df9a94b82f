/**
 * The rectification workflow declared once, as data: for each state and action the next state,
 * who may act (a permission and a tie to the task) and the named guards that must hold. The
 * API enforces transitions by reading this table (`decide`), the console shows its buttons in
 * its order and asks for what its guards need (`actionNeeds`), and the Markdown table in
 * `libs/shared/api-contract/task-workflow.md` is rendered from it (`taskWorkflowMarkdown`;
 * a unit spec fails when the file differs). ADR 0016.
 */
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from './permissions';
import {
  TASK_ACTIONS,
  TASK_STATES,
  isIsoDate,
  type ActionInput,
  type ActorFacts,
  type Decision,
  type TaskAction,
  type TaskFacts,
  type TaskState,
} from './tasks';

/**
 * How the actor is tied to the task, beyond the permission: a member of the lead unit
 * (Keycloak's `efficacy_units`), or an administrator of the opening level (the opener's own
 * region is in the actor's scope and the actor belongs to no unit).
 */
export type TaskTie = 'lead-unit' | 'opening-level';

/** The named conditions a transition checks, in the order it checks them. */
export const TASK_GUARDS = [
  'reason-given',
  'report-given',
  'no-extension-waiting',
  'before-deadline',
  'until-is-date',
  'until-after-deadline',
  'extension-waiting',
] as const;
export type TaskGuard = (typeof TASK_GUARDS)[number];

export interface TaskTransition {
  readonly from: TaskState;
  readonly action: TaskAction;
  /** The next state; the same as `from` for the extension actions, which move only the deadline. */
  readonly to: TaskState;
  readonly permission: Permission;
  readonly tie: TaskTie;
  /** Checked in this order once the actor and the state are right; the first that fails refuses. */
  readonly guards: readonly TaskGuard[];
  /**
   * For an action whose transitions are taken by different people (return): who takes this
   * one, and what another who may take the action elsewhere is told here.
   */
  readonly party?: string;
  readonly refusal?: string;
}

const WORKING: readonly TaskState[] = ['assigned', 'acknowledged', 'in_progress'];
const OPEN: readonly TaskState[] = [
  'draft',
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'signed_off',
];

function each(
  from: readonly TaskState[],
  action: TaskAction,
  rest: Omit<TaskTransition, 'from' | 'action' | 'to'> & { to?: TaskState },
): TaskTransition[] {
  return from.map((state) => ({ from: state, action, ...rest, to: rest.to ?? state }));
}

/**
 * The transition table: every (state, action) not listed is refused. Listed in the order of
 * `TASK_ACTIONS`, which is the order of the buttons.
 */
export const TASK_WORKFLOW: readonly TaskTransition[] = [
  ...each(['draft'], 'assign', {
    to: 'assigned',
    permission: 'task:assign',
    tie: 'opening-level',
    guards: [],
  }),
  ...each(['assigned'], 'acknowledge', {
    to: 'acknowledged',
    permission: 'task:work',
    tie: 'lead-unit',
    guards: [],
  }),
  ...each(['acknowledged'], 'start', {
    to: 'in_progress',
    permission: 'task:work',
    tie: 'lead-unit',
    guards: [],
  }),
  ...each(['in_progress'], 'submit', {
    to: 'submitted',
    permission: 'task:work',
    tie: 'lead-unit',
    guards: ['report-given'],
  }),
  ...each(['submitted'], 'sign_off', {
    to: 'signed_off',
    permission: 'task:sign-off',
    tie: 'lead-unit',
    guards: [],
  }),
  // Returned from sign-off by the lead unit's head, or from verification by the opening level.
  ...each(['submitted'], 'return', {
    to: 'in_progress',
    permission: 'task:sign-off',
    tie: 'lead-unit',
    guards: ['reason-given'],
    party: 'a department head of the lead unit (at sign-off)',
    refusal: 'a submitted task is returned by a department head of the lead unit',
  }),
  ...each(['signed_off'], 'return', {
    to: 'in_progress',
    permission: 'task:verify',
    tie: 'opening-level',
    guards: ['reason-given'],
    party: 'an administrator of the opening level (at verification)',
    refusal: 'a signed-off task is returned by an administrator of the opening level',
  }),
  ...each(['signed_off'], 'verify', {
    to: 'closed',
    permission: 'task:verify',
    tie: 'opening-level',
    guards: [],
  }),
  ...each(WORKING, 'request_extension', {
    permission: 'task:work',
    tie: 'lead-unit',
    guards: [
      'no-extension-waiting',
      'before-deadline',
      'until-is-date',
      'until-after-deadline',
      'reason-given',
    ],
  }),
  ...each(WORKING, 'grant_extension', {
    permission: 'task:open',
    tie: 'opening-level',
    guards: ['extension-waiting'],
  }),
  ...each(WORKING, 'refuse_extension', {
    permission: 'task:open',
    tie: 'opening-level',
    guards: ['reason-given', 'extension-waiting'],
  }),
  ...each(OPEN, 'cancel', {
    to: 'cancelled',
    permission: 'task:open',
    tie: 'opening-level',
    guards: ['reason-given'],
  }),
];

interface GuardRule {
  /** What the guard asks, for the docs. */
  readonly means: string;
  /** The refusal when it does not hold; null when it holds. */
  readonly check: (task: TaskFacts, input: ActionInput, action: TaskAction) => Decision | null;
}

export const TASK_GUARD_RULES: Readonly<Record<TaskGuard, GuardRule>> = {
  'reason-given': {
    means: 'a reason (field `reason`) is given',
    check: (_task, input, action) =>
      input.reason?.trim()
        ? null
        : invalid(
            action === 'request_extension'
              ? 'a reason is required to ask for an extension'
              : `a reason is required to ${verb(action)}`,
          ),
  },
  'report-given': {
    means: 'a rectification report (field `report`) is given',
    check: (_task, input) =>
      input.report?.trim()
        ? null
        : invalid('a rectification report (field "report") is required to submit'),
  },
  'no-extension-waiting': {
    means: 'no extension request is waiting for an answer',
    check: (task) =>
      task.pendingExtension
        ? conflict('an extension is already waiting for an answer from the opener')
        : null,
  },
  'before-deadline': {
    means: 'today (Beijing) is not after the current deadline',
    check: (task, input) =>
      input.today > task.deadline
        ? conflict(
            `an extension must be asked before the deadline (${task.deadline}); it has passed`,
          )
        : null,
  },
  'until-is-date': {
    means: 'the deadline asked for (field `until`) is a calendar date YYYY-MM-DD',
    check: (_task, input) =>
      input.until && isIsoDate(input.until)
        ? null
        : invalid('field "until" must be the new deadline asked for, as YYYY-MM-DD'),
  },
  'until-after-deadline': {
    means: 'the deadline asked for is after the current deadline',
    check: (task, input) =>
      (input.until ?? '') <= task.deadline
        ? invalid(`the new deadline ${input.until} must be after the current ${task.deadline}`)
        : null,
  },
  'extension-waiting': {
    means: 'an extension request is waiting for an answer',
    check: (task) =>
      task.pendingExtension
        ? null
        : conflict('there is no extension request waiting for an answer'),
  },
};

const STATE_LABEL: Record<TaskState, string> = {
  draft: 'a draft',
  assigned: 'assigned',
  acknowledged: 'acknowledged',
  in_progress: 'in progress',
  submitted: 'submitted',
  signed_off: 'signed off',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** The transitions of one action, in table order. */
export function transitionsOf(action: TaskAction): readonly TaskTransition[] {
  return TASK_WORKFLOW.filter((t) => t.action === action);
}

/** The transitions out of one state, in table order (the order of the buttons). */
export function transitionsFrom(state: TaskState): readonly TaskTransition[] {
  return TASK_WORKFLOW.filter((t) => t.from === state);
}

/** States no transition leaves. */
export function terminalStates(): TaskState[] {
  return TASK_STATES.filter((s) => transitionsFrom(s).length === 0);
}

/** What an action's dialog must ask for: the fields its guards read. */
export function actionNeeds(action: TaskAction): {
  readonly reason: boolean;
  readonly report: boolean;
  readonly until: boolean;
} {
  const guards = new Set(transitionsOf(action).flatMap((t) => t.guards));
  return {
    reason: guards.has('reason-given'),
    report: guards.has('report-given'),
    until: guards.has('until-is-date'),
  };
}

/**
 * The roles (of `ROLE_PERMISSIONS`) that can take a transition: those with its permission,
 * unit roles for the lead unit's ties and the others for the opening level's.
 */
export function rolesFor(transition: Pick<TaskTransition, 'permission' | 'tie'>): Role[] {
  return ROLES.filter(
    (role) =>
      ROLE_PERMISSIONS[role].includes(transition.permission) &&
      UNIT_ROLES.includes(role) === (transition.tie === 'lead-unit'),
  );
}

/** Roles whose users belong to a unit (a department's staff and head). */
export const UNIT_ROLES: readonly Role[] = ['dept-head', 'dept-staff'];

function has(actor: ActorFacts, permission: Permission): boolean {
  const p = actor.permissions;
  return Array.isArray(p) ? p.includes(permission) : (p as ReadonlySet<Permission>).has(permission);
}

const isLeadMember = (task: TaskFacts, actor: ActorFacts) => actor.units.includes(task.leadUnitId);
const isOpenerLevel = (task: TaskFacts, actor: ActorFacts) =>
  actor.regionCodes.includes(task.openerRegion) && actor.units.length === 0;

function tied(t: Pick<TaskTransition, 'tie'>, task: TaskFacts, actor: ActorFacts): boolean {
  return t.tie === 'lead-unit' ? isLeadMember(task, actor) : isOpenerLevel(task, actor);
}

const qualifies = (t: TaskTransition, task: TaskFacts, actor: ActorFacts) =>
  has(actor, t.permission) && tied(t, task, actor);

/**
 * Decides one action from the table: the next state, or why it is refused. Who first (a user
 * who may never do this learns that, whatever the state), then the state, then the guards.
 * Refusals say what was tried, from which state, and what would be needed.
 */
export function decide(
  task: TaskFacts,
  action: TaskAction,
  actor: ActorFacts,
  input: ActionInput,
): Decision {
  const rows = transitionsOf(action);
  if (rows.length === 0)
    return { ok: false, code: 'invalid', message: `unknown action "${String(action)}"` };

  const parties = [...new Map(rows.map((r) => [`${r.permission} ${r.tie}`, r])).values()];
  if (parties.length === 1) {
    const [only] = parties;
    if (!has(actor, only.permission))
      return forbidden(`"${action}" needs the permission ${only.permission}`);
    if (!tied(only, task, actor))
      return forbidden(
        only.tie === 'lead-unit'
          ? `only members of the lead unit ${task.leadUnitId} may ${verb(action)}`
          : `only an administrator of the opening level (${task.openerRegion}) may ${verb(action)}`,
      );
  } else if (!parties.some((r) => qualifies(r, task, actor))) {
    return forbidden(
      `only ${parties.map((r) => r.party ?? r.tie).join(' or ')} may ${action.replace(/_/g, ' ')} a task`,
    );
  }

  const row = rows.find((r) => r.from === task.state);
  if (!row) {
    return {
      ok: false,
      code: 'conflict',
      message: `cannot ${verb(action)}: the task is ${STATE_LABEL[task.state]}; allowed only when it is ${rows.map((r) => STATE_LABEL[r.from]).join(' or ')}`,
    };
  }
  if (!qualifies(row, task, actor))
    return forbidden(row.refusal ?? `"${action}" is not yours to take on this task`);

  for (const guard of row.guards) {
    const refused = TASK_GUARD_RULES[guard].check(task, input, action);
    if (refused) return refused;
  }
  return { ok: true, to: row.to };
}

/** Actions the actor may take now, in table order, for buttons. */
export function availableActions(task: TaskFacts, actor: ActorFacts, today: string): TaskAction[] {
  return TASK_ACTIONS.filter((action) => {
    const d = decide(task, action, actor, {
      today,
      reason: 'x',
      report: 'x',
      until: '9999-12-31',
    });
    return d.ok;
  });
}

/** The workflow as a Markdown table, for the docs; one row per transition. */
export function taskWorkflowMarkdown(): string {
  const code = (s: string) => `\`${s}\``;
  const lines = [
    '| from | action | to | permission | tie | roles | guards |',
    '| ---- | ------ | -- | ---------- | --- | ----- | ------ |',
    ...TASK_WORKFLOW.map((t) =>
      [
        code(t.from),
        code(t.action),
        t.to === t.from ? '(same)' : code(t.to),
        code(t.permission),
        t.tie,
        rolesFor(t).join(', '),
        t.guards.map(code).join(', ') || '—',
      ].join(' | '),
    ).map((row) => `| ${row} |`),
    '',
    '| guard | holds when |',
    '| ----- | ---------- |',
    ...TASK_GUARDS.map((g) => `| ${code(g)} | ${TASK_GUARD_RULES[g].means} |`),
    '',
    `Terminal states (no action leaves them): ${terminalStates().map(code).join(', ')}.`,
  ];
  return lines.join('\n') + '\n';
}

function verb(action: TaskAction): string {
  return action.replace(/_/g, ' ') + ' this task';
}
const forbidden = (message: string): Decision => ({ ok: false, code: 'forbidden', message });
const conflict = (message: string): Decision => ({ ok: false, code: 'conflict', message });
const invalid = (message: string): Decision => ({ ok: false, code: 'invalid', message });
