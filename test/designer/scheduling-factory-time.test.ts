import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationText, factoryDue, factoryShortTime, factoryTime, fromFactoryLocal, toFactoryLocal } from '../../designer/src/scheduling/factory-time.js';
import { translate } from '../../designer/src/i18n/translate.js';

const en = (id: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', id, params);
const zh = (id: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', id, params);

describe('the shop floor clock', () => {
  it('says durations as a planner does, whatever their sign', () => {
    expect(durationText(45, en)).toBe('45 min');
    expect(durationText(-200, en)).toBe('3 h 20 min');
    expect(durationText(2 * 1440 + 250, en)).toBe('2 d 4 h');
    expect(durationText(90, zh)).toBe('1 小时 30 分');
  });

  it('writes instants in Shanghai time, whatever the viewer is in', () => {
    expect(factoryTime('2026-11-25T01:30:00Z', 'zh-CN')).toBe('2026/11/25 09:30');
    expect(factoryShortTime('2026-11-25T17:00:00Z', 'zh-CN')).toBe('11/26 01:00');
    expect(factoryTime('2026-11-25', 'zh-CN')).toBe('2026/11/25');
  });

  it('shows a due at factory midnight as the day it ends, any other due as a time', () => {
    expect(factoryDue('2026-12-24T00:00:00+08:00', 'zh-CN')).toBe('2026/12/23');
    expect(factoryDue('2026-12-23T16:00:00Z', 'zh-CN')).toBe('2026/12/23');
    expect(factoryDue('2026-12-24T17:00:00+08:00', 'zh-CN')).toBe('2026/12/24 17:00');
    expect(factoryDue('2026-12-23', 'zh-CN')).toBe('2026/12/23');
  });

  it('a datetime-local value in factory time round-trips to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), (minutes) => {
        const ms = Date.parse('2026-01-01T00:00:00Z') + minutes * 60_000;
        expect(Date.parse(fromFactoryLocal(toFactoryLocal(ms)))).toBe(ms);
      }),
    );
    expect(toFactoryLocal(Date.parse('2026-11-24T16:30:00Z'))).toBe('2026-11-25T00:30');
    expect(fromFactoryLocal('')).toBe('');
  });
});
