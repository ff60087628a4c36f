import { CursorPager, emptyPage, type ConnectionPage } from './cursor-pager';

const page = (rows: string[], endCursor: string | null, hasNextPage = endCursor !== null): ConnectionPage<string> => ({
  totalCount: 5,
  pageInfo: { hasNextPage, endCursor },
  edges: rows.map((node) => ({ node })),
});

describe('paging through a cursor connection', () => {
  it('asks for the page after the last cursor, and goes back with the cursors it kept', async () => {
    const asked: (string | null)[] = [];
    const pages: Record<string, ConnectionPage<string>> = { start: page(['a', 'b'], 'c2'), c2: page(['c', 'd'], 'c4'), c4: page(['e'], null) };
    const pager = new CursorPager<string>(async (after) => {
      asked.push(after);
      return pages[after ?? 'start'];
    });
    await pager.first();
    await pager.next();
    await pager.next();
    expect(pager.rows()).toEqual(['e']);
    expect(pager.hasNextPage()).toBe(false);
    expect(pager.pageNumber()).toBe(3);
    await pager.previous();
    expect(pager.rows()).toEqual(['c', 'd']);
    expect(asked).toEqual([null, 'c2', 'c4', 'c2']);
  });

  it('drops an answer that arrives after a newer request, and reports failures as messages', async () => {
    const answers: ((value: ConnectionPage<string>) => void)[] = [];
    const pager = new CursorPager<string>(() => new Promise((resolve) => answers.push(resolve)));
    const older = pager.reload();
    const newer = pager.first();
    answers[1](page(['new'], null));
    answers[0](page(['old'], null));
    await Promise.all([older, newer]);
    expect(pager.rows()).toEqual(['new']);

    const failing = new CursorPager<string>(async () => {
      throw new Error('Keyward could not be reached.');
    });
    await failing.first();
    expect(failing.error()).toBe('Keyward could not be reached.');
    expect(failing.isLoading()).toBe(false);
  });

  it('shows a parent that was not found as an empty list, not an error', async () => {
    const pager = new CursorPager<string>(async () => emptyPage());
    await pager.first();
    expect(pager.isEmpty()).toBe(true);
    expect(pager.error()).toBe('');
    expect(pager.hasNextPage()).toBe(false);
  });
});
