import type { DashboardDefinition, ReportResult } from '../../designer/src/api/report-types.js';

/*
 * A typed fake of the report routes' answers (the contract in docs/reports.md), for the pure parts
 * of the web app: on-time delivery by customer and month, and the management dashboard's shape.
 */

export const onTimeByCustomerMonth: ReportResult = {
  report: { id: 'on-time-delivery', version: 1, title: { 'zh-CN': '准时交付率', en: 'On-time delivery' } },
  columns: [
    { key: 'customer', label: { 'zh-CN': '客户', en: 'Customer' }, role: 'dimension', type: 'string' },
    { key: 'month', label: { 'zh-CN': '月份', en: 'Month' }, role: 'dimension', type: 'date' },
    { key: 'orders', label: { 'zh-CN': '订单数', en: 'Orders' }, role: 'measure', type: 'number' },
    { key: 'onTime', label: { 'zh-CN': '准时交付率', en: 'On-time %' }, role: 'measure', type: 'percent' },
    { key: 'value', label: { 'zh-CN': '金额', en: 'Value' }, role: 'measure', type: 'money' },
  ],
  rows: [
    { customer: '华东泵业', month: '2026-09-01', orders: 4, onTime: 0.75, value: 120_000 },
    { customer: '华东泵业', month: '2026-10-01', orders: 5, onTime: 0.8, value: 98_500.5 },
    { customer: '北方阀门', month: '2026-10-01', orders: 2, onTime: 1, value: 45_000 },
    { customer: null, month: '2026-11-01', orders: 1, onTime: 0, value: 3_000 },
  ],
  chart: { type: 'bar', x: 'month', y: ['orders'], series: 'customer' },
  hidden: [],
  parameters: { from: '2026-09-01', to: '2026-11-30' },
};

export const managementDashboard: DashboardDefinition = {
  id: 'management',
  version: 1,
  title: { 'zh-CN': '管理驾驶舱', en: 'Management dashboard' },
  parameters: {
    type: 'object',
    properties: {
      dateRange: {
        type: 'object',
        title: { 'zh-CN': '日期', en: 'Dates' },
        properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
      },
      customer: { type: 'string', title: { 'zh-CN': '客户', en: 'Customer' } },
      workCenter: { type: 'string', title: { 'zh-CN': '工作中心', en: 'Work center' } },
      status: { type: 'string', enum: ['open', 'closed'] },
    },
    uiSchema: { customer: { 'ui:options': { form: 'customer', displayField: 'name' } } },
  },
  widgets: [
    { report: 'on-time-delivery', span: 6, parameterMap: { period: 'dateRange', customer: 'customer' } },
    { report: 'wip-by-work-center', span: 6 },
  ],
};
