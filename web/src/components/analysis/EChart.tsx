/**
 * An ECharts chart drawn as SVG. Only the bar chart and the components it needs are bundled
 * (echarts/core), so the charts page stays small. The chart is one image to assistive
 * technology (role="img" with a label saying where its data table is); series are told apart by
 * decal patterns as well as colours.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export function EChart({ option, label, height }: { option: EChartsCoreOption; label: string; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const dom = ref.current!;
    chart.current = echarts.init(dom, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(dom);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ ...option, aria: { enabled: true, label: { enabled: false }, decal: { show: true } } }, true);
    // ECharts writes its own aria-label on the container when aria is on; ours says where the data is.
    ref.current?.setAttribute('aria-label', label);
  }, [option, label]);
  return <div ref={ref} className="gk-chart" role="img" aria-label={label} style={{ height }} />;
}
