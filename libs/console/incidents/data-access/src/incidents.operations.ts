import { graphql } from '@keyward/console/shared/data-access';

/** The incident-response GraphQL of the console (DESIGN.md section 8, "Incident response"). */

graphql(`
  fragment CaseCredential on AppPassword { id label status lastUsedAt user { userPrincipalName } }
`);

graphql(`
  fragment CaseFields on RevocationCase {
    id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected
    finishedAt cancelledBy reinstatement { status reinstated } sample { ...CaseCredential }
  }
`);

export const REVOKE_APP_PASSWORDS = graphql(`
  mutation RevokeAppPasswords($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ...CaseFields } }
`);
export const SUSPEND_APP_PASSWORDS = graphql(`
  mutation SuspendAppPasswords($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ...CaseFields } }
`);
export const REVOCATION_CASE = graphql(`
  query RevocationCase($id: ID!) { revocationCase(id: $id) { ...CaseFields } }
`);
export const CASE_OUTCOMES = graphql(`
  query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {
    revocationCase(id: $id) {
      outcomes(outcome: $outcome, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail recordedAt appPassword { ...CaseCredential } } }
      }
    }
  }
`);
export const REVOCATION_CASES = graphql(`
  query RevocationCases($first: Int, $after: String) {
    revocationCases(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed finishedAt reinstatement { status reinstated } } }
    }
  }
`);
export const CANCEL_REVOCATION_CASE = graphql(`
  mutation CancelRevocationCase($id: ID!) { cancelRevocationCase(id: $id) { ...CaseFields } }
`);
export const REINSTATE_APP_PASSWORDS = graphql(`
  mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ...CaseFields } }
`);
export const ACTOR_NAME = graphql(`
  query ActorName($id: ID!) { user(id: $id) { userPrincipalName } }
`);

/** The CSV of a case's outcomes (the session cookie goes with a plain link). */
export function outcomesCsvUrl(caseId: string): string {
  return `/exports/revocation-cases/${encodeURIComponent(caseId)}/outcomes.csv`;
}
