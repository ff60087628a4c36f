/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AppPasswordRow on AppPassword {\n    id label status scopes createdAt createdBy expiresAt lastUsedAt lastUsedIp lastUsedProtocol lastUsedClient useCount revokedAt revokedBy revokeReason\n    user { id userPrincipalName }\n  }\n": typeof types.AppPasswordRowFragmentDoc,
    "\n  fragment SignInPage on SignInAttemptConnection {\n    totalCount pageInfo { hasNextPage endCursor } edges { node { occurredAt outcome reason protocol sourceIp client appPasswordId } }\n  }\n": typeof types.SignInPageFragmentDoc,
    "\n  query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n": typeof types.AppPasswordsDocument,
    "\n  query AppPasswordsAsOf($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswordsAsOf(at: $at, filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n": typeof types.AppPasswordsAsOfDocument,
    "\n  query AppPassword($id: ID!, $days: Int!) {\n    appPassword(id: $id) {\n      ...AppPasswordRow\n      usage(days: $days) { addresses { sourceIp firstSeen lastSeen uses rejections } perDay { day uses rejections } }\n    }\n  }\n": typeof types.AppPasswordDocument,
    "\n  query Lifecycle($streamId: String!) {\n    auditEvents(filter: { streamId: $streamId }, first: 200) { edges { node { id type occurredAt actorName data } } }\n  }\n": typeof types.LifecycleDocument,
    "\n  query CredentialSignIns($id: ID!, $first: Int, $after: String) {\n    appPassword(id: $id) { signIns(first: $first, after: $after) { ...SignInPage } }\n  }\n": typeof types.CredentialSignInsDocument,
    "\n  query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {\n    user(id: $id) { signIns(outcome: $outcome, first: $first, after: $after) { ...SignInPage } }\n  }\n": typeof types.UserSignInsDocument,
    "\n  mutation Generate($input: GenerateAppPasswordInput!) {\n    generateAppPassword(input: $input) { secret appleProfileUrl appPassword { id label user { userPrincipalName } } }\n  }\n": typeof types.GenerateDocument,
    "\n  mutation Revoke($input: RevokeAppPasswordInput!) {\n    revokeAppPassword(input: $input) { id status }\n  }\n": typeof types.RevokeDocument,
    "\n  mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {\n    revokeUserAppPasswords(input: $input) { id }\n  }\n": typeof types.RevokeAllDocument,
    "\n  query UsersForPicker($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) { edges { node { id userPrincipalName } } }\n  }\n": typeof types.UsersForPickerDocument,
    "\n  query AllowedScopes {\n    tenantPolicy { allowedScopes maxLifetimeDays }\n    mailServers { imap { host port security } pop { host port security } submission { host port security } }\n  }\n": typeof types.AllowedScopesDocument,
    "\n  query Dashboard {\n    dashboard {\n      counts { active expiringSoon unused30Days neverUsed revokedThisWeek rejectedLast24Hours }\n      signInsPerDay { day key count } rejectionsPerDay { day key count } activePerDay { day count }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment AccessReviewFields on AccessReview {\n    id name status startedAt startedBy dueAt completedAt revokeUndecided reviewerIds filter total kept revoked undecided\n    recurEveryDays nextStartsAt previousReviewId nextReviewId\n  }\n": typeof types.AccessReviewFieldsFragmentDoc,
    "\n  fragment AccessReviewItemFields on AccessReviewItem {\n    id reviewId appPasswordId userId userPrincipalName label scopes createdAt lastUsedAt usesLast30Days recommendation\n    decision justification decidedBy decidedAt attestedAt attestationNote\n  }\n": typeof types.AccessReviewItemFieldsFragmentDoc,
    "\n  query AccessReviews($first: Int, $after: String) {\n    accessReviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewFields } } }\n  }\n": typeof types.AccessReviewsDocument,
    "\n  query AccessReview($id: ID!) { accessReview(id: $id) { ...AccessReviewFields } }\n": typeof types.AccessReviewDocument,
    "\n  query AccessReviewItems($id: ID!, $selection: AccessReviewItemSelection, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id\n      items(selection: $selection, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewItemFields } } }\n    }\n  }\n": typeof types.AccessReviewItemsDocument,
    "\n  mutation StartAccessReview($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ...AccessReviewFields } }\n": typeof types.StartAccessReviewDocument,
    "\n  mutation StopAccessReviewRecurrence($reviewId: ID!) { stopAccessReviewRecurrence(reviewId: $reviewId) { ...AccessReviewFields } }\n": typeof types.StopAccessReviewRecurrenceDocument,
    "\n  mutation DecideAccessReviewItem($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n": typeof types.DecideAccessReviewItemDocument,
    "\n  mutation DecideAccessReviewItems($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { ...AccessReviewItemFields } }\n": typeof types.DecideAccessReviewItemsDocument,
    "\n  mutation AttestAccessReviewItem($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n": typeof types.AttestAccessReviewItemDocument,
    "\n  query ReviewerName($id: ID!) { user(id: $id) { id userPrincipalName } }\n": typeof types.ReviewerNameDocument,
    "\n  fragment ReportScheduleFields on ReportSchedule {\n    id report params format cadence recipients ownerId firstRunAt isActive cancelledAt nextRunAt\n  }\n": typeof types.ReportScheduleFieldsFragmentDoc,
    "\n  query ReportSchedules($first: Int, $after: String) {\n    reportSchedules(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ReportScheduleFields } } }\n  }\n": typeof types.ReportSchedulesDocument,
    "\n  mutation ScheduleReport($input: ScheduleReportInput!) { scheduleReport(input: $input) { ...ReportScheduleFields } }\n": typeof types.ScheduleReportDocument,
    "\n  mutation CancelReportSchedule($id: ID!) { cancelReportSchedule(id: $id) { ...ReportScheduleFields } }\n": typeof types.CancelReportScheduleDocument,
    "\n  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor actorName streamId data } }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  fragment ApiTokenRow on ApiToken { id name role userId status createdAt expiresAt lastUsedAt }\n": typeof types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokens($first: Int, $after: String) {\n    apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ApiTokenRow } } }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ...ApiTokenRow } } }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenRow } }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment TenantPolicyFields on TenantPolicy {\n    maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed\n    consoleMfaRoles mfaGraceDays\n  }\n": typeof types.TenantPolicyFieldsFragmentDoc,
    "\n  query Policy { tenantPolicy { ...TenantPolicyFields } }\n": typeof types.PolicyDocument,
    "\n  query PolicyChanges { auditEvents(filter: { types: [\"TenantPolicyChanged\"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }\n": typeof types.PolicyChangesDocument,
    "\n  mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ...TenantPolicyFields } }\n": typeof types.ChangePolicyDocument,
    "\n  fragment MailServersFields on MailServers {\n    isTenantSpecific imap { host port security } pop { host port security } submission { host port security }\n  }\n": typeof types.MailServersFieldsFragmentDoc,
    "\n  query MailServers { mailServers { ...MailServersFields } }\n": typeof types.MailServersDocument,
    "\n  mutation ChangeMailServers($input: MailServersInput!) { changeMailServers(input: $input) { ...MailServersFields } }\n": typeof types.ChangeMailServersDocument,
    "\n  fragment SecondFactorsFields on SecondFactors { totp recoveryCodesLeft passkeys { id name } mfaSources status deadline }\n": typeof types.SecondFactorsFieldsFragmentDoc,
    "\n  query MySecondFactors { me { id secondFactors { ...SecondFactorsFields } } }\n": typeof types.MySecondFactorsDocument,
    "\n  query SecondFactorsOfUser($id: ID!) { user(id: $id) { id secondFactors { ...SecondFactorsFields } } }\n": typeof types.SecondFactorsOfUserDocument,
    "\n  query MyNoticePreferences { me { id expiryReminders } }\n": typeof types.MyNoticePreferencesDocument,
    "\n  mutation ChangeNoticePreferences($expiryReminders: Boolean!) { changeNoticePreferences(expiryReminders: $expiryReminders) { id expiryReminders } }\n": typeof types.ChangeNoticePreferencesDocument,
    "\n  mutation BeginTotpEnrollment { beginTotpEnrollment { secret otpauthUri qrCodeSvg recoveryCodes } }\n": typeof types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) { confirmTotpEnrollment(code: $code) { id mfaRegistered } }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation BeginPasskeyRegistration { beginPasskeyRegistration }\n": typeof types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id mfaRegistered } }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation ResetSecondFactors($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id mfaRegistered } }\n": typeof types.ResetSecondFactorsDocument,
    "\n  fragment UserRow on User { id userPrincipalName displayName roles mfaRegistered isEnabled }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...UserRow } } }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) { user(id: $id) { ...UserRow } }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }\n": typeof types.CreateUserDocument,
    "\n  mutation EnableUser($id: ID!) { enableUser(id: $id) { id isEnabled } }\n": typeof types.EnableUserDocument,
    "\n  mutation DisableUser($id: ID!) { disableUser(id: $id) { id isEnabled } }\n": typeof types.DisableUserDocument,
    "\n  mutation ResetPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }\n": typeof types.ResetPasswordDocument,
    "\n  fragment AlertFields on Alert {\n    id kind severity firstSeenAt lastSeenAt count appPassword { id label status } user { id userPrincipalName } userPrincipalName\n    sourceIp sourceNetwork accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AlertFields } } }\n  }\n": typeof types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }\n": typeof types.AcknowledgeAlertDocument,
    "\n  fragment CaseCredential on AppPassword { id label status lastUsedAt user { userPrincipalName } }\n": typeof types.CaseCredentialFragmentDoc,
    "\n  fragment CaseFields on RevocationCase {\n    id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected\n    finishedAt cancelledBy reinstatement { status reinstated } sample { ...CaseCredential }\n  }\n": typeof types.CaseFieldsFragmentDoc,
    "\n  mutation RevokeAppPasswords($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ...CaseFields } }\n": typeof types.RevokeAppPasswordsDocument,
    "\n  mutation SuspendAppPasswords($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ...CaseFields } }\n": typeof types.SuspendAppPasswordsDocument,
    "\n  query RevocationCase($id: ID!) { revocationCase(id: $id) { ...CaseFields } }\n": typeof types.RevocationCaseDocument,
    "\n  query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {\n    revocationCase(id: $id) {\n      outcomes(outcome: $outcome, first: $first, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail recordedAt appPassword { ...CaseCredential } } }\n      }\n    }\n  }\n": typeof types.CaseOutcomesDocument,
    "\n  query RevocationCases($first: Int, $after: String) {\n    revocationCases(first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed finishedAt reinstatement { status reinstated } } }\n    }\n  }\n": typeof types.RevocationCasesDocument,
    "\n  mutation CancelRevocationCase($id: ID!) { cancelRevocationCase(id: $id) { ...CaseFields } }\n": typeof types.CancelRevocationCaseDocument,
    "\n  mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ...CaseFields } }\n": typeof types.ReinstateAppPasswordsDocument,
    "\n  query ActorName($id: ID!) { user(id: $id) { userPrincipalName } }\n": typeof types.ActorNameDocument,
    "\n  mutation ScanForLeakedAppPasswords($text: String!) {\n    scanForLeakedAppPasswords(text: $text) {\n      id scannedAt candidates provenActiveIds matches { proven appPassword { id label status lastUsedAt user { id userPrincipalName } } }\n    }\n  }\n": typeof types.ScanForLeakedAppPasswordsDocument,
    "\n  query DeadLetters { deadLetters { id subscriber eventId type streamId occurredAt attempts lastError parkedAt } }\n": typeof types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: ID!) { retryDeadLetter(id: $id) { isResolved deadLetter { id attempts lastError } } }\n": typeof types.RetryDeadLetterDocument,
    "\n  query Me { me { id userPrincipalName displayName roles permissions { permission scope } secondFactors { status deadline } sessionSignInMethod } }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  fragment AppPasswordRow on AppPassword {\n    id label status scopes createdAt createdBy expiresAt lastUsedAt lastUsedIp lastUsedProtocol lastUsedClient useCount revokedAt revokedBy revokeReason\n    user { id userPrincipalName }\n  }\n": types.AppPasswordRowFragmentDoc,
    "\n  fragment SignInPage on SignInAttemptConnection {\n    totalCount pageInfo { hasNextPage endCursor } edges { node { occurredAt outcome reason protocol sourceIp client appPasswordId } }\n  }\n": types.SignInPageFragmentDoc,
    "\n  query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n": types.AppPasswordsDocument,
    "\n  query AppPasswordsAsOf($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswordsAsOf(at: $at, filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n": types.AppPasswordsAsOfDocument,
    "\n  query AppPassword($id: ID!, $days: Int!) {\n    appPassword(id: $id) {\n      ...AppPasswordRow\n      usage(days: $days) { addresses { sourceIp firstSeen lastSeen uses rejections } perDay { day uses rejections } }\n    }\n  }\n": types.AppPasswordDocument,
    "\n  query Lifecycle($streamId: String!) {\n    auditEvents(filter: { streamId: $streamId }, first: 200) { edges { node { id type occurredAt actorName data } } }\n  }\n": types.LifecycleDocument,
    "\n  query CredentialSignIns($id: ID!, $first: Int, $after: String) {\n    appPassword(id: $id) { signIns(first: $first, after: $after) { ...SignInPage } }\n  }\n": types.CredentialSignInsDocument,
    "\n  query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {\n    user(id: $id) { signIns(outcome: $outcome, first: $first, after: $after) { ...SignInPage } }\n  }\n": types.UserSignInsDocument,
    "\n  mutation Generate($input: GenerateAppPasswordInput!) {\n    generateAppPassword(input: $input) { secret appleProfileUrl appPassword { id label user { userPrincipalName } } }\n  }\n": types.GenerateDocument,
    "\n  mutation Revoke($input: RevokeAppPasswordInput!) {\n    revokeAppPassword(input: $input) { id status }\n  }\n": types.RevokeDocument,
    "\n  mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {\n    revokeUserAppPasswords(input: $input) { id }\n  }\n": types.RevokeAllDocument,
    "\n  query UsersForPicker($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) { edges { node { id userPrincipalName } } }\n  }\n": types.UsersForPickerDocument,
    "\n  query AllowedScopes {\n    tenantPolicy { allowedScopes maxLifetimeDays }\n    mailServers { imap { host port security } pop { host port security } submission { host port security } }\n  }\n": types.AllowedScopesDocument,
    "\n  query Dashboard {\n    dashboard {\n      counts { active expiringSoon unused30Days neverUsed revokedThisWeek rejectedLast24Hours }\n      signInsPerDay { day key count } rejectionsPerDay { day key count } activePerDay { day count }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment AccessReviewFields on AccessReview {\n    id name status startedAt startedBy dueAt completedAt revokeUndecided reviewerIds filter total kept revoked undecided\n    recurEveryDays nextStartsAt previousReviewId nextReviewId\n  }\n": types.AccessReviewFieldsFragmentDoc,
    "\n  fragment AccessReviewItemFields on AccessReviewItem {\n    id reviewId appPasswordId userId userPrincipalName label scopes createdAt lastUsedAt usesLast30Days recommendation\n    decision justification decidedBy decidedAt attestedAt attestationNote\n  }\n": types.AccessReviewItemFieldsFragmentDoc,
    "\n  query AccessReviews($first: Int, $after: String) {\n    accessReviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewFields } } }\n  }\n": types.AccessReviewsDocument,
    "\n  query AccessReview($id: ID!) { accessReview(id: $id) { ...AccessReviewFields } }\n": types.AccessReviewDocument,
    "\n  query AccessReviewItems($id: ID!, $selection: AccessReviewItemSelection, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id\n      items(selection: $selection, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewItemFields } } }\n    }\n  }\n": types.AccessReviewItemsDocument,
    "\n  mutation StartAccessReview($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ...AccessReviewFields } }\n": types.StartAccessReviewDocument,
    "\n  mutation StopAccessReviewRecurrence($reviewId: ID!) { stopAccessReviewRecurrence(reviewId: $reviewId) { ...AccessReviewFields } }\n": types.StopAccessReviewRecurrenceDocument,
    "\n  mutation DecideAccessReviewItem($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n": types.DecideAccessReviewItemDocument,
    "\n  mutation DecideAccessReviewItems($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { ...AccessReviewItemFields } }\n": types.DecideAccessReviewItemsDocument,
    "\n  mutation AttestAccessReviewItem($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n": types.AttestAccessReviewItemDocument,
    "\n  query ReviewerName($id: ID!) { user(id: $id) { id userPrincipalName } }\n": types.ReviewerNameDocument,
    "\n  fragment ReportScheduleFields on ReportSchedule {\n    id report params format cadence recipients ownerId firstRunAt isActive cancelledAt nextRunAt\n  }\n": types.ReportScheduleFieldsFragmentDoc,
    "\n  query ReportSchedules($first: Int, $after: String) {\n    reportSchedules(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ReportScheduleFields } } }\n  }\n": types.ReportSchedulesDocument,
    "\n  mutation ScheduleReport($input: ScheduleReportInput!) { scheduleReport(input: $input) { ...ReportScheduleFields } }\n": types.ScheduleReportDocument,
    "\n  mutation CancelReportSchedule($id: ID!) { cancelReportSchedule(id: $id) { ...ReportScheduleFields } }\n": types.CancelReportScheduleDocument,
    "\n  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor actorName streamId data } }\n    }\n  }\n": types.AuditDocument,
    "\n  fragment ApiTokenRow on ApiToken { id name role userId status createdAt expiresAt lastUsedAt }\n": types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokens($first: Int, $after: String) {\n    apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ApiTokenRow } } }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ...ApiTokenRow } } }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenRow } }\n": types.RevokeApiTokenDocument,
    "\n  fragment TenantPolicyFields on TenantPolicy {\n    maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed\n    consoleMfaRoles mfaGraceDays\n  }\n": types.TenantPolicyFieldsFragmentDoc,
    "\n  query Policy { tenantPolicy { ...TenantPolicyFields } }\n": types.PolicyDocument,
    "\n  query PolicyChanges { auditEvents(filter: { types: [\"TenantPolicyChanged\"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }\n": types.PolicyChangesDocument,
    "\n  mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ...TenantPolicyFields } }\n": types.ChangePolicyDocument,
    "\n  fragment MailServersFields on MailServers {\n    isTenantSpecific imap { host port security } pop { host port security } submission { host port security }\n  }\n": types.MailServersFieldsFragmentDoc,
    "\n  query MailServers { mailServers { ...MailServersFields } }\n": types.MailServersDocument,
    "\n  mutation ChangeMailServers($input: MailServersInput!) { changeMailServers(input: $input) { ...MailServersFields } }\n": types.ChangeMailServersDocument,
    "\n  fragment SecondFactorsFields on SecondFactors { totp recoveryCodesLeft passkeys { id name } mfaSources status deadline }\n": types.SecondFactorsFieldsFragmentDoc,
    "\n  query MySecondFactors { me { id secondFactors { ...SecondFactorsFields } } }\n": types.MySecondFactorsDocument,
    "\n  query SecondFactorsOfUser($id: ID!) { user(id: $id) { id secondFactors { ...SecondFactorsFields } } }\n": types.SecondFactorsOfUserDocument,
    "\n  query MyNoticePreferences { me { id expiryReminders } }\n": types.MyNoticePreferencesDocument,
    "\n  mutation ChangeNoticePreferences($expiryReminders: Boolean!) { changeNoticePreferences(expiryReminders: $expiryReminders) { id expiryReminders } }\n": types.ChangeNoticePreferencesDocument,
    "\n  mutation BeginTotpEnrollment { beginTotpEnrollment { secret otpauthUri qrCodeSvg recoveryCodes } }\n": types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) { confirmTotpEnrollment(code: $code) { id mfaRegistered } }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation BeginPasskeyRegistration { beginPasskeyRegistration }\n": types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id mfaRegistered } }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation ResetSecondFactors($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id mfaRegistered } }\n": types.ResetSecondFactorsDocument,
    "\n  fragment UserRow on User { id userPrincipalName displayName roles mfaRegistered isEnabled }\n": types.UserRowFragmentDoc,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...UserRow } } }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) { user(id: $id) { ...UserRow } }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }\n": types.CreateUserDocument,
    "\n  mutation EnableUser($id: ID!) { enableUser(id: $id) { id isEnabled } }\n": types.EnableUserDocument,
    "\n  mutation DisableUser($id: ID!) { disableUser(id: $id) { id isEnabled } }\n": types.DisableUserDocument,
    "\n  mutation ResetPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }\n": types.ResetPasswordDocument,
    "\n  fragment AlertFields on Alert {\n    id kind severity firstSeenAt lastSeenAt count appPassword { id label status } user { id userPrincipalName } userPrincipalName\n    sourceIp sourceNetwork accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AlertFields } } }\n  }\n": types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }\n": types.AcknowledgeAlertDocument,
    "\n  fragment CaseCredential on AppPassword { id label status lastUsedAt user { userPrincipalName } }\n": types.CaseCredentialFragmentDoc,
    "\n  fragment CaseFields on RevocationCase {\n    id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected\n    finishedAt cancelledBy reinstatement { status reinstated } sample { ...CaseCredential }\n  }\n": types.CaseFieldsFragmentDoc,
    "\n  mutation RevokeAppPasswords($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ...CaseFields } }\n": types.RevokeAppPasswordsDocument,
    "\n  mutation SuspendAppPasswords($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ...CaseFields } }\n": types.SuspendAppPasswordsDocument,
    "\n  query RevocationCase($id: ID!) { revocationCase(id: $id) { ...CaseFields } }\n": types.RevocationCaseDocument,
    "\n  query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {\n    revocationCase(id: $id) {\n      outcomes(outcome: $outcome, first: $first, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail recordedAt appPassword { ...CaseCredential } } }\n      }\n    }\n  }\n": types.CaseOutcomesDocument,
    "\n  query RevocationCases($first: Int, $after: String) {\n    revocationCases(first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed finishedAt reinstatement { status reinstated } } }\n    }\n  }\n": types.RevocationCasesDocument,
    "\n  mutation CancelRevocationCase($id: ID!) { cancelRevocationCase(id: $id) { ...CaseFields } }\n": types.CancelRevocationCaseDocument,
    "\n  mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ...CaseFields } }\n": types.ReinstateAppPasswordsDocument,
    "\n  query ActorName($id: ID!) { user(id: $id) { userPrincipalName } }\n": types.ActorNameDocument,
    "\n  mutation ScanForLeakedAppPasswords($text: String!) {\n    scanForLeakedAppPasswords(text: $text) {\n      id scannedAt candidates provenActiveIds matches { proven appPassword { id label status lastUsedAt user { id userPrincipalName } } }\n    }\n  }\n": types.ScanForLeakedAppPasswordsDocument,
    "\n  query DeadLetters { deadLetters { id subscriber eventId type streamId occurredAt attempts lastError parkedAt } }\n": types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: ID!) { retryDeadLetter(id: $id) { isResolved deadLetter { id attempts lastError } } }\n": types.RetryDeadLetterDocument,
    "\n  query Me { me { id userPrincipalName displayName roles permissions { permission scope } secondFactors { status deadline } sessionSignInMethod } }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppPasswordRow on AppPassword {\n    id label status scopes createdAt createdBy expiresAt lastUsedAt lastUsedIp lastUsedProtocol lastUsedClient useCount revokedAt revokedBy revokeReason\n    user { id userPrincipalName }\n  }\n"): typeof import('./graphql').AppPasswordRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignInPage on SignInAttemptConnection {\n    totalCount pageInfo { hasNextPage endCursor } edges { node { occurredAt outcome reason protocol sourceIp client appPasswordId } }\n  }\n"): typeof import('./graphql').SignInPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppPasswords($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n"): typeof import('./graphql').AppPasswordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppPasswordsAsOf($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {\n    appPasswordsAsOf(at: $at, filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AppPasswordRow } }\n    }\n  }\n"): typeof import('./graphql').AppPasswordsAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppPassword($id: ID!, $days: Int!) {\n    appPassword(id: $id) {\n      ...AppPasswordRow\n      usage(days: $days) { addresses { sourceIp firstSeen lastSeen uses rejections } perDay { day uses rejections } }\n    }\n  }\n"): typeof import('./graphql').AppPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lifecycle($streamId: String!) {\n    auditEvents(filter: { streamId: $streamId }, first: 200) { edges { node { id type occurredAt actorName data } } }\n  }\n"): typeof import('./graphql').LifecycleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialSignIns($id: ID!, $first: Int, $after: String) {\n    appPassword(id: $id) { signIns(first: $first, after: $after) { ...SignInPage } }\n  }\n"): typeof import('./graphql').CredentialSignInsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSignIns($id: ID!, $outcome: SignInOutcome, $first: Int, $after: String) {\n    user(id: $id) { signIns(outcome: $outcome, first: $first, after: $after) { ...SignInPage } }\n  }\n"): typeof import('./graphql').UserSignInsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Generate($input: GenerateAppPasswordInput!) {\n    generateAppPassword(input: $input) { secret appleProfileUrl appPassword { id label user { userPrincipalName } } }\n  }\n"): typeof import('./graphql').GenerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revoke($input: RevokeAppPasswordInput!) {\n    revokeAppPassword(input: $input) { id status }\n  }\n"): typeof import('./graphql').RevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAll($input: RevokeUserAppPasswordsInput!) {\n    revokeUserAppPasswords(input: $input) { id }\n  }\n"): typeof import('./graphql').RevokeAllDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersForPicker($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) { edges { node { id userPrincipalName } } }\n  }\n"): typeof import('./graphql').UsersForPickerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllowedScopes {\n    tenantPolicy { allowedScopes maxLifetimeDays }\n    mailServers { imap { host port security } pop { host port security } submission { host port security } }\n  }\n"): typeof import('./graphql').AllowedScopesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      counts { active expiringSoon unused30Days neverUsed revokedThisWeek rejectedLast24Hours }\n      signInsPerDay { day key count } rejectionsPerDay { day key count } activePerDay { day count }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccessReviewFields on AccessReview {\n    id name status startedAt startedBy dueAt completedAt revokeUndecided reviewerIds filter total kept revoked undecided\n    recurEveryDays nextStartsAt previousReviewId nextReviewId\n  }\n"): typeof import('./graphql').AccessReviewFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccessReviewItemFields on AccessReviewItem {\n    id reviewId appPasswordId userId userPrincipalName label scopes createdAt lastUsedAt usesLast30Days recommendation\n    decision justification decidedBy decidedAt attestedAt attestationNote\n  }\n"): typeof import('./graphql').AccessReviewItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReviews($first: Int, $after: String) {\n    accessReviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewFields } } }\n  }\n"): typeof import('./graphql').AccessReviewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReview($id: ID!) { accessReview(id: $id) { ...AccessReviewFields } }\n"): typeof import('./graphql').AccessReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReviewItems($id: ID!, $selection: AccessReviewItemSelection, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id\n      items(selection: $selection, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewItemFields } } }\n    }\n  }\n"): typeof import('./graphql').AccessReviewItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccessReview($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ...AccessReviewFields } }\n"): typeof import('./graphql').StartAccessReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopAccessReviewRecurrence($reviewId: ID!) { stopAccessReviewRecurrence(reviewId: $reviewId) { ...AccessReviewFields } }\n"): typeof import('./graphql').StopAccessReviewRecurrenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAccessReviewItem($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n"): typeof import('./graphql').DecideAccessReviewItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAccessReviewItems($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { ...AccessReviewItemFields } }\n"): typeof import('./graphql').DecideAccessReviewItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttestAccessReviewItem($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { ...AccessReviewItemFields } }\n"): typeof import('./graphql').AttestAccessReviewItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewerName($id: ID!) { user(id: $id) { id userPrincipalName } }\n"): typeof import('./graphql').ReviewerNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportScheduleFields on ReportSchedule {\n    id report params format cadence recipients ownerId firstRunAt isActive cancelledAt nextRunAt\n  }\n"): typeof import('./graphql').ReportScheduleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportSchedules($first: Int, $after: String) {\n    reportSchedules(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ReportScheduleFields } } }\n  }\n"): typeof import('./graphql').ReportSchedulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleReport($input: ScheduleReportInput!) { scheduleReport(input: $input) { ...ReportScheduleFields } }\n"): typeof import('./graphql').ScheduleReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReportSchedule($id: ID!) { cancelReportSchedule(id: $id) { ...ReportScheduleFields } }\n"): typeof import('./graphql').CancelReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { id type occurredAt actor actorName streamId data } }\n    }\n  }\n"): typeof import('./graphql').AuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenRow on ApiToken { id name role userId status createdAt expiresAt lastUsedAt }\n"): typeof import('./graphql').ApiTokenRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($first: Int, $after: String) {\n    apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ApiTokenRow } } }\n  }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ...ApiTokenRow } } }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ...ApiTokenRow } }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantPolicyFields on TenantPolicy {\n    maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed\n    consoleMfaRoles mfaGraceDays\n  }\n"): typeof import('./graphql').TenantPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policy { tenantPolicy { ...TenantPolicyFields } }\n"): typeof import('./graphql').PolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyChanges { auditEvents(filter: { types: [\"TenantPolicyChanged\"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }\n"): typeof import('./graphql').PolicyChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ...TenantPolicyFields } }\n"): typeof import('./graphql').ChangePolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailServersFields on MailServers {\n    isTenantSpecific imap { host port security } pop { host port security } submission { host port security }\n  }\n"): typeof import('./graphql').MailServersFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailServers { mailServers { ...MailServersFields } }\n"): typeof import('./graphql').MailServersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMailServers($input: MailServersInput!) { changeMailServers(input: $input) { ...MailServersFields } }\n"): typeof import('./graphql').ChangeMailServersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecondFactorsFields on SecondFactors { totp recoveryCodesLeft passkeys { id name } mfaSources status deadline }\n"): typeof import('./graphql').SecondFactorsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySecondFactors { me { id secondFactors { ...SecondFactorsFields } } }\n"): typeof import('./graphql').MySecondFactorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecondFactorsOfUser($id: ID!) { user(id: $id) { id secondFactors { ...SecondFactorsFields } } }\n"): typeof import('./graphql').SecondFactorsOfUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNoticePreferences { me { id expiryReminders } }\n"): typeof import('./graphql').MyNoticePreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeNoticePreferences($expiryReminders: Boolean!) { changeNoticePreferences(expiryReminders: $expiryReminders) { id expiryReminders } }\n"): typeof import('./graphql').ChangeNoticePreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrollment { beginTotpEnrollment { secret otpauthUri qrCodeSvg recoveryCodes } }\n"): typeof import('./graphql').BeginTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) { confirmTotpEnrollment(code: $code) { id mfaRegistered } }\n"): typeof import('./graphql').ConfirmTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginPasskeyRegistration { beginPasskeyRegistration }\n"): typeof import('./graphql').BeginPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id mfaRegistered } }\n"): typeof import('./graphql').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSecondFactors($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id mfaRegistered } }\n"): typeof import('./graphql').ResetSecondFactorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User { id userPrincipalName displayName roles mfaRegistered isEnabled }\n"): typeof import('./graphql').UserRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...UserRow } } }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) { user(id: $id) { ...UserRow } }\n"): typeof import('./graphql').UserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) { enableUser(id: $id) { id isEnabled } }\n"): typeof import('./graphql').EnableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) { disableUser(id: $id) { id isEnabled } }\n"): typeof import('./graphql').DisableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id kind severity firstSeenAt lastSeenAt count appPassword { id label status } user { id userPrincipalName } userPrincipalName\n    sourceIp sourceNetwork accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy\n  }\n"): typeof import('./graphql').AlertFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String) {\n    alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AlertFields } } }\n  }\n"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }\n"): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseCredential on AppPassword { id label status lastUsedAt user { userPrincipalName } }\n"): typeof import('./graphql').CaseCredentialFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseFields on RevocationCase {\n    id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected\n    finishedAt cancelledBy reinstatement { status reinstated } sample { ...CaseCredential }\n  }\n"): typeof import('./graphql').CaseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAppPasswords($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ...CaseFields } }\n"): typeof import('./graphql').RevokeAppPasswordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendAppPasswords($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ...CaseFields } }\n"): typeof import('./graphql').SuspendAppPasswordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevocationCase($id: ID!) { revocationCase(id: $id) { ...CaseFields } }\n"): typeof import('./graphql').RevocationCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {\n    revocationCase(id: $id) {\n      outcomes(outcome: $outcome, first: $first, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail recordedAt appPassword { ...CaseCredential } } }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseOutcomesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevocationCases($first: Int, $after: String) {\n    revocationCases(first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed finishedAt reinstatement { status reinstated } } }\n    }\n  }\n"): typeof import('./graphql').RevocationCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRevocationCase($id: ID!) { cancelRevocationCase(id: $id) { ...CaseFields } }\n"): typeof import('./graphql').CancelRevocationCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ...CaseFields } }\n"): typeof import('./graphql').ReinstateAppPasswordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActorName($id: ID!) { user(id: $id) { userPrincipalName } }\n"): typeof import('./graphql').ActorNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScanForLeakedAppPasswords($text: String!) {\n    scanForLeakedAppPasswords(text: $text) {\n      id scannedAt candidates provenActiveIds matches { proven appPassword { id label status lastUsedAt user { id userPrincipalName } } }\n    }\n  }\n"): typeof import('./graphql').ScanForLeakedAppPasswordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetters { deadLetters { id subscriber eventId type streamId occurredAt attempts lastError parkedAt } }\n"): typeof import('./graphql').DeadLettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDeadLetter($id: ID!) { retryDeadLetter(id: $id) { isResolved deadLetter { id attempts lastError } } }\n"): typeof import('./graphql').RetryDeadLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id userPrincipalName displayName roles permissions { permission scope } secondFactors { status deadline } sessionSignInMethod } }\n"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
