import type { CalendarNoticeDay } from '@efficacy/api-contract';

/** A line of the notice form that could not be read: its number (from 1) and text. */
export interface NoticeLineProblem {
  readonly line: number;
  readonly text: string;
}

const KIND: Readonly<Record<string, CalendarNoticeDay['kind']>> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
};

/**
 * The days of a notice as an administrator types or pastes them, one a line:
 * `2027-01-01 放假 元旦` or `2027-02-20 上班 春节调休上班` (holiday / workday also read).
 * A range `2027-02-06..2027-02-12 放假 春节` gives one day per date. Blank lines are skipped.
 */
export function parseNoticeLines(text: string): {
  days: CalendarNoticeDay[];
  problems: NoticeLineProblem[];
} {
  const days: CalendarNoticeDay[] = [];
  const problems: NoticeLineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m =
      /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|至|~)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)\s+(.+)$/.exec(line);
    const kind = m ? KIND[m[3]] : undefined;
    if (!m || !kind) {
      problems.push({ line: i + 1, text: line });
      return;
    }
    const from = Date.parse(`${m[1]}T00:00:00Z`);
    const to = Date.parse(`${m[2] ?? m[1]}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to) || to < from || to - from > 31 * 86_400_000) {
      problems.push({ line: i + 1, text: line });
      return;
    }
    for (let t = from; t <= to; t += 86_400_000)
      days.push({ date: new Date(t).toISOString().slice(0, 10), kind, name: m[4].trim() });
  });
  return { days, problems };
}
