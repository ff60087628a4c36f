import type { Projection } from '@keyward/shared/read-models';
import { apiTokenListProjection, userListProjection } from '@keyward/identity/read-models';
import { appPasswordHistoryProjection, appPasswordListProjection, usageHistoryProjection } from '@keyward/app-passwords/read-models';
import { accessReviewsProjection, auditTrailProjection, noticesProjection, reportSchedulesProjection } from '@keyward/compliance/read-models';
import { alertsProjection, revocationCasesProjection } from '@keyward/incidents/read-models';

/** Every read model this node keeps. */
export const PROJECTIONS: Projection[] = [userListProjection, apiTokenListProjection, appPasswordListProjection, appPasswordHistoryProjection, usageHistoryProjection, auditTrailProjection, revocationCasesProjection, alertsProjection, accessReviewsProjection, noticesProjection, reportSchedulesProjection];
