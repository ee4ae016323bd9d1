import type { BusinessDetails } from '../../domain/identity/wholesaler-application.decider';

export const WHOLESALER_APPLICATIONS = 'wholesaler_applications';

/** An applicant's latest wholesaler application; its id is the applicant's user id. */
export interface WholesalerApplicationView extends BusinessDetails {
  readonly id: string;
  readonly userId: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly submittedAt: string;
  readonly reviewerId: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNotes: string | null;
  /** Lithovolt's applications belong to no tenant; stored so that tenant filters never match them. */
  readonly tenantId: null;
  readonly [field: string]: unknown;
}
