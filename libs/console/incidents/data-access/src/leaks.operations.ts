import { graphql } from '@keyward/console/shared/data-access';

/** The leak-intake calls of the console (DESIGN.md section 8, docs/leak-intake.md). */

export const SCAN_FOR_LEAKED_APP_PASSWORDS = graphql(`
  mutation ScanForLeakedAppPasswords($text: String!) {
    scanForLeakedAppPasswords(text: $text) {
      id scannedAt candidates provenActiveIds matches { proven appPassword { id label status lastUsedAt user { id userPrincipalName } } }
    }
  }
`);

/** Where a file is scanned: its bytes as the body, UTF-8 text, the session cookie; the answer is the same LeakScan as JSON. */
export const LEAK_SCAN_UPLOAD_URL = '/leaks/scan';

/**
 * The largest paste sent as GraphQL, JSON-encoded: the API takes bodies of 64 kB, and the
 * query and its envelope need the rest. A longer paste goes the way a file does.
 */
export const MAX_PASTE_JSON_BYTES = 60_000;
