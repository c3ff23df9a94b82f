/** "Now", injected: deadlines and token expiry are tested with a fixed or shifted clock. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };
