import { transitionsFrom, type TaskAction, type TaskDetail } from '@efficacy/api-contract';

/**
 * The buttons of a task's page: the transitions the declared workflow lists out of the task's
 * state, in the table's order, that the API found open to this user (`actions`, decided on
 * the same table with the user's permissions, units and scope, which only the API knows in
 * full). An action the table does not list from this state never shows.
 */
export function taskButtons(task: Pick<TaskDetail, 'state' | 'actions'>): TaskAction[] {
  return transitionsFrom(task.state)
    .map((t) => t.action)
    .filter((action) => task.actions.includes(action));
}
