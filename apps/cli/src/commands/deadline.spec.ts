import { runCli } from '../main';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `efficacy deadline …` in process, as `npm run efficacy -- deadline …` would. */
async function deadline(...args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout.push(parts.join(' '));
  });
  const error = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr.push(parts.join(' '));
  });
  try {
    const code = await runCli(['node', 'efficacy', 'deadline', ...args]);
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('efficacy deadline', () => {
  it('prints the due date and the National Day break and worked weekend it crossed', async () => {
    const run = await deadline('2022-09-30', '5');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '2022-09-30 + 5 working days (national calendar) = 2022-10-12 (Wed)',
    );
    expect(run.stdout).toContain('  2022-10-01 Sat  day off      国庆节');
    expect(run.stdout).toContain('  2022-10-08 Sat  working day  国庆节调休上班');
    expect(run.stdout).toContain('  2022-10-09 Sun  working day  国庆节调休上班');
  });

  it('applies Ningxia closures for a Ningxia county only', async () => {
    const jinfeng = await deadline('2023-06-28', '1', '--region', '640106');
    expect(jinfeng.stdout).toContain('2023-06-28 + 1 working day in 640106 = 2023-07-03 (Mon)');
    expect(jinfeng.stdout).toContain('  2023-06-29 Thu  day off      古尔邦节 (region 64)');
    const anyang = await deadline('2023-06-28', '1', '--region', '410505');
    expect(anyang.stdout).toContain('= 2023-06-29 (Thu)');
    expect(anyang.stdout).toContain('crossed no holiday or adjusted working day');
  });

  it('prints JSON with --json', async () => {
    const run = await deadline('2024-02-08', '2', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      start: '2024-02-08',
      workingDays: 2,
      region: null,
      due: '2024-02-18',
    });
    expect(result.crossed.map((d: { date: string }) => d.date)).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
      '2024-02-18',
    ]);
  });

  it.each([
    [['2022-02-30', '5'], '"2022-02-30" is not a date: expected YYYY-MM-DD'],
    [['2022-09-30', 'five'], 'working days must be a whole number of at least 1, got five'],
    [['2022-09-30', '0'], 'working days must be a whole number of at least 1, got 0'],
    [['2026-12-30', '5'], 'no data for 2027'],
  ])('refuses %p with exit code 2 and a sentence', async (args, message) => {
    const run = await deadline(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`efficacy: `);
    expect(run.stderr).toContain(message);
  });
});
