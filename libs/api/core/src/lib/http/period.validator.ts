import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import {
  formatPeriod,
  PeriodError,
  tryParsePeriod,
  type PeriodKind,
} from '@efficacy/indicator-model';

export interface PeriodRule {
  /** Refuse input the model would tidy (`2022-q3`, ` 2022-08`): it must already be canonical. */
  readonly exact?: boolean;
  /** Accept only these kinds (a month, a range, …). */
  readonly kinds?: readonly PeriodKind[];
}

/**
 * The model's own sentence for a bad period ("Invalid period "2022-13": month must be
 * 01-12…"), or null when the value is a period the rule accepts.
 */
export function periodProblem(value: unknown, rule: PeriodRule = {}): string | null {
  if (typeof value !== 'string') return 'period must be text in period notation';
  const parsed = tryParsePeriod(value);
  if (!parsed.ok) return parsed.error;
  const canonical = formatPeriod(parsed.period);
  if (rule.exact && canonical !== value) {
    return new PeriodError(value, `write it as ${canonical}`).message;
  }
  if (rule.kinds && !rule.kinds.includes(parsed.period.kind)) {
    return new PeriodError(value, `expected a ${rule.kinds.join(' or a ')}`).message;
  }
  return null;
}

/**
 * Period notation as the shared model reads it: 2022-08, 2022-Q3, 2022-H1, 2022,
 * 2022-01..2022-08. The one period check of the API's request validation.
 */
export function IsPeriod(rule: PeriodRule = {}, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPeriod',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => periodProblem(value, rule) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'period'}: ${periodProblem(args?.value, rule) ?? 'invalid period'}`,
      },
    });
}
