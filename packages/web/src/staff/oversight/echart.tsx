import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** What a click on a chart element reports: the category's index and name. */
export interface ChartClick {
  dataIndex: number;
  name: string;
}

/**
 * An ECharts chart in a div (tree-shaken: bar, line, scatter, custom series). Re-renders when `option` changes;
 * `onClick` receives the clicked category.
 */
export function EChart({
  option,
  height,
  onClick,
  testId,
}: {
  option: EChartsCoreOption;
  height: number;
  onClick?: ((click: ChartClick) => void) | undefined;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const chart = init(element);
    chart.setOption(option);
    chart.on('click', (params) => {
      const p = params as { dataIndex?: number; name?: string };
      clickRef.current?.({ dataIndex: p.dataIndex ?? -1, name: p.name ?? '' });
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
