/** What a bundle holds (DESIGN §8): a range of the audit log, one user's usage history, or the inventory. */
export type ExportKind = 'audit-log' | 'usage' | 'inventory';

export const EXPORT_KINDS: readonly ExportKind[] = ['audit-log', 'usage', 'inventory'];

/** Each kind in words, as the page and its messages name it. */
export const EXPORT_KIND_WORDS: Record<ExportKind, string> = {
  'audit-log': 'audit log',
  usage: 'usage history',
  inventory: 'inventory',
};

/**
 * One bundle to export. `sinceSize` is the size of a checkpoint the auditor already holds: the
 * bundle then also carries a consistency proof from it.
 */
export type ExportRequest =
  | { kind: 'audit-log'; from: number; to: number | null; sinceSize: number | null }
  | { kind: 'usage'; user: string; since: string | null; until: string | null; sinceSize: number | null }
  | { kind: 'inventory'; sinceSize: number | null };

/** `GET /exports/bundle` with the request's parameters, only those given. */
export function bundleUrl(request: ExportRequest): string {
  const params = new URLSearchParams({ kind: request.kind });
  switch (request.kind) {
    case 'audit-log':
      params.set('from', String(request.from));
      if (request.to !== null) params.set('to', String(request.to));
      break;
    case 'usage':
      params.set('user', request.user);
      if (request.since) params.set('since', request.since);
      if (request.until) params.set('until', request.until);
      break;
    case 'inventory':
      break;
    default: {
      const _exhaustive: never = request;
      return _exhaustive;
    }
  }
  if (request.sinceSize !== null) params.set('sinceSize', String(request.sinceSize));
  return `/exports/bundle?${params}`;
}

/** The file name when the server names none (no Content-Disposition): `keyward-audit-log-0-120.zip`, say. */
export function fallbackFileName(request: ExportRequest): string {
  switch (request.kind) {
    case 'audit-log':
      return `keyward-audit-log-${request.from}-${request.to ?? 'latest'}.zip`;
    case 'usage':
      return `keyward-usage-${request.user.replace(/[^\w.@-]/g, '_')}.zip`;
    case 'inventory':
      return 'keyward-inventory.zip';
    default: {
      const _exhaustive: never = request;
      return _exhaustive;
    }
  }
}

/**
 * The file name a Content-Disposition header gives (`filename*=UTF-8''…` before `filename="…"`),
 * without any folder part; null when it gives none.
 */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(contentDisposition);
  let name: string | undefined;
  try {
    name = extended ? decodeURIComponent(extended[1].trim()) : (plain?.[1] ?? plain?.[2]);
  } catch {
    name = plain?.[1] ?? plain?.[2];
  }
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base ? base : null;
}
