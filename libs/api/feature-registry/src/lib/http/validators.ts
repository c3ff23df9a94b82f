import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

// The period check lives in core so every feature validates periods the same way.
export { IsPeriod, periodProblem } from '@efficacy/api/core';

/** A real calendar day as YYYY-MM-DD (2022-02-30 is refused, not rolled over). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'date'} must be a calendar date as YYYY-MM-DD, got "${String(args?.value)}"`,
      },
    });
}
