import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

/**
 * ECharts, imported piece by piece (echarts/core plus the charts and
 * components used) so the bundle carries only those. The SVG renderer draws
 * crisp on any screen and leaves elements a test can find. Loaded lazily by
 * chart.tsx: pages without charts never download it.
 */
use([BarChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the data is also in a table beside it). */
  label: string;
  height?: number;
}

const EChart = ({ option, label, height = 320 }: EChartProps) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts' aria writes its own description over the element's label (series
    // numbered from 0, dates as epoch milliseconds); the page's words replace it.
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, { notMerge: true });
  }, [option, label]);

  return <div ref={element} className="echart" role="img" aria-label={label} style={{ height }} />;
};

export default EChart;
