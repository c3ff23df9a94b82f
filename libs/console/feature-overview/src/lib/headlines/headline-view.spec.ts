import { JINFENG } from '@efficacy/console/core/testing';
import { headlineView } from './headline-view';

describe('headlineView', () => {
  it('keeps the headline indicators in the configured order and counts the rest', () => {
    const view = headlineView(JINFENG, ['satisfaction', 'offline_evaluation_rate'], false);
    expect(view.assessment?.indicators.map((i) => i.code)).toEqual([
      'satisfaction',
      'offline_evaluation_rate',
    ]);
    expect(view.hidden).toBe(JINFENG.indicators.length - 2);
    expect(view.fallback).toBe(false);
  });

  it('shows every indicator when asked, or when no headline indicator has data here', () => {
    expect(headlineView(JINFENG, ['satisfaction'], true).assessment).toBe(JINFENG);
    const none = headlineView(JINFENG, ['catalogue_mount_rate'], false);
    expect(none.assessment).toBe(JINFENG);
    expect(none.fallback).toBe(true);
  });
});
