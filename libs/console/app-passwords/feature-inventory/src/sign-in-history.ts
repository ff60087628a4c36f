import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CursorPager } from '@keyward/console/shared/data-access';
import { PageState, Pager, PlainReasonPipe } from '@keyward/console/shared/ui';
import type { SignInAttempt } from '@keyward/console/app-passwords/data-access';

/**
 * A paged history of sign-in attempts: when, outcome (a rejection's reason in plain words),
 * protocol, address, client, and optionally which app password it was.
 */
@Component({
  selector: 'kw-sign-in-history',
  imports: [DatePipe, RouterLink, PageState, Pager, PlainReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kw-page-state [isLoading]="attempts().isLoading()" [error]="attempts().error()" [isEmpty]="attempts().isEmpty()" [emptyText]="emptyText()" (retry)="attempts().reload()">
      <table [attr.aria-label]="caption()">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th><th scope="col">Outcome</th>
            @if (showsAppPassword()) { <th scope="col">App password</th> }
            <th scope="col">Protocol</th><th scope="col">Address</th><th scope="col">Client</th>
          </tr>
        </thead>
        <tbody>
          @for (attempt of attempts().rows(); track $index) {
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
    </kw-page-state>
    <kw-pager [totalCount]="attempts().totalCount()" [pageNumber]="attempts().pageNumber()" [hasNextPage]="attempts().hasNextPage()"
      [isLoading]="attempts().isLoading()" noun="attempts" (previous)="attempts().previous()" (next)="attempts().next()" />
  `,
})
export class SignInHistory {
  readonly attempts = input.required<CursorPager<SignInAttempt>>();
  readonly caption = input('Sign-in attempts');
  readonly emptyText = input('No sign-in attempts.');
  /** Whether each attempt names its app password (a user's history spans several). */
  readonly showsAppPassword = input(false);
}
