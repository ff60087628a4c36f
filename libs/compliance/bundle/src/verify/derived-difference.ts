import type { DerivedFileCheck } from './derived-file-check';
import { fail } from './verify-result';

/** The first record position at which either derived file differs from its rebuild (header differences aside). */
export function firstRecordDifference(derived: readonly DerivedFileCheck[]): number | null {
  const positions = derived.flatMap((file) => {
    const difference = file.firstDifference;
    return difference === null || difference.at === 'header' ? [] : [difference.position];
  });
  return positions.length === 0 ? null : Math.min(...positions);
}

/**
 * Once the records are proven, a derived file that differs from its rebuild was edited on its
 * own: fails on the first such difference, naming the record whose line it is.
 */
export function assertDerivedFilesMatch(derived: readonly DerivedFileCheck[], indexAt: (position: number) => number | null): void {
  for (const file of derived) {
    const difference = file.firstDifference;
    if (difference === null) continue;
    if (difference.at === 'header') fail({ file: file.name, reason: 'has a header row that is not the one the verifier rebuilds' });
    if (difference.at === 'end') fail({ file: file.name, reason: `goes on after the line of the last record (${difference.position} records): it was edited` });
    const index = indexAt(difference.position);
    fail({
      ...(index === null ? {} : { index }),
      file: file.name,
      reason: `its line in ${file.name} is not what the verified record rebuilds: ${file.name} was edited`,
    });
  }
}
