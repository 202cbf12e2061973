import { Empty, Spin } from 'antd';
import { MapChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { loadProvinceBoundaries } from './boundaries';

echarts.use([MapChart, GeoComponent, TooltipComponent, CanvasRenderer]);

export interface MapArea {
  code: string;
  name: string;
  color: string;
  label: string;
}

/**
 * A province's counties coloured by area (ECharts' map component over the package's boundaries,
 * loaded lazily); areas without a boundary in the package (development zones, special zones) are
 * listed beside the map by the page.
 */
export function CoverageMap({
  provinceCode,
  areas,
  height = 420,
}: {
  provinceCode: string;
  areas: MapArea[];
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'none'>('loading');
  useEffect(() => {
    let chart: echarts.ECharts | null = null;
    let cancelled = false;
    setState('loading');
    loadProvinceBoundaries(provinceCode).then((geo) => {
      if (cancelled || !ref.current) return;
      if (!geo) {
        setState('none');
        return;
      }
      const mapName = `yufang-${provinceCode}`;
      echarts.registerMap(mapName, geo as never);
      chart = echarts.init(ref.current);
      const byCode = new Map(areas.map((a) => [a.code, a]));
      chart.setOption({
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string }) => {
            const area = byCode.get(p.name);
            return area ? `${area.name}<br/>${area.label}` : p.name;
          },
        },
        series: [
          {
            type: 'map',
            map: mapName,
            nameProperty: 'code',
            roam: true,
            label: { show: false },
            itemStyle: { areaColor: '#eee', borderColor: '#fff' },
            emphasis: { label: { show: false } },
            data: geo.features.map((f) => {
              const code = f.properties.code ?? '';
              return { name: code, value: 1, itemStyle: { areaColor: byCode.get(code)?.color ?? '#d9d9d9' } };
            }),
          },
        ],
      });
      setState('ready');
    });
    return () => {
      cancelled = true;
      chart?.dispose();
    };
  }, [provinceCode, areas]);
  return (
    <div style={{ position: 'relative' }}>
      {state === 'loading' && <Spin style={{ position: 'absolute', top: 16, left: 16 }} />}
      {state === 'none' && <Empty />}
      <div
        ref={ref}
        style={{ width: '100%', height: state === 'none' ? 0 : height }}
        data-testid="coverage-map"
        data-state={state}
      />
    </div>
  );
}
