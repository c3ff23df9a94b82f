import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AssessRegionDto } from '../assessments/dto/assess-region.dto';
import { isIsoDate, periodProblem } from './validators';

describe('period and date validation', () => {
  it("passes the model's own sentence for a bad period", () => {
    expect(periodProblem('2022-08')).toBeNull();
    expect(periodProblem('2022-01..2022-08')).toBeNull();
    expect(periodProblem('2022-13')).toBe('Invalid period "2022-13": month must be 01-12, got 13');
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2022-02-29')).toBe(false);
    expect(isIsoDate('2022-8-1')).toBe(false);
  });

  it('reports every problem of an assessment query in one go', () => {
    const dto = plainToInstance(AssessRegionDto, { region: 'Jinfeng', period: '2022-Q5' });
    const messages = validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/region must be a GB\/T 2260 code/),
        'period: Invalid period "2022-Q5": quarter must be Q1-Q4, got Q5',
      ]),
    );
  });
});
