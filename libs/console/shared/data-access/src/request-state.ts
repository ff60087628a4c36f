import { signal } from '@angular/core';
import { messageOf } from './graphql-client';

/** Whether a page's request is on its way, and the message of its last failure. */
export class RequestState {
  readonly isLoading = signal(false);
  readonly error = signal('');

  constructor(isLoading = false) {
    this.isLoading.set(isLoading);
  }

  /** Runs the request; a failure becomes the error message instead of an exception. */
  async run(request: () => Promise<void>): Promise<void> {
    this.isLoading.set(true);
    this.error.set('');
    try {
      await request();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isLoading.set(false);
    }
  }
}
