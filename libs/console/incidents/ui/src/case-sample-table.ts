import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CaseCredential } from '@keyward/console/incidents/util';

/** A few of the app passwords a query matched: label, owner, status, last use. */
@Component({
  selector: 'kw-case-sample-table',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table [attr.aria-label]="caption()">
      <thead><tr><th scope="col">App password</th><th scope="col">User</th><th scope="col">Status</th><th scope="col">Last used (UTC)</th></tr></thead>
      <tbody>
        @for (credential of rows(); track credential.id) {
          <tr>
            <td><a [routerLink]="['/app-passwords', credential.id]">{{ credential.label }}</a><br /><code class="muted">{{ credential.id }}</code></td>
            <td>{{ credential.user.userPrincipalName }}</td>
            <td><span class="status status-{{ credential.status }}">{{ credential.status }}</span></td>
            <td>@if (credential.lastUsedAt) { {{ credential.lastUsedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }} } @else { <span class="muted">never</span> }</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class CaseSampleTable {
  readonly rows = input.required<CaseCredential[]>();
  readonly caption = input('Sample of the matched app passwords');
}
