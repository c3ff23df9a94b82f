import { TASK_SOURCES, type OpenTaskRequest, type TaskSource } from '@efficacy/api-contract';

/** What the "new task" page starts from, read from its query parameters. */
export interface TaskPrefill {
  readonly source: TaskSource;
  readonly indicator: string | null;
  /** The unit whose figure fell short, or the unit named by the link. */
  readonly unit: string | null;
  readonly region: string | null;
  readonly period: string | null;
  readonly title: string;
  readonly detail: string;
}

/**
 * Reads `/tasks/new?source=indicator&indicator=…&unit=…&region=…&period=…` and
 * `/tasks/new?source=discrepancy|bad-review|free&region=…&unit=…&title=…&detail=…`. Unknown
 * sources become free text; empty values are absent.
 */
export function readPrefill(query: Readonly<Record<string, string | undefined>>): TaskPrefill {
  const get = (key: string) => {
    const value = query[key]?.trim();
    return value ? value : null;
  };
  const source = (TASK_SOURCES as readonly string[]).includes(query['source'] ?? '')
    ? (query['source'] as TaskSource)
    : 'free';
  return {
    source,
    indicator: source === 'indicator' ? get('indicator') : null,
    unit: get('unit'),
    region: get('region'),
    period: get('period'),
    title: get('title') ?? '',
    detail: get('detail') ?? '',
  };
}

/** A title the opener can accept or change: unit or region, indicator, "未达标整改". */
export function suggestedTitle(
  prefill: TaskPrefill,
  names: { unit?: string; region?: string; indicator?: string },
): string {
  if (prefill.title) return prefill.title;
  if (prefill.source !== 'indicator') return '';
  const who = names.unit ?? names.region ?? '';
  return `${who}「${names.indicator ?? prefill.indicator ?? ''}」未达标整改`;
}

/** The API request for a filled form. */
export function openRequest(
  prefill: TaskPrefill,
  form: {
    title: string;
    detail: string;
    leadUnitId: string;
    coUnitIds: readonly string[];
    workingDays: number;
  },
): OpenTaskRequest {
  const base: OpenTaskRequest = {
    source: prefill.source,
    title: form.title.trim(),
    detail: form.detail.trim(),
    leadUnitId: form.leadUnitId,
    coUnitIds: form.coUnitIds.filter((id) => id !== form.leadUnitId),
    workingDays: form.workingDays,
  };
  if (prefill.source !== 'indicator' || !prefill.indicator || !prefill.period) return base;
  return {
    ...base,
    indicator: prefill.indicator,
    period: prefill.period,
    ...(prefill.unit && prefill.unit !== form.leadUnitId ? { subjectUnitId: prefill.unit } : {}),
    ...(!prefill.unit && prefill.region ? { subjectRegion: prefill.region } : {}),
  };
}
