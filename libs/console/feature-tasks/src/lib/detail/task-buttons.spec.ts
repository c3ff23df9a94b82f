import { taskButtons } from './task-buttons';

describe('task buttons', () => {
  it("shows the user's actions in the order the workflow lists them", () => {
    expect(taskButtons({ state: 'signed_off', actions: ['cancel', 'verify', 'return'] })).toEqual([
      'return',
      'verify',
      'cancel',
    ]);
  });

  it('never shows an action the workflow does not allow from the state', () => {
    // A stale or wrong answer cannot put "verify" on a task waiting for sign-off.
    expect(taskButtons({ state: 'submitted', actions: ['verify', 'sign_off'] })).toEqual([
      'sign_off',
    ]);
    expect(taskButtons({ state: 'closed', actions: ['cancel'] })).toEqual([]);
  });
});
