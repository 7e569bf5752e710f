/** The assessment model: one verdict and its findings per resource. Every view derives from it. */
export * from './types';
export {
  FINDINGS,
  FINDING_IDS,
  describeFinding,
  type FindingId,
  type FindingDescription,
  type PolicyReference,
} from './catalog';
export { assessHub, hubNeededNames, type HubAssessment } from './hub';
export { assessAccount, type AccountAssessment } from './account';
export { describeAccessMode, discoveredAccess, type AccessMode } from './access';
export type { DependencyAssessment, DependencyIsolation } from './dependencies';
export type { EndpointDnsJudgement, RecordJudgement, RecordStatus } from './endpointDns';

import type { AccountAssessment } from './account';
import type { HubAssessment } from './hub';

export type Assessment = HubAssessment | AccountAssessment;
