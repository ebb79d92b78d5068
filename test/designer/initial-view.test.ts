import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialView, type NodeBox } from '../../designer/src/planning/initial-view.js';

const box = (x: number, y: number): NodeBox => ({ x, y, width: 220, height: 86 });

describe('the first view of a pegging tree', () => {
  it('shows a small tree at 1:1, centred in a canvas of at least 320 px', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(268, 0)],
    ]);
    expect(initialView(boxes, 1000)).toEqual({ x: 64, y: (320 - 86) / 2, zoom: 1, height: 320 });
  });

  it('shrinks a wide tree no further than a readable 0.75 and opens a tall one on its first order line', () => {
    const wide = new Map([
      ['a', box(0, 0)],
      ['z', box(3000, 0)],
    ]);
    expect(initialView(wide, 1000).zoom).toBe(0.75);
    const tall = new Map([
      ['root', box(0, 2000)],
      ['low', box(268, 4000)],
    ]);
    const view = initialView(tall, 1000, 'root');
    expect(view.height).toBe(720);
    expect(view.y + (2000 + 43) * view.zoom).toBeCloseTo(360);
  });

  it('keeps the zoom between 0.75 and 1 and the canvas between 320 and 720 px for any tree', () => {
    const boxes = fc.array(fc.record({ x: fc.nat(5000), y: fc.nat(5000) }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(boxes, fc.integer({ min: 300, max: 2000 }), (points, width) => {
        const view = initialView(new Map(points.map((point, index) => [String(index), box(point.x, point.y)])), width, '0');
        expect(view.zoom).toBeGreaterThanOrEqual(0.75);
        expect(view.zoom).toBeLessThanOrEqual(1);
        expect(view.height).toBeGreaterThanOrEqual(320);
        expect(view.height).toBeLessThanOrEqual(720);
      }),
      { numRuns: 100 },
    );
  });
});
