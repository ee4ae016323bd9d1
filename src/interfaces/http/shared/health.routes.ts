import type { Logger } from 'pino';
import { z } from 'zod';
import type { RouteDefinition } from './route-definition';
import { defineRoute } from './route-definition';

export interface HealthCheck {
  status: 'up' | 'down';
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, HealthCheck>;
}

export interface HealthProbes {
  /** Liveness: the process answers. Extra fields (version, uptime) are merged into the 200 body. */
  live?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Readiness: the stores and workers this instance needs are reachable. */
  ready: () => Promise<Readiness>;
}

const healthCheckSchema = z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() });

const livenessSchema = z.looseObject({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const readinessSchema = z
  .object({ status: z.enum(['ready', 'not_ready']), checks: z.record(z.string(), healthCheckSchema) })
  .meta({ id: 'Readiness' });

/** A probe that throws is reported as not ready; the reason stays in the logs, not in the answer. */
const readinessOf = async (probes: HealthProbes, logger: Logger): Promise<Readiness> => {
  try {
    return await probes.ready();
  } catch (error) {
    logger.error({ err: error }, 'readiness probe failed');
    return { ready: false, checks: { readiness: { status: 'down', detail: 'readiness probe failed' } } };
  }
};

export const healthRoutes = (probes: HealthProbes, logger: Logger): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getLiveness',
    summary: 'Liveness probe',
    tags: ['health'],
    permission: 'public',
    acceptsMinPosition: false,
    responses: { 200: { description: 'The process is alive', schema: livenessSchema } },
    handler: async () => ({ status: 200, body: { ...((await probes.live?.()) ?? {}), status: 'ok' } }),
  }),
  defineRoute({
    method: 'get',
    path: '/health/ready',
    operationId: 'getReadiness',
    summary: 'Readiness probe',
    tags: ['health'],
    permission: 'public',
    acceptsMinPosition: false,
    responses: {
      200: { description: 'Ready to serve', schema: readinessSchema },
      503: { description: 'Not ready; see which checks are down', schema: readinessSchema },
    },
    handler: async () => {
      const readiness = await readinessOf(probes, logger);
      return {
        status: readiness.ready ? 200 : 503,
        body: { status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks },
        headers: { 'Cache-Control': 'no-store' },
      };
    },
  }),
];
