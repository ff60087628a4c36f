import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import { SessionStore } from '@keyward/console/shared/data-access';
import { DeadLetterStore } from './dead-letter.store';

/** How often the banner asks for dead letters while a page stays open. */
export const DEAD_LETTER_POLL_MS = 30_000;

/**
 * On every page, for whoever holds operations.read: how many events this node's background
 * subscribers gave up on, each with its subscriber, attempts, last error and time, and a Retry
 * for whoever holds operations.retry. Nothing when there are none.
 */
@Component({
  selector: 'kw-dead-letter-banner',
  imports: [DatePipe],
  providers: [DeadLetterStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 0) {
      <section class="dead-letters" aria-labelledby="dead-letters-summary">
        <p id="dead-letters-summary" role="alert">
          <strong>{{ count() === 1 ? '1 event' : count() + ' events' }} failed to process on this node.</strong>
          Keyward's background work (read models, automatic revocations) gave up on {{ count() === 1 ? 'it' : 'them' }} after repeated failures;
          what {{ count() === 1 ? 'it changes is' : 'they change is' }} missing until retried.
        </p>
        <details>
          <summary>Show the failed events</summary>
          <table aria-label="Events that failed to process">
            <thead>
              <tr>
                <th scope="col">Event</th><th scope="col">Subscriber</th><th scope="col">Attempts</th><th scope="col">Last error</th>
                <th scope="col">When (UTC)</th><th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (letter of store.letters(); track letter.id) {
                <tr>
                  <td><span>{{ letter.type }}</span><br /><code class="muted">{{ letter.streamId }}</code></td>
                  <td>{{ letter.subscriber }}</td>
                  <td class="number">{{ letter.attempts }}</td>
                  <td>
                    <code>{{ letter.lastError }}</code>
                    @if (store.retryErrorOf(letter.id); as retryError) { <p class="error" role="alert">{{ retryError }}</p> }
                  </td>
                  <td>{{ letter.occurredAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}<br /><span class="muted">given up {{ letter.parkedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</span></td>
                  <td>
                    @if (canRetry()) {
                      <button type="button" class="small" [disabled]="store.isRetrying(letter.id)" (click)="store.retry(letter.id)"
                        [attr.aria-label]="'Retry ' + letter.type + ' in ' + letter.subscriber">{{ store.isRetrying(letter.id) ? 'Retrying…' : 'Retry' }}</button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </details>
      </section>
    }
  `,
})
export class DeadLetterBanner implements OnInit {
  protected readonly store = inject(DeadLetterStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly count = computed(() => (this.session.can('operations.read') ? this.store.letters().length : 0));
  protected readonly canRetry = computed(() => this.session.can('operations.retry'));

  ngOnInit(): void {
    this.destroyRef.onDestroy(this.store.poll(DEAD_LETTER_POLL_MS));
    // Each new page asks at once, so a banner never waits half a minute after a click.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => void this.store.refresh());
  }
}
