import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';

/**
 * What a signed-in user sees at a page their permissions do not open, at its own URL: what the
 * page is (route data `what`), who may open it (`who`), and the way home. The server refuses the
 * page's data anyway; this only says so plainly instead of an empty page.
 */
@Component({
  selector: 'kw-not-allowed-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">Not allowed</h1>
      <p role="alert">You are not allowed to open {{ what() }}.</p>
      @if (who()) { <p class="muted">{{ who() }}</p> }
      <p><a routerLink="/">Go to your start page</a></p>
    </section>
  `,
})
export class NotAllowedPage {
  private readonly data = toSignal(inject(ActivatedRoute).data, { initialValue: {} as Record<string, unknown> });
  protected readonly what = computed(() => String(this.data()['what'] ?? 'this page'));
  protected readonly who = computed(() => String(this.data()['who'] ?? ''));
}
