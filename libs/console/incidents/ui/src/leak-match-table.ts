import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LeakMatch } from '@keyward/console/incidents/util';

/**
 * The tenant's app passwords a scan found: which (a link to its page), whose, its status, whether
 * the leak is proven (the secret found verifies) and its last use. Never a secret: the scan has none.
 */
@Component({
  selector: 'kw-leak-match-table',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table aria-label="App passwords found">
      <thead>
        <tr><th scope="col">App password</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Proven</th><th scope="col">Last used (UTC)</th></tr>
      </thead>
      <tbody>
        @for (match of rows(); track match.appPassword.id) {
          @let credential = match.appPassword;
          <tr>
            <td><a [routerLink]="['/app-passwords', credential.id]">{{ credential.label }}</a><br /><code class="muted">{{ credential.id }}</code></td>
            <td>
              @if (linksUsers() && credential.user.id) {
                <a [routerLink]="['/users', credential.user.id]">{{ credential.user.userPrincipalName }}</a>
              } @else {
                {{ credential.user.userPrincipalName }}
              }
            </td>
            <td><span class="status status-{{ credential.status }}">{{ credential.status }}</span></td>
            <td>@if (match.proven) { <strong>Yes</strong> } @else { No }</td>
            <td>@if (credential.lastUsedAt) { {{ credential.lastUsedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }} } @else { <span class="muted">never</span> }</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class LeakMatchTable {
  readonly rows = input.required<LeakMatch[]>();
  /** Whether owners link to their user page (the viewer reads users). */
  readonly linksUsers = input(false);
}
