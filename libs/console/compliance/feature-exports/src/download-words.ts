import type { DownloadState } from '@keyward/console/compliance/data-access';
import { sizeInWords } from '@keyward/console/incidents/util';

/** How a finished download is told: saved, cancelled or refused, and in which tone. */
export interface DownloadOutcome {
  tone: 'ok' | 'info' | 'error';
  text: string;
}

/** The sentence for a download that ended; null while none did (idle, or running). */
export function downloadOutcomeOf(state: DownloadState): DownloadOutcome | null {
  switch (state.status) {
    case 'idle':
    case 'running':
      return null;
    case 'saved': {
      const records = state.records === null ? '' : `, ${state.records} records`;
      return { tone: 'ok', text: `Saved ${state.fileName} (${sizeInWords(state.bytes)}${records}). Verify it offline before relying on it: the command is below.` };
    }
    case 'cancelled':
      return { tone: 'info', text: `Download cancelled after ${sizeInWords(state.receivedBytes)}: nothing was saved.` };
    case 'failed':
      return { tone: 'error', text: state.message };
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

/** What a running download says: what, how many records when the server told, and the bytes so far. */
export function progressWordsOf(state: Extract<DownloadState, { status: 'running' }>, kindWords: string): string {
  const records = state.records === null ? '' : ` of ${state.records} records`;
  const total = state.totalBytes === null ? '' : ` of ${sizeInWords(state.totalBytes)}`;
  return `Downloading the ${kindWords} bundle${records}… ${sizeInWords(state.receivedBytes)}${total} received.`;
}
