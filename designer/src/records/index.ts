export { valueText, type CellText } from './cell-text.js';
export { setFlash, takeFlash } from './flash.js';
export { actorName, changeLabel, changeTarget, lookupIdsInChanges, sortChanges, type ChangeTarget } from './history-change.js';
export { HistoryPage } from './history-page.js';
export { ListPage } from './list-page.js';
export { FILTER_OPERATORS, formatListSearch, nextSort, PAGE_SIZE, parseFilter, parseListSearch, sortDirection } from './list-search.js';
export { Pager, type PagedList } from './pager.js';
export { NewRecordPage, RecordPage } from './record-page.js';
export { recordTitle } from './record-title.js';
