import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CaseOutcome, OutcomeKind } from '@keyward/console/incidents/util';

/** Words for an outcome, for people. */
export const OUTCOME_WORDS: Record<OutcomeKind, string> = {
  REVOKED: 'Revoked',
  SUSPENDED: 'Suspended',
  ALREADY_REVOKED: 'Already not active',
  FAILED: 'Failed',
};

/** A case's outcomes, one row per credential: which, whose, what happened, why, when. */
@Component({
  selector: 'kw-outcome-table',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table aria-label="Outcomes" [attr.aria-busy]="isLoading()">
      <thead>
        <tr><th scope="col">App password</th><th scope="col">User</th><th scope="col">Outcome</th><th scope="col">Detail</th><th scope="col">When (UTC)</th></tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.appPasswordId) {
          <tr>
            <td>
              @if (row.appPassword; as credential) { <a [routerLink]="['/app-passwords', row.appPasswordId]">{{ credential.label }}</a><br /> }
              <code class="muted">{{ row.appPasswordId }}</code>
            </td>
            <td>{{ row.appPassword?.user?.userPrincipalName ?? '' }}</td>
            <td><span class="status status-{{ row.outcome }}">{{ words[row.outcome] }}</span></td>
            <td>{{ row.detail ?? '' }}</td>
            <td>{{ row.recordedAt | date: 'yyyy-MM-dd HH:mm:ss' : 'UTC' }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class OutcomeTable {
  readonly rows = input.required<CaseOutcome[]>();
  readonly isLoading = input(false);
  protected readonly words = OUTCOME_WORDS;
}
