import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PlainReasonPipe } from '@keyward/console/shared/ui';
import type { SignInAttempt } from '@keyward/console/app-passwords/util';

/**
 * Sign-in attempts as a table: when, outcome (a rejection's reason in plain words), protocol,
 * address, client, and optionally which app password it was. The page pages and shows the states.
 */
@Component({
  selector: 'kw-sign-in-table',
  imports: [DatePipe, RouterLink, PlainReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table [attr.aria-label]="caption()">
      <thead>
        <tr>
          <th scope="col">When (UTC)</th><th scope="col">Outcome</th>
          @if (showsAppPassword()) { <th scope="col">App password</th> }
          <th scope="col">Protocol</th><th scope="col">Address</th><th scope="col">Client</th>
        </tr>
      </thead>
      <tbody>
        @for (attempt of attempts(); track $index) {
          <tr>
            <td>{{ attempt.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' : 'UTC' }}</td>
            <td>
              @if (attempt.outcome === 'USED') { <span class="status status-ACTIVE">Signed in</span> }
              @else { <span class="status status-REVOKED">{{ attempt.reason }}</span><br /><span class="muted">{{ attempt.reason | plainReason }}</span> }
            </td>
            @if (showsAppPassword()) {
              <td>@if (attempt.appPasswordId) { <a [routerLink]="['/app-passwords', attempt.appPasswordId]"><code>{{ attempt.appPasswordId }}</code></a> } @else { <span class="muted">none matched</span> }</td>
            }
            <td>{{ attempt.protocol }}</td>
            <td><code>{{ attempt.sourceIp }}</code></td>
            <td>{{ attempt.client }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class SignInTable {
  readonly attempts = input.required<SignInAttempt[]>();
  readonly caption = input('Sign-in attempts');
  /** Whether each attempt names its app password (a user's history spans several). */
  readonly showsAppPassword = input(false);
}
