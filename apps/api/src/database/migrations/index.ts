import { Initial1795752655903 } from './1795752655903-Initial';
import { AddSystems1795753224425 } from './1795753224425-AddSystems';
import { AddRepairJobs1795753365720 } from './1795753365720-AddRepairJobs';
import { AddQueueAndMetricsIndexes1795754861146 } from './1795754861146-AddQueueAndMetricsIndexes';
import { AddComponentRequests1796024823846 } from './1796024823846-AddComponentRequests';
import { AddPlanAndRequestMetricsIndexes1796026666908 } from './1796026666908-AddPlanAndRequestMetricsIndexes';
import { WindowRequestMetrics1796028175458 } from './1796028175458-WindowRequestMetrics';
import { AddTraining1796028868067 } from './1796028868067-AddTraining';
import { AddPartnerReportsAndNotifications1796032271190 } from './1796032271190-AddPartnerReportsAndNotifications';
import { CoverReportIndexes1796036000000 } from './1796036000000-CoverReportIndexes';
import { AddMfaAndPasswordChange1796036458055 } from './1796036458055-AddMfaAndPasswordChange';
import { AddWriteOffRequests1796039126439 } from './1796039126439-AddWriteOffRequests';
import { MaintainRepairSummaries1796040000000 } from './1796040000000-MaintainRepairSummaries';
import { MaintainSupplyAndReportSummaries1796040100000 } from './1796040100000-MaintainSupplyAndReportSummaries';
import { AddSignOffRequestedAt1796041300000 } from './1796041300000-AddSignOffRequestedAt';
import { RepairJobPhotos1796050000000 } from './1796050000000-RepairJobPhotos';

/** Every migration, in order. `npm run db:generate -- <Name>` writes a new file; add it here. */
export const migrations = [
  Initial1795752655903,
  AddSystems1795753224425,
  AddRepairJobs1795753365720,
  AddQueueAndMetricsIndexes1795754861146,
  AddComponentRequests1796024823846,
  AddPlanAndRequestMetricsIndexes1796026666908,
  WindowRequestMetrics1796028175458,
  AddTraining1796028868067,
  AddPartnerReportsAndNotifications1796032271190,
  CoverReportIndexes1796036000000,
  AddMfaAndPasswordChange1796036458055,
  AddWriteOffRequests1796039126439,
  MaintainRepairSummaries1796040000000,
  MaintainSupplyAndReportSummaries1796040100000,
  AddSignOffRequestedAt1796041300000,
  RepairJobPhotos1796050000000,
];
