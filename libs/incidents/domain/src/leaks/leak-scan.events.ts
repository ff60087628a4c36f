import type { DomainEvent } from '@keyward/shared/domain';

export const leakScanStreamId = (scanId: string) => `leakScan-${scanId}`;

/** How the text came in: pasted into the console (GraphQL) or uploaded as a file (POST /leaks/scan). */
export type LeakScanSource = 'PASTE' | 'UPLOAD';

/**
 * A responder scanned text for leaked app passwords. What was found, never what was scanned: no
 * secret, no hash of one, no text; the credentials are named by id.
 */
export type LeakScanPerformed = DomainEvent<
  'LeakScanPerformed',
  {
    scanId: string;
    tenantId: string;
    /** `user:<id>`. */
    scannedBy: string;
    scannedAt: string;
    source: LeakScanSource;
    /** Strings in the app-password format with a valid checksum (other tenants' included). */
    candidates: number;
    /** The tenant's credentials among them. */
    matchedIds: string[];
    /** Those whose secret verified: proven leaks. */
    provenIds: string[];
  }
>;

export type LeakScanEvent = LeakScanPerformed;
