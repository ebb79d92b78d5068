import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Locale } from '../../../engine/errors/index.js';
import type { ChartModel } from './chart-model.js';
import { formatDimension, formatMeasure, isMonthly } from './measure-format.js';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** The app's blue first, then colours that stay apart for the colour-blind and in print. */
export const CHART_COLORS = ['#1d5fbf', '#2fb380', '#f2a93b', '#e5604d', '#7a5cc7', '#2fa7c4', '#8a9ab0', '#c7629b'];

const AXIS_TEXT = '#66788a';
/** Short: a dashboard redraws every tile when a parameter changes. */
const ANIMATION_MS = 400;
const SPLIT_LINE = '#edf0f4';

export interface ChartTexts {
  readonly locale: Locale;
  /** Shown for an empty dimension value (no customer, no work center). */
  readonly empty: string;
}

interface TooltipParam {
  readonly seriesName?: string;
  readonly seriesIndex?: number;
  readonly name?: string;
  readonly value?: unknown;
  readonly marker?: unknown;
  readonly percent?: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The ECharts option of a bar, line or pie chart. Axis labels and tooltips format numbers as the
 * measure says (万 in Chinese); the tooltip is built from escaped text, as category names come from users.
 */
export function buildChartOption(model: ChartModel, type: 'bar' | 'line' | 'pie', texts: ChartTexts): ChartOption {
  const { locale, empty } = texts;
  const categoryType = model.categoryColumn?.type ?? 'string';
  const monthly = categoryType === 'date' && isMonthly(model.categories);
  const names = model.categories.map((value) => formatDimension(value, categoryType, locale, empty, monthly, model.categoryColumn?.labels));
  const valueText = (seriesIndex: number, value: unknown) => formatMeasure(typeof value === 'number' ? value : null, model.series[seriesIndex]?.measure.type ?? 'number', locale);
  const line = (param: TooltipParam) =>
    `${typeof param.marker === 'string' ? param.marker : ''}${escapeHtml(param.seriesName ?? '')}: <b>${escapeHtml(valueText(param.seriesIndex ?? 0, param.value))}</b>`;

  if (type === 'pie') {
    const series = model.series[0];
    return {
      color: CHART_COLORS,
      animationDuration: ANIMATION_MS,
      tooltip: {
        trigger: 'item',
        formatter: (param: unknown) => {
          const item = param as TooltipParam;
          return `${escapeHtml(item.name ?? '')}<br/>${escapeHtml(valueText(0, item.value))} (${escapeHtml(formatMeasure((item.percent ?? 0) / 100, 'percent', locale))})`;
        },
      },
      legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle', textStyle: { color: AXIS_TEXT } },
      series: [
        {
          type: 'pie',
          name: series?.name ?? '',
          radius: ['42%', '70%'],
          center: ['38%', '50%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
          // Names sit in the legend; the hovered slice shows its share in the hole, where nothing overlaps.
          label: { show: false, position: 'center' },
          emphasis: { label: { show: true, formatter: '{b}\n{d}%', fontSize: 14, fontWeight: 600, color: '#1f2933', lineHeight: 20 } },
          labelLine: { show: false },
          data: names.map((name, index) => ({ name, value: series?.values[index] ?? 0 })),
        },
      ],
    };
  }

  const firstType = model.series[0]?.measure.type ?? 'number';
  // One measure split by a dimension stacks into its total, but only where parts add up: shares and durations (averages) do not.
  const stacked =
    type === 'bar' && model.series.length > 1 && model.series.every((series) => series.measure === model.series[0]?.measure) && (firstType === 'number' || firstType === 'money');
  return {
    color: CHART_COLORS,
    animationDuration: ANIMATION_MS,
    grid: { left: 8, right: 16, top: model.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: model.series.length > 1 ? { type: 'scroll', top: 0, textStyle: { color: AXIS_TEXT } } : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: type === 'bar' ? 'shadow' : 'line' },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        return [escapeHtml(list[0]?.name ?? ''), ...list.map(line)].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c2c9d4' } },
      axisLabel: { color: AXIS_TEXT, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: SPLIT_LINE } },
      axisLabel: { color: AXIS_TEXT, formatter: (value: number) => formatMeasure(value, firstType, locale, 'compact') },
      ...(firstType === 'percent' ? { max: (extent: { max: number }) => Math.max(1, extent.max) } : {}),
    },
    series: model.series.map((series) =>
      type === 'bar'
        ? {
            type: 'bar' as const,
            name: series.name,
            data: [...series.values],
            barMaxWidth: 36,
            itemStyle: { borderRadius: stacked ? 0 : [3, 3, 0, 0] },
            ...(stacked ? { stack: 'total' } : {}),
          }
        : {
            type: 'line' as const,
            name: series.name,
            data: [...series.values],
            symbol: 'circle',
            symbolSize: 6,
            connectNulls: false,
            areaStyle: model.series.length === 1 ? { opacity: 0.08 } : undefined,
          },
    ),
  };
}
