/** The reports at `GET /reports/<name>` (DESIGN §8), in the order the Reports page lists them. */
export const REPORT_NAMES = ['inventory', 'dormant', 'survived-reset', 'credential-changes', 'policy-exceptions', 'sign-ins-by-protocol', 'access-review'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export type ReportFormat = 'csv' | 'pdf';

/** The dormant report's default: CIS Control 5.3's 45 days. */
export const DEFAULT_DORMANT_DAYS = 45;

/** One report with its parameters; a null parameter is left to the server's default. */
export type ReportRequest =
  | { name: 'inventory'; asOf: string | null }
  | { name: 'dormant'; days: number | null }
  | { name: 'survived-reset' }
  | { name: 'credential-changes'; from: string | null; to: string | null }
  | { name: 'policy-exceptions' }
  | { name: 'sign-ins-by-protocol'; from: string | null; to: string | null }
  | { name: 'access-review'; id: string };

/** `GET /reports/<name>?format=…` with the request's parameters, only those given. */
export function reportUrl(request: ReportRequest, format: ReportFormat): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(reportParams(request))) params.set(key, String(value));
  return `/reports/${request.name}?${params}`;
}

/** The request's parameters by the names `GET /reports/<name>` and `scheduleReport` take, only those given: `{ days: 45 }`. */
export function reportParams(request: ReportRequest): Record<string, string | number> {
  const given: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(parametersOf(request))) if (value !== null) given[key] = value;
  return given;
}

function parametersOf(request: ReportRequest): Record<string, string | number | null> {
  switch (request.name) {
    case 'inventory':
      return { asOf: request.asOf };
    case 'dormant':
      return { days: request.days };
    case 'credential-changes':
    case 'sign-ins-by-protocol':
      return { from: request.from, to: request.to };
    case 'access-review':
      return { id: request.id };
    case 'survived-reset':
    case 'policy-exceptions':
      return {};
    default: {
      const _exhaustive: never = request;
      return _exhaustive;
    }
  }
}
