import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Tree-shaken ECharts: only the charts and components the pages use.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and its container's size. */
export function Chart({
  option,
  height = 280,
  testId,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  /**
   * A click on a bar or point (its index in the series' data and its category), or on a category
   * axis label (needs `triggerEvent: true` on the axis; only the category).
   */
  onClick?: (target: { dataIndex?: number; category: string }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const current = chart.current;
    if (!current || !onClick) return;
    const handler = (params: {
      componentType?: string;
      dataIndex?: number;
      name?: string;
      value?: unknown;
    }) => {
      if (params.componentType === 'series')
        onClick({ dataIndex: params.dataIndex, category: params.name ?? '' });
      else if (params.componentType === 'xAxis') onClick({ category: String(params.value ?? '') });
    };
    current.on('click', handler);
    current.getZr().setCursorStyle('pointer');
    return () => {
      current.off('click', handler);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
