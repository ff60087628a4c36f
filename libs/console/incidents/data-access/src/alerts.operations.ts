import { graphql } from '@keyward/console/shared/data-access';

/** The alerts GraphQL of the console (DESIGN.md section 8, "Incident response": `alerts`, `acknowledgeAlert`). */

graphql(`
  fragment AlertFields on Alert {
    id kind severity firstSeenAt lastSeenAt count appPassword { id label status } user { id userPrincipalName } userPrincipalName
    sourceIp sourceNetwork accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy
  }
`);

export const ALERTS = graphql(`
  query Alerts($filter: AlertFilter, $first: Int, $after: String) {
    alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AlertFields } } }
  }
`);
export const ACKNOWLEDGE_ALERT = graphql(`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }
`);
