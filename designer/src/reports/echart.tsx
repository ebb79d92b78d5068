import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-option.js';

// Only what the dashboards draw: the full echarts bundle is several times larger.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A click on a bar, point or slice: which series and which category. */
export interface ChartClick {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

export interface EChartProps {
  readonly option: ChartOption;
  readonly height: number;
  readonly onClick?: (click: ChartClick) => void;
  readonly label: string;
}

/**
 * The default export, so report-view can load it lazily: ECharts is the largest library in the app
 * and only dashboards and reports need it. One ECharts instance per mounted chart: created on mount, given each new option whole
 * (notMerge, so a series that went away does not linger), resized with its box, disposed on unmount.
 */
export default function EChart({ option, height, onClick, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => {
      if (typeof event.seriesIndex === 'number' && typeof event.dataIndex === 'number') clickHandler.current?.({ seriesIndex: event.seriesIndex, dataIndex: event.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="echart" style={{ height }} role="img" aria-label={label} data-testid="echart" />;
}
