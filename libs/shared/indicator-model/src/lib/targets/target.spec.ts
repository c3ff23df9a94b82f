import { DEMO_REGISTRY } from '../demo';
import { hierarchyAsOf } from '../regions/hierarchy';
import { DEMO_TARGETS, GANSU_2022_TARGETS, YINCHUAN_2022_TARGETS } from './demo-targets';
import {
  formatTargetRule,
  resolveTarget,
  resolveUnitTarget,
  validateTargetRule,
  type Target,
} from './target';
import { GANSU_PLAN_INDICATORS } from '../indicators/catalogue';

const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2022-12-31');

describe('targets', () => {
  it('lets Yinchuan’s 2022 targets reach its counties and their departments, saying where they come from', () => {
    expect(resolveTarget(DEMO_TARGETS, 'item_coverage', '640106', 2022, hierarchy)).toMatchObject({
      target: { comparator: '>=', value: 40, regionCode: '640100' },
      setOn: '640100',
      inherited: true,
    });
    expect(
      resolveTarget(DEMO_TARGETS, 'on_time_rate', '640181101000', 2022, hierarchy)?.setOn,
    ).toBe('640100');
    expect(
      resolveUnitTarget(DEMO_TARGETS, 'offline_evaluation_rate', '640106:spj', 2022, hierarchy),
    ).toMatchObject({
      target: { value: 98.5 },
      setOn: '640100',
    });
    expect(resolveTarget(DEMO_TARGETS, 'item_coverage', '640100', 2022, hierarchy)?.inherited).toBe(
      false,
    );
  });

  it('does not apply a target to another year or another region’s tree', () => {
    expect(resolveTarget(DEMO_TARGETS, 'item_coverage', '640106', 2023, hierarchy)).toBeUndefined();
    expect(resolveTarget(DEMO_TARGETS, 'item_coverage', '410505', 2022, hierarchy)).toBeUndefined();
  });

  it('lets a county override what it inherits, and the latest revision win', () => {
    const override: Target = {
      ...YINCHUAN_2022_TARGETS[0],
      id: 'jinfeng-coverage',
      regionCode: '640106',
      value: 30,
      setBy: 'jinfeng-admin',
      setAt: '2022-10-01T08:00:00Z',
    };
    const revision: Target = {
      ...override,
      id: 'jinfeng-coverage-2',
      value: 35,
      setAt: '2022-11-01T08:00:00Z',
    };
    const targets = [...DEMO_TARGETS, override, revision];
    expect(resolveTarget(targets, 'item_coverage', '640106', 2022, hierarchy)).toMatchObject({
      target: { id: 'jinfeng-coverage-2', value: 35 },
      setOn: '640106',
      inherited: false,
    });
    expect(resolveTarget(targets, 'item_coverage', '640106100000', 2022, hierarchy)?.setOn).toBe(
      '640106',
    );
    expect(resolveTarget(targets, 'item_coverage', '640181', 2022, hierarchy)?.target.value).toBe(
      40,
    );
  });

  it('carries the Gansu plan: one target per task with its deadline, owners and comparator', () => {
    expect(GANSU_2022_TARGETS.map((t) => t.indicator)).toEqual(
      GANSU_PLAN_INDICATORS.map((t) => t.indicator),
    );
    const byIndicator = new Map(GANSU_2022_TARGETS.map((t) => [t.indicator, t]));
    expect(byIndicator.get('licensing.visits_per_item')).toMatchObject({
      comparator: '<=',
      value: 0.03,
    });
    expect(byIndicator.get('personal_users.new_registrations')).toMatchObject({
      comparator: '>=',
      value: 157500,
    });
    expect(byIndicator.get('seal_filing_rate')).toMatchObject({
      value: 98,
      deadline: '2022-10-20',
      ongoing: false,
    });
    expect(byIndicator.get('elicence_sealed_type_ratio')).toMatchObject({
      comparator: '=',
      value: 100,
    });
    expect(byIndicator.get('legal_person_users.registration_rate')?.responsibleZh).toBe(
      '市市场监管局',
    );
    expect(formatTargetRule(byIndicator.get('guide_accuracy') as Target)).toBe('持续优化提升');
    expect(formatTargetRule(byIndicator.get('licensing.time_limit_compression') as Target)).toBe(
      '≥ 72',
    );
  });

  it('validates a target as entered', () => {
    expect(validateTargetRule({ comparator: '>=', value: 40 })).toEqual([]);
    expect(validateTargetRule({ comparator: 'improve' })).toEqual([]);
    expect(validateTargetRule({ comparator: '>=' })).toEqual([
      'a ">=" target needs a finite value',
    ]);
    expect(validateTargetRule({ comparator: 'improve', value: 1 })).toEqual([
      'an "improve" target has no value',
    ]);
    expect(validateTargetRule({ comparator: '>' as never, value: 1 })).toEqual([
      'comparator must be one of >=, <=, =, improve; got ">"',
    ]);
  });
});
