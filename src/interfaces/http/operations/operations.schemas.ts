import { z } from 'zod';
import { paginationQuery } from '../common/pagination.schema';

const JOB_STATES = ['running', 'scheduled', 'queued', 'completed', 'failed', 'repeating', 'paused'] as const;
const timestamp = z.string().nullable().describe('ISO 8601, or null');

export const jobListQuery = paginationQuery.extend({
  name: z.string().min(1).max(100).optional().describe('Only jobs of this name'),
  state: z.enum(JOB_STATES).optional().describe('Only jobs in this state'),
});

export const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  data: z.unknown(),
  nextRunAt: timestamp,
  lastRunAt: timestamp,
  lastFinishedAt: timestamp,
  repeatEvery: z.union([z.string(), z.number()]).nullable(),
  failCount: z.number().int().describe('Failed runs so far'),
  lastError: z.string().nullable().describe('The last failure, kept until the job succeeds or is removed'),
  failedAt: timestamp,
});

export const leaseSchema = z.object({
  name: z.string().describe('What the lease guards, e.g. projection:warranties-v1'),
  holder: z.string().describe('The instance holding it (INSTANCE_ID)'),
  expiresAt: z.number().int().describe('Milliseconds since the epoch, on the store clock'),
  generation: z.number().int().describe('Grows each time the lease changes hands'),
  expired: z.boolean(),
});
