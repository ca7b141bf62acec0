import { CreateOrganisations1795358290448 } from './1795358290448-CreateOrganisations.js';
import { CreateIdentityAndAudit1795358944606 } from './1795358944606-CreateIdentityAndAudit.js';
import { CreateCalls1795359617938 } from './1795359617938-CreateCalls.js';
import { LoadResearchFields1795359618938 } from './1795359618938-LoadResearchFields.js';
import { CreateIdempotencyKeys1795361330291 } from './1795361330291-CreateIdempotencyKeys.js';
import { CreateApplications1795361508531 } from './1795361508531-CreateApplications.js';
import { AddApplicationInstitutions1795362728185 } from './1795362728185-AddApplicationInstitutions.js';
import { CreateReviews1795364183018 } from './1795364183018-CreateReviews.js';
import { CreateNotifications1795367176076 } from './1795367176076-CreateNotifications.js';
import { CallIdOnApplicationParts1795376678016 } from './1795376678016-CallIdOnApplicationParts.js';
import { AddRateLimits1795378615816 } from './1795378615816-AddRateLimits.js';
import { AddSessionWritePosition1795383224160 } from './1795383224160-AddSessionWritePosition.js';
import { AddCallResultsRelease1795392113507 } from './1795392113507-AddCallResultsRelease.js';
import { RepairCallAnnouncements1795392142861 } from './1795392142861-RepairCallAnnouncements.js';
import { CreateInvitations1795393016742 } from './1795393016742-CreateInvitations.js';
import { AddAgencyReviewOnceFinal1795394210000 } from './1795394210000-AddAgencyReviewOnceFinal.js';
import { AddApplicationReceipts1795395120000 } from './1795395120000-AddApplicationReceipts.js';
import { AddAssignmentReminders1795396230000 } from './1795396230000-AddAssignmentReminders.js';
import { AddDocumentsAndSubmissions1796520846792 } from './1796520846792-AddDocumentsAndSubmissions.js';
import { AddCallForms1796527220506 } from './1796527220506-AddCallForms.js';
import { AnswersVersion1796535264986 } from './1796535264986-AnswersVersion.js';
import { EditEventFields1796566417585 } from './1796566417585-EditEventFields.js';

/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const migrations = [
  CreateOrganisations1795358290448,
  CreateIdentityAndAudit1795358944606,
  CreateCalls1795359617938,
  LoadResearchFields1795359618938,
  CreateIdempotencyKeys1795361330291,
  CreateApplications1795361508531,
  AddApplicationInstitutions1795362728185,
  CreateReviews1795364183018,
  CreateNotifications1795367176076,
  CallIdOnApplicationParts1795376678016,
  AddRateLimits1795378615816,
  AddSessionWritePosition1795383224160,
  AddCallResultsRelease1795392113507,
  RepairCallAnnouncements1795392142861,
  CreateInvitations1795393016742,
  AddAgencyReviewOnceFinal1795394210000,
  AddApplicationReceipts1795395120000,
  AddAssignmentReminders1795396230000,
  AddDocumentsAndSubmissions1796520846792,
  AddCallForms1796527220506,
  AnswersVersion1796535264986,
  EditEventFields1796566417585,
];
