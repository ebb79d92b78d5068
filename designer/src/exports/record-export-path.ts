import type { ListQuery } from '../api/api-types.js';
import { listQueryToSearch } from '../api/list-query.js';
import type { ExportFormat } from '../api/report-types.js';

/** GET /api/records/:form/export with the list's search, filters and sort, but every page: the file holds the whole filtered list. */
export function recordExportPath(form: string, query: ListQuery, format: ExportFormat): string {
  const search = listQueryToSearch({ ...(query.q ? { q: query.q } : {}), ...(query.filters ? { filters: query.filters } : {}), ...(query.sort ? { sort: query.sort } : {}) });
  return `/api/records/${encodeURIComponent(form)}/export?format=${format}${search ? `&${search.slice(1)}` : ''}`;
}
