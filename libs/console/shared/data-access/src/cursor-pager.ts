import { computed, signal } from '@angular/core';
import { messageOf } from './graphql-client';

/** One page of a GraphQL connection, as the API returns it. */
export interface ConnectionPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** The page of a connection whose parent was not found (or not the caller's to see). */
export function emptyPage<T>(): ConnectionPage<T> {
  return { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
}

/**
 * Pages through a cursor connection: the rows of the current page, the cursors of the pages
 * before it (for "Previous"), loading and error state. `fetchPage` asks the server for the page
 * after a cursor; a response that arrives after a newer request is dropped.
 */
export class CursorPager<T> {
  private readonly cursors = signal<(string | null)[]>([null]);
  private endCursor: string | null = null;
  private requestNumber = 0;

  readonly rows = signal<T[]>([]);
  readonly totalCount = signal(0);
  readonly hasNextPage = signal(false);
  readonly isLoading = signal(false);
  readonly error = signal('');
  /** Whether the last answer has been received and held no row. */
  readonly isEmpty = computed(() => this.rows().length === 0);
  readonly pageNumber = computed(() => this.cursors().length);

  constructor(private readonly fetchPage: (after: string | null) => Promise<ConnectionPage<T>>) {}

  /** Loads the current page again (after a change, or a retry). */
  async reload(): Promise<void> {
    const request = ++this.requestNumber;
    this.isLoading.set(true);
    this.error.set('');
    try {
      const page = await this.fetchPage(this.cursors().at(-1) ?? null);
      if (request !== this.requestNumber) return;
      this.rows.set(page.edges.map((edge) => edge.node));
      this.totalCount.set(page.totalCount);
      this.hasNextPage.set(page.pageInfo.hasNextPage);
      this.endCursor = page.pageInfo.endCursor;
    } catch (error) {
      if (request === this.requestNumber) this.error.set(messageOf(error));
    } finally {
      if (request === this.requestNumber) this.isLoading.set(false);
    }
  }

  /** Back to the first page, for a new filter or sort. */
  first(): Promise<void> {
    this.cursors.set([null]);
    return this.reload();
  }

  next(): Promise<void> {
    this.cursors.update((cursors) => [...cursors, this.endCursor]);
    return this.reload();
  }

  previous(): Promise<void> {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
    return this.reload();
  }
}
