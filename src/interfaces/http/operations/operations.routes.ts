import { z } from 'zod';
import type { OperationsQueries } from '../../../application/operations/operations.queries';
import { pageOf } from '../common/pagination.schema';
import type { ReadSide } from '../common/read-side';
import { queryRoute } from '../common/route-kinds';
import { jobListQuery, jobSchema, leaseSchema } from './operations.schemas';

const tags = ['operations'];

/** Operators' views: scheduled jobs with their last errors, and which instance runs what. */
export interface OperationsHttpDependencies {
  readonly readSide: ReadSide;
  readonly operationsQueries: OperationsQueries;
}

export const operationsRoutes = (deps: OperationsHttpDependencies) => [
  queryRoute(
    deps.readSide,
    {
      path: '/api/jobs', operationId: 'listJobs', tags, permission: 'ops:read',
      summary: 'Scheduled jobs, with state, next run and last error',
      query: jobListQuery,
      responses: { 200: { description: 'A page of jobs', schema: pageOf(jobSchema) } },
    },
    ({ query }) => deps.operationsQueries.jobs(query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: '/api/leases', operationId: 'listLeases', tags, permission: 'ops:read',
      summary: 'Which instance runs each projection',
      responses: { 200: { description: 'Every lease on record', schema: z.object({ items: z.array(leaseSchema) }) } },
    },
    () => deps.operationsQueries.leaseHolders(),
  ),
];
