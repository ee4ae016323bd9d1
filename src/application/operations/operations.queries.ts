import { pageOf, type Page, type PageRequest } from '../shared/paging';
import type { Clock } from '../shared/ports/clock.port';
import type { Lease, LeaseStore } from '../shared/ports/lease-store.port';
import type { JobState, JobSummary, Scheduler } from '../shared/ports/scheduler.port';

export interface JobListQuery extends PageRequest {
  readonly name?: string | undefined;
  readonly state?: JobState | undefined;
}

export interface LeaseView extends Lease {
  readonly expired: boolean;
}

/** What operators look at: scheduled jobs with their last errors, and which instance holds which lease. */
export class OperationsQueries {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly leases: LeaseStore,
    private readonly clock: Clock,
  ) {}

  async jobs(query: JobListQuery): Promise<Page<JobSummary>> {
    const { page, pageSize } = query;
    const { items, total } = await this.scheduler.list({
      ...(query.name ? { name: query.name } : {}),
      ...(query.state ? { state: query.state } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return pageOf(items, total, { page, pageSize });
  }

  async leaseHolders(): Promise<{ readonly items: readonly LeaseView[] }> {
    const now = this.clock.now().getTime();
    return { items: (await this.leases.list()).map((lease) => ({ ...lease, expired: lease.expiresAt <= now })) };
  }
}
