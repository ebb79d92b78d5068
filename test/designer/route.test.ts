import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, INBOX_BOXES, parseRoute, PLANNING_VIEWS, SCHEDULING_VIEWS, type Route } from '../../designer/src/routing/route.js';

describe('hash routes', () => {
  it('reads each page from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/forms/sales-order')).toEqual({ page: 'list', form: 'sales-order', search: '' });
    expect(parseRoute('#/forms/sales-order?q=KBZ&sort=-dueDate')).toEqual({ page: 'list', form: 'sales-order', search: 'q=KBZ&sort=-dueDate' });
    expect(parseRoute('#/forms/sales-order/new')).toEqual({ page: 'new', form: 'sales-order' });
    expect(parseRoute('#/forms/sales-order/abc-1')).toEqual({ page: 'record', form: 'sales-order', id: 'abc-1' });
    expect(parseRoute('#/forms/sales-order/abc-1/history')).toEqual({ page: 'history', form: 'sales-order', id: 'abc-1' });
    expect(parseRoute('#/inbox')).toEqual({ page: 'inbox', box: 'todo' });
    expect(parseRoute('#/inbox/initiated')).toEqual({ page: 'inbox', box: 'initiated' });
    expect(parseRoute('#/tasks/t-1')).toEqual({ page: 'task', id: 't-1' });
    expect(parseRoute('#/planning')).toEqual({ page: 'planning', view: 'orders' });
    expect(parseRoute('#/planning/exceptions')).toEqual({ page: 'planning', view: 'exceptions' });
    expect(parseRoute('#/planning/pegging/SO%2F7')).toEqual({ page: 'planning', view: 'pegging', salesOrder: 'SO/7' });
    expect(parseRoute('#/scheduling')).toEqual({ page: 'scheduling', view: 'gantt' });
    expect(parseRoute('#/scheduling/whatif')).toEqual({ page: 'scheduling', view: 'whatif' });
    expect(parseRoute('#/scheduling/dispatch/wc-cnc')).toEqual({ page: 'scheduling', view: 'dispatch', workCenter: 'wc-cnc' });
    expect(parseRoute('#/dashboards/management')).toEqual({ page: 'dashboard', id: 'management' });
    expect(parseRoute('#/reports/on-time-delivery')).toEqual({ page: 'report', id: 'on-time-delivery' });
    expect(parseRoute('#/designer/forms')).toEqual({ page: 'designer-forms' });
    expect(parseRoute('#/designer/forms/incoming-inspection')).toEqual({ page: 'form-designer', id: 'incoming-inspection' });
    expect(parseRoute('#/designer/workflows')).toEqual({ page: 'designer-workflows' });
    expect(parseRoute('#/designer/workflows/ncr')).toEqual({ page: 'workflow-designer', id: 'ncr' });
    expect(parseRoute('#/designer/reports')).toEqual({ page: 'designer-reports' });
    expect(parseRoute('#/designer/reports/ncrs-per-month')).toEqual({ page: 'report-designer', id: 'ncrs-per-month' });
  });

  it('sends unknown or malformed hashes to not-found', () => {
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/forms/x/1/audit')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/forms/x/1/history/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/forms/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/inbox/archive')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/inbox/cc/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/tasks')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/tasks/t-1/extra')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/planning/gantt')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/planning/orders/SO-7')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/planning/pegging/SO-7/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/scheduling/board')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/scheduling/gantt/wc-cnc')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/scheduling/dispatch/wc-cnc/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/dashboards')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/reports/x/run')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/designer')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/designer/elsewhere')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/designer/workflows/x/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/designer/forms/x/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/designer/reports/x/more')).toEqual({ page: 'not-found' });
  });

  it('formats and parses back to the same route for any form and record id', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value !== 'new');
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.record({ page: fc.constant('new' as const), form: text }),
      fc.record({ page: fc.constant('record' as const), form: text, id: text }),
      fc.record({ page: fc.constant('history' as const), form: text, id: text }),
      fc.record({ page: fc.constant('list' as const), form: text, search: fc.constant('') }),
      fc.record({ page: fc.constant('inbox' as const), box: fc.constantFrom(...INBOX_BOXES) }),
      fc.record({ page: fc.constant('task' as const), id: text }),
      fc.record({ page: fc.constant('planning' as const), view: fc.constantFrom(...PLANNING_VIEWS) }),
      fc.record({ page: fc.constant('planning' as const), view: fc.constant('pegging' as const), salesOrder: text }),
      fc.record({ page: fc.constant('scheduling' as const), view: fc.constantFrom(...SCHEDULING_VIEWS) }),
      fc.record({ page: fc.constant('scheduling' as const), view: fc.constant('dispatch' as const), workCenter: text }),
      fc.record({ page: fc.constant('dashboard' as const), id: text }),
      fc.record({ page: fc.constant('report' as const), id: text }),
      fc.constant({ page: 'designer-forms' as const }),
      fc.record({ page: fc.constant('form-designer' as const), id: text }),
      fc.constant({ page: 'designer-workflows' as const }),
      fc.record({ page: fc.constant('workflow-designer' as const), id: text }),
      fc.constant({ page: 'designer-reports' as const }),
      fc.record({ page: fc.constant('report-designer' as const), id: text }),
    );
    fc.assert(
      fc.property(route, (value) => {
        expect(parseRoute(formatRoute(value))).toEqual(value);
      }),
    );
  });
});
