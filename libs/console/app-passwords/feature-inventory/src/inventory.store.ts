import { computed, inject, Injectable, signal } from '@angular/core';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';
import { APP_PASSWORDS, type AppPasswordPage, type AppPasswordRow, type AppPasswordStatus } from './app-password.operations';

export interface InventoryFilter {
  search: string;
  status: AppPasswordStatus | '';
}

const PAGE_SIZE = 25;

/** The inventory's state: filter, current page, and the cursors of the pages before it. */
@Injectable()
export class InventoryStore {
  private readonly graphql = inject(GraphQLClient);
  private readonly cursors = signal<(string | null)[]>([null]);

  readonly filter = signal<InventoryFilter>({ search: '', status: '' });
  readonly rows = signal<AppPasswordRow[]>([]);
  readonly totalCount = signal(0);
  readonly hasNextPage = signal(false);
  readonly isLoading = signal(false);
  readonly error = signal('');
  readonly pageNumber = computed(() => this.cursors().length);
  private endCursor: string | null = null;

  async load(): Promise<void> {
    this.isLoading.set(true);
    this.error.set('');
    const { search, status } = this.filter();
    try {
      const data = await this.graphql.request<AppPasswordPage>(APP_PASSWORDS, {
        filter: { search: search || null, status: status || null },
        first: PAGE_SIZE,
        after: this.cursors().at(-1),
      });
      this.rows.set(data.appPasswords.edges.map((edge) => edge.node));
      this.totalCount.set(data.appPasswords.totalCount);
      this.hasNextPage.set(data.appPasswords.pageInfo.hasNextPage);
      this.endCursor = data.appPasswords.pageInfo.endCursor;
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isLoading.set(false);
    }
  }

  applyFilter(filter: InventoryFilter): Promise<void> {
    this.filter.set(filter);
    this.cursors.set([null]);
    return this.load();
  }

  nextPage(): Promise<void> {
    this.cursors.update((cursors) => [...cursors, this.endCursor]);
    return this.load();
  }

  previousPage(): Promise<void> {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
    return this.load();
  }
}
