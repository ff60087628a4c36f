/** The alerts GraphQL of the console (DESIGN.md section 8, "Incident response": `alerts`, `acknowledgeAlert`). */

const ALERT_FIELDS = `id kind severity firstSeenAt lastSeenAt count appPassword { id label status } user { id userPrincipalName } userPrincipalName
  sourceIp sourceNetwork accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy`;

export const ALERTS = `query Alerts($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ALERT_FIELDS} } } }
}`;
export const ACKNOWLEDGE_ALERT = `mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }`;
