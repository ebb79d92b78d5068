/** The boxes of the inbox, in tab order. */
export const INBOX_BOXES = ['todo', 'done', 'initiated', 'cc'] as const;
export type InboxBoxName = (typeof INBOX_BOXES)[number];

function isInboxBox(value: string): value is InboxBoxName {
  return (INBOX_BOXES as readonly string[]).includes(value);
}

/** The views of the planning page, in tab order; the pegging view may name a sales order. */
export const PLANNING_VIEWS = ['orders', 'exceptions', 'reschedule', 'pegging'] as const;
export type PlanningView = (typeof PLANNING_VIEWS)[number];

function isPlanningView(value: string): value is PlanningView {
  return (PLANNING_VIEWS as readonly string[]).includes(value);
}

/** The views of the scheduling page, in tab order; the dispatch view may name a work center. */
export const SCHEDULING_VIEWS = ['gantt', 'whatif', 'dispatch'] as const;
export type SchedulingView = (typeof SCHEDULING_VIEWS)[number];

function isSchedulingView(value: string): value is SchedulingView {
  return (SCHEDULING_VIEWS as readonly string[]).includes(value);
}

/** The app's pages, addressed by the URL hash (`#/forms/sales-order/new`), so the server needs one page only. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'inbox'; readonly box: InboxBoxName }
  | { readonly page: 'task'; readonly id: string }
  | { readonly page: 'planning'; readonly view: PlanningView; readonly salesOrder?: string }
  | { readonly page: 'scheduling'; readonly view: SchedulingView; readonly workCenter?: string }
  | { readonly page: 'list'; readonly form: string; readonly search: string }
  | { readonly page: 'new'; readonly form: string }
  | { readonly page: 'record'; readonly form: string; readonly id: string }
  | { readonly page: 'history'; readonly form: string; readonly id: string }
  | { readonly page: 'dashboard'; readonly id: string }
  | { readonly page: 'report'; readonly id: string }
  | { readonly page: 'designer-forms' }
  | { readonly page: 'form-designer'; readonly id: string }
  | { readonly page: 'designer-workflows' }
  | { readonly page: 'workflow-designer'; readonly id: string }
  | { readonly page: 'designer-reports' }
  | { readonly page: 'report-designer'; readonly id: string }
  | { readonly page: 'not-found' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function parsePlanning(view: string, salesOrder: string | undefined, length: number): Route {
  if (!isPlanningView(view) || length > 3) return { page: 'not-found' };
  if (salesOrder === undefined) return { page: 'planning', view };
  return view === 'pegging' ? { page: 'planning', view, salesOrder } : { page: 'not-found' };
}

function parseScheduling(view: string, workCenter: string | undefined, length: number): Route {
  if (!isSchedulingView(view) || length > 3) return { page: 'not-found' };
  if (workCenter === undefined) return { page: 'scheduling', view };
  return view === 'dispatch' ? { page: 'scheduling', view, workCenter } : { page: 'not-found' };
}

export function parseRoute(hash: string): Route {
  const withoutMark = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = withoutMark.indexOf('?');
  const path = queryAt === -1 ? withoutMark : withoutMark.slice(0, queryAt);
  const search = queryAt === -1 ? '' : withoutMark.slice(queryAt + 1);
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decode);
  if (segments.some((segment) => segment === null)) return { page: 'not-found' };
  const parts = segments as string[];
  if (parts.length === 0) return { page: 'home' };
  const [head, form, id, tail] = parts;
  if (head === 'inbox' && parts.length <= 2) {
    const box = form ?? 'todo';
    return isInboxBox(box) ? { page: 'inbox', box } : { page: 'not-found' };
  }
  if (head === 'planning') return parsePlanning(form ?? 'orders', id, parts.length);
  if (head === 'scheduling') return parseScheduling(form ?? 'gantt', id, parts.length);
  if ((head === 'dashboards' || head === 'reports') && parts.length === 2 && form !== undefined) return { page: head === 'dashboards' ? 'dashboard' : 'report', id: form };
  if (head === 'designer' && form === 'forms' && parts.length <= 3) return id === undefined ? { page: 'designer-forms' } : { page: 'form-designer', id };
  if (head === 'designer' && form === 'workflows' && parts.length <= 3) return id === undefined ? { page: 'designer-workflows' } : { page: 'workflow-designer', id };
  if (head === 'designer' && form === 'reports' && parts.length <= 3) return id === undefined ? { page: 'designer-reports' } : { page: 'report-designer', id };
  if (head === 'tasks') return form !== undefined && parts.length === 2 ? { page: 'task', id: form } : { page: 'not-found' };
  if (head !== 'forms' || form === undefined || parts.length > 4) return { page: 'not-found' };
  if (id === undefined) return { page: 'list', form, search };
  if (tail === undefined) return id === 'new' ? { page: 'new', form } : { page: 'record', form, id };
  return tail === 'history' ? { page: 'history', form, id } : { page: 'not-found' };
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'inbox':
      return route.box === 'todo' ? '#/inbox' : `#/inbox/${route.box}`;
    case 'task':
      return `#/tasks/${encodeURIComponent(route.id)}`;
    case 'planning':
      if (route.salesOrder !== undefined) return `#/planning/pegging/${encodeURIComponent(route.salesOrder)}`;
      return route.view === 'orders' ? '#/planning' : `#/planning/${route.view}`;
    case 'scheduling':
      if (route.workCenter !== undefined) return `#/scheduling/dispatch/${encodeURIComponent(route.workCenter)}`;
      return route.view === 'gantt' ? '#/scheduling' : `#/scheduling/${route.view}`;
    case 'dashboard':
      return `#/dashboards/${encodeURIComponent(route.id)}`;
    case 'report':
      return `#/reports/${encodeURIComponent(route.id)}`;
    case 'designer-forms':
      return '#/designer/forms';
    case 'form-designer':
      return `#/designer/forms/${encodeURIComponent(route.id)}`;
    case 'designer-workflows':
      return '#/designer/workflows';
    case 'workflow-designer':
      return `#/designer/workflows/${encodeURIComponent(route.id)}`;
    case 'designer-reports':
      return '#/designer/reports';
    case 'report-designer':
      return `#/designer/reports/${encodeURIComponent(route.id)}`;
    case 'list':
      return `#/forms/${encodeURIComponent(route.form)}${route.search ? `?${route.search}` : ''}`;
    case 'new':
      return `#/forms/${encodeURIComponent(route.form)}/new`;
    case 'record':
      return `#/forms/${encodeURIComponent(route.form)}/${encodeURIComponent(route.id)}`;
    case 'history':
      return `#/forms/${encodeURIComponent(route.form)}/${encodeURIComponent(route.id)}/history`;
  }
}
