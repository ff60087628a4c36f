import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { SCOPES } from '@keyward/console/app-passwords/util';
import { CaseSampleTable } from '@keyward/console/incidents/ui';
import { addressProblem, doneWordOf, respondPrefillFrom, verbOf } from '@keyward/console/incidents/util';
import { isUnrestricted } from './case-query';
import { RespondStore } from './respond.store';

/**
 * Revoke or suspend by query: the inventory's filters plus address or block, time window,
 * survived password reset and users; a preview (what matches, what breaks, whom it touches, a
 * sample); a confirmation by typing the count; then the case's own page, which follows it.
 * A link may fill the form in (`?usedFromAddress=…&usedAfter=…&ids=…&reason=…`, see RespondPrefill).
 */
@Component({
  selector: 'kw-respond-page',
  imports: [FormsModule, CaseSampleTable],
  providers: [RespondStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './respond.page.html',
})
export class RespondPage implements OnInit {
  protected readonly store = inject(RespondStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly scopes = SCOPES;
  protected readonly verb = computed(() => verbOf(this.store.action()));
  protected readonly capitalVerb = computed(() => this.verb()[0].toUpperCase() + this.verb().slice(1));
  protected readonly doneWord = computed(() => doneWordOf(this.store.action()));

  ngOnInit(): void {
    this.store.prefill(respondPrefillFrom(this.route.snapshot.queryParamMap));
  }

  /** Why the typed address is not one, or ''; read on every change of the form. */
  protected addressHint(): string {
    return addressProblem(this.store.draft.usedFromAddress ?? '');
  }

  protected isUnrestricted(): boolean {
    return isUnrestricted(this.store.draft) && this.store.ids().length === 0;
  }

  protected async confirm(): Promise<void> {
    const started = await this.store.confirm();
    if (started) await this.router.navigate(['/incidents/cases', started.id]);
  }
}
