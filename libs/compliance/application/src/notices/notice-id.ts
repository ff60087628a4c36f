import { stableId } from '@keyward/shared/domain';
import type { NoticeKind } from '@keyward/compliance/domain';

/** A notice's id, from its cause, recipient and kind: the same cause queues one notice per recipient. */
export function noticeIdOf(cause: string, userId: string, kind: NoticeKind): string {
  return stableId('keyward-notice', `${cause}\u0000${userId}\u0000${kind}`);
}
