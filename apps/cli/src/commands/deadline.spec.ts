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
  afterEach(() => {
    delete process.env['EFFICACY_CLOCK_START'];
  });

  it('counts a year without its national notice on weekdays and marks the date 暂定', async () => {
    const run = await deadline('2026-12-30', '5');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '2026-12-30 + 5 working days (national calendar) = 2027-01-06 (Wed) 暂定 (provisional)',
    );
    expect(run.stdout).toMatch(
      /the national notice for 2027 is not in this calendar \(it has 2004–20\d\d\)/,
    );
    const json = JSON.parse((await deadline('2026-12-30', '5', '--json')).stdout);
    expect(json).toMatchObject({ due: '2027-01-06', provisional: true, provisionalYears: [2027] });
  });

  it("counts from today in Beijing on the command line's clock", async () => {
    // 2031-06-14 23:30 UTC is already Sunday 15 June in Beijing.
    process.env['EFFICACY_CLOCK_START'] = '2031-06-14T23:30:00Z';
    const run = await deadline('today', '20', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({
      start: '2031-06-15',
      due: '2031-07-11',
      provisional: true,
      provisionalYears: [2031],
    });
  });

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
  ])('refuses %p with exit code 2 and a sentence', async (args, message) => {
    const run = await deadline(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`efficacy: `);
    expect(run.stderr).toContain(message);
  });
});
