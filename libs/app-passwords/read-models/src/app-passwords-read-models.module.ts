import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAppPasswordsAsOfHandler } from './as-of/app-passwords-as-of.queries';
import { GetAppPasswordHandler, GetAppPasswordsHandler, GetReviewCandidatesHandler, MatchAppPasswordsHandler } from './app-password-list/app-password-list.queries';
import { GetIdleAppPasswordsHandler, GetTenantsWithActiveAppPasswordsHandler } from './idle/idle-app-passwords.queries';
import { GetDashboardHandler } from './dashboard/dashboard.queries';
import { GetCredentialUsageHandler } from './usage-history/credential-usage.queries';
import { GetSignInAttemptsHandler } from './usage-history/usage-history.queries';
import { CountRecentlyUsedHandler } from './app-password-list/recent-use.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetAppPasswordsHandler, GetAppPasswordHandler, MatchAppPasswordsHandler, GetReviewCandidatesHandler, GetAppPasswordsAsOfHandler, GetSignInAttemptsHandler, GetCredentialUsageHandler, GetDashboardHandler, GetTenantsWithActiveAppPasswordsHandler, GetIdleAppPasswordsHandler, CountRecentlyUsedHandler],
})
export class AppPasswordsReadModelsModule {}
