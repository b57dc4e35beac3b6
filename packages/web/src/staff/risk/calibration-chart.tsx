import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RiskCalibrationBinDto } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';

use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * The calibration curve of a model on held-out results: per score decile, the mean predicted chance against the
 * observed share with a violation; a calibrated model lies on the diagonal.
 */
export function CalibrationChart({ bins }: { bins: readonly RiskCalibrationBinDto[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const chart = init(element);
    const highest = Math.max(0.05, ...bins.flatMap((b) => [b.meanPredicted, b.observedRate]));
    const top = Math.min(1, Math.ceil(highest * 10) / 10);
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: [number, number] }) =>
          `${t('risk.eval.predicted')} ${percent(p.data[0])}<br/>${t('risk.eval.observed')} ${percent(p.data[1])}`,
      },
      xAxis: {
        type: 'value',
        name: t('risk.eval.predicted'),
        nameLocation: 'middle',
        nameGap: 28,
        min: 0,
        max: top,
        axisLabel: { formatter: (v: number) => percent(v) },
      },
      yAxis: {
        type: 'value',
        name: t('risk.eval.observed'),
        min: 0,
        max: top,
        axisLabel: { formatter: (v: number) => percent(v) },
      },
      series: [
        {
          name: t('risk.eval.perfect'),
          type: 'line',
          data: [
            [0, 0],
            [top, top],
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#999' },
        },
        {
          name: t('risk.eval.deciles'),
          type: 'line',
          data: bins.map((b) => [b.meanPredicted, b.observedRate]),
          symbolSize: 8,
        },
      ],
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bins, t]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} data-testid="calibration-chart" />;
}
