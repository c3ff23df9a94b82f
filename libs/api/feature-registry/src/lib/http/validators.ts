import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { parsePeriod, PeriodError } from '@efficacy/indicator-model';

/** The model's own sentence for a bad period ("Invalid period "2022-13": month must be 01-12…"). */
export function periodProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'period must be text in period notation';
  try {
    parsePeriod(value);
    return null;
  } catch (error) {
    if (error instanceof PeriodError) return error.message;
    throw error;
  }
}

/** Period notation as the model reads it: 2022-08, 2022-Q3, 2022-H1, 2022, 2022-01..2022-08. */
export function IsPeriod(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPeriod',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => periodProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'period'}: ${periodProblem(args?.value) ?? 'invalid period'}`,
      },
    });
}

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
