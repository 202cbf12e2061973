import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMetrics from 'fastify-metrics';
import { Gauge, Registry } from 'prom-client';

/** A gauge whose value is read when Prometheus scrapes (a queue length, a lag). */
export interface GaugeSource {
  name: string;
  help: string;
  /** The value now; a value per label set when `labelNames` is given. */
  read(): Promise<number | Record<string, number>> | number | Record<string, number>;
  labelNames?: string[];
}

export interface MetricsOptions {
  /** METRICS_TOKEN: with it, /metrics answers a scraper on another host that sends this bearer token. */
  token: string | undefined;
  gauges: GaugeSource[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isSameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read /metrics: a scraper on this host (the TCP peer is loopback and no proxy forwarded the
 * request: behind nginx on the same host every request comes from loopback), or anyone presenting
 * METRICS_TOKEN as a bearer token. Everyone else gets 404, as if there were no such page.
 */
export function isMetricsReader(request: FastifyRequest, token: string | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (token && bearer) return isSameToken(bearer, token);
  const peer = request.socket.remoteAddress ?? '';
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return LOOPBACK.has(peer) && !forwarded;
}

/**
 * Prometheus metrics (fastify-metrics on prom-client, decision 0017) at GET /metrics: request counts
 * and latency histograms labelled by route pattern (`/api/experts/:id`, never the raw URL, so ids
 * and personal data stay out of the labels and the series stay few), process metrics, and the
 * gauges the composition root hands in. One registry per app, so tests may build several.
 */
export async function registerMetrics(app: FastifyInstance, options: MetricsOptions): Promise<Registry> {
  const register = new Registry();
  for (const source of options.gauges) {
    new Gauge({
      name: source.name,
      help: source.help,
      labelNames: source.labelNames ?? [],
      registers: [register],
      async collect() {
        try {
          const value = await source.read();
          if (typeof value === 'number') this.set(value);
          else
            for (const [label, v] of Object.entries(value))
              this.set({ [source.labelNames?.[0] ?? 'kind']: label }, v);
        } catch {
          // The database is away: the gauge reads NaN rather than failing the whole scrape.
          this.set(Number.NaN);
        }
      },
    });
  }
  await app.register(fastifyMetrics, {
    endpoint: {
      url: '/metrics',
      method: 'GET',
      logLevel: 'warn',
      schema: { hide: true },
      config: { ownAuth: true },
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        if (isMetricsReader(request, options.token)) return;
        reply
          .code(404)
          .send({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Not Found' });
        return reply;
      },
      handler: async () => undefined,
    },
    defaultMetrics: { enabled: true, register },
    routeMetrics: {
      enabled: true,
      registeredRoutesOnly: true,
      groupStatusCodes: true,
      routeBlacklist: ['/metrics'],
      overrides: {
        histogram: {
          name: 'http_request_duration_seconds',
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers: [register],
        },
        summary: { name: 'http_request_summary_seconds', registers: [register] },
      },
    },
  });
  return register;
}
