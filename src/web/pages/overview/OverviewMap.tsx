import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { type FeatureCollection, loadProvinceBoundaries } from '../publicity/boundaries';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface MapChild {
  code: string;
  name: string;
  value: number | null;
}

type Feature = FeatureCollection['features'][number];
type Polygons = number[][][][];
const polygonsOf = (g: Feature['geometry']): Polygons =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/**
 * The child a county boundary belongs to: itself (a prefecture's counties), or the prefecture
 * whose code it starts with (a province's prefectures: 3501xx → 350100).
 */
function childOf(county: string, children: MapChild[]): MapChild | undefined {
  return (
    children.find((c) => c.code === county) ??
    children.find((c) => c.code.endsWith('00') && county.slice(0, 4) === c.code.slice(0, 4))
  );
}

/** The county boundaries merged into one area per child jurisdiction (outside the scope dropped). */
function areasOf(geo: FeatureCollection, children: MapChild[]): FeatureCollection {
  const byChild = new Map<string, Feature>();
  for (const f of geo.features) {
    const child = childOf(f.properties.code ?? '', children);
    if (!child) continue;
    const known = byChild.get(child.code);
    if (known)
      known.geometry = {
        type: 'MultiPolygon',
        coordinates: [...polygonsOf(known.geometry), ...polygonsOf(f.geometry)],
      };
    else
      byChild.set(child.code, {
        type: 'Feature',
        properties: { name: child.name, code: child.code },
        geometry: { type: 'MultiPolygon', coordinates: polygonsOf(f.geometry) },
      });
  }
  return { type: 'FeatureCollection', features: [...byChild.values()] };
}

/**
 * The jurisdiction's children coloured by an indicator (ECharts' map over the publicity module's
 * county boundaries, decision 0027), for a dark screen read from across a room: large labels, a
 * green-to-red scale oriented by the indicator's direction, no data in grey.
 */
export function OverviewMap({
  provinceCode,
  areas: children,
  direction,
  decimals,
  unit,
  height,
}: {
  provinceCode: string;
  /** The children and their values. */
  areas: MapChild[];
  direction: 'lower' | 'higher';
  decimals: number;
  unit: string;
  height: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [geo, setGeo] = useState<FeatureCollection | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    setGeo(undefined);
    loadProvinceBoundaries(provinceCode).then((g) => !cancelled && setGeo(g));
    return () => {
      cancelled = true;
    };
  }, [provinceCode]);
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
  const areaCount = geo ? areasOf(geo, children).features.length : 0;
  useEffect(() => {
    if (!geo || !chart.current) return;
    const areas = areasOf(geo, children);
    // One map name per set of areas: a different scope registers its own shapes.
    const mapName = `yufang-overview-${provinceCode}-${children.map((c) => c.code).join('')}`;
    echarts.registerMap(mapName, areas as never);
    const values = children.map((c) => c.value).filter((v): v is number => v !== null);
    const max = values.length ? Math.max(...values) : 1;
    const min = values.length ? Math.min(...values) : 0;
    const scale = ['#2e9d5b', '#e8c547', '#d64541'];
    const format = (v: number | null | undefined) =>
      v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(decimals);
    chart.current.setOption(
      {
        backgroundColor: 'transparent',
        tooltip: { trigger: 'item', textStyle: { fontSize: 18 } },
        visualMap: {
          type: 'continuous',
          min,
          max: max > min ? max : min + 1,
          left: 16,
          bottom: 16,
          calculable: false,
          text: [format(max), format(min)],
          textStyle: { color: '#d9e6ff', fontSize: 18 },
          inRange: { color: direction === 'lower' ? scale : [...scale].reverse() },
        },
        series: [
          {
            type: 'map',
            map: mapName,
            nameProperty: 'code',
            roam: false,
            itemStyle: { areaColor: '#3a4a63', borderColor: '#0b1a33', borderWidth: 1.5 },
            emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#4f7bd8' } },
            label: {
              show: true,
              color: '#ffffff',
              fontSize: 18,
              fontWeight: 'bold',
              textBorderColor: '#0b1a33',
              textBorderWidth: 3,
              formatter: (p: { name: string }) => {
                const c = children.find((x) => x.code === p.name);
                return c ? `${c.name}\n${format(c.value)}` : '';
              },
            },
            tooltip: {
              formatter: (p: { name: string }) => {
                const c = children.find((x) => x.code === p.name);
                return c ? `${c.name}<br/>${format(c.value)} ${unit}` : '';
              },
            },
            data: children.map((c) => ({ name: c.code, value: c.value ?? undefined })),
          },
        ],
      },
      true,
    );
  }, [geo, children, provinceCode, direction, decimals, unit]);
  const state = geo === undefined ? 'loading' : geo === null || areaCount === 0 ? 'none' : 'ready';
  return (
    <div
      ref={ref}
      style={{ width: '100%', height }}
      data-testid="overview-map"
      data-state={state}
      data-areas={areaCount}
    />
  );
}
