/** The incident-response GraphQL of the console (DESIGN.md section 8, "Incident response"). */

const CREDENTIAL = 'id label status lastUsedAt user { userPrincipalName }';
export const CASE_FIELDS = `id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected
  finishedAt cancelledBy reinstatement { status reinstated } sample { ${CREDENTIAL} }`;

export const REVOKE_APP_PASSWORDS = `mutation RevokeAppPasswords($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ${CASE_FIELDS} } }`;
export const SUSPEND_APP_PASSWORDS = `mutation SuspendAppPasswords($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ${CASE_FIELDS} } }`;
export const REVOCATION_CASE = `query RevocationCase($id: ID!) { revocationCase(id: $id) { ${CASE_FIELDS} } }`;
export const CASE_OUTCOMES = `query CaseOutcomes($id: ID!, $outcome: RevocationOutcomeKind, $first: Int, $after: String) {
  revocationCase(id: $id) {
    outcomes(outcome: $outcome, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail recordedAt appPassword { ${CREDENTIAL} } } }
    }
  }
}`;
export const REVOCATION_CASES = `query RevocationCases($first: Int, $after: String) {
  revocationCases(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed finishedAt reinstatement { status reinstated } } }
  }
}`;
export const CANCEL_REVOCATION_CASE = `mutation CancelRevocationCase($id: ID!) { cancelRevocationCase(id: $id) { ${CASE_FIELDS} } }`;
export const REINSTATE_APP_PASSWORDS = `mutation ReinstateAppPasswords($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ${CASE_FIELDS} } }`;

/** The CSV of a case's outcomes (the session cookie goes with a plain link). */
export function outcomesCsvUrl(caseId: string): string {
  return `/exports/revocation-cases/${encodeURIComponent(caseId)}/outcomes.csv`;
}
