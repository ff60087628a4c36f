import { DatePipe, LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ALERT_KIND_WORDS,
  ALERT_SEVERITY_WORDS,
  alertDetail,
  isAboutAddress,
  respondPrefillOf,
  respondQueryParams,
  type AlertRow,
} from '@keyward/console/incidents/util';

/**
 * Alerts, one row each: what was seen in plain words, how severe, whom and which app password it
 * is about, from where, when, how often, and whether someone has seen to it. With the matching
 * permission a row offers "Acknowledge" and "Revoke as a case…" (the respond page, filled in).
 */
@Component({
  selector: 'kw-alert-table',
  imports: [DatePipe, LowerCasePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The space that starts each second line keeps the cell's text two words, not one, when read or copied.
  template: `
    <table aria-label="Alerts" [attr.aria-busy]="isLoading()">
      <thead>
        <tr>
          <th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">User</th><th scope="col">App password</th><th scope="col">Source address</th>
          <th scope="col">First and last seen (UTC)</th><th scope="col" class="number">Count</th><th scope="col">Acknowledged</th>
          @if (hasActions()) { <th scope="col">Actions</th> }
        </tr>
      </thead>
      <tbody>
        @for (alert of rows(); track alert.id) {
          <tr class="alert-row">
            <td><strong [id]="'alert-' + alert.id">{{ kindWords[alert.kind] }}</strong><br /><span class="muted"> {{ detail(alert) }}</span></td>
            <td><span class="status severity-{{ alert.severity }}">{{ severityWords[alert.severity] }}</span></td>
            <td>
              @if (alert.user?.userPrincipalName ?? alert.userPrincipalName; as name) {
                {{ name }}@if (!alert.user) {<br /><span class="muted"> (no such user)</span>}
              } @else if (alert.accounts) { {{ alert.accounts }} accounts } @else if (isAboutAddress(alert)) { <span class="muted">several accounts</span> }
            </td>
            <td>
              @if (alert.appPassword; as credential) {
                <a [routerLink]="['/app-passwords', credential.id]">{{ credential.label }}</a><br /><span class="muted"> now {{ credential.status | lowercase }}</span>
              }
            </td>
            <td>
              @if (alert.sourceIp) { <code>{{ alert.sourceIp }}</code> }
              @if (alert.sourceNetwork && alert.sourceNetwork !== alert.sourceIp) {<br /><span class="muted"> in {{ alert.sourceNetwork }}</span>}
            </td>
            <td>
              <time [attr.datetime]="alert.firstSeenAt">{{ alert.firstSeenAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</time><br />
              <span class="muted"> to <time [attr.datetime]="alert.lastSeenAt">{{ alert.lastSeenAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</time></span>
            </td>
            <td class="number">{{ alert.count }}</td>
            <td>
              @if (alert.acknowledged) {
                Yes<br /><span class="muted"> by {{ nameOf(alert.acknowledgedBy) }}, {{ alert.acknowledgedAt | date: 'yyyy-MM-dd HH:mm' : 'UTC' }}</span>
              } @else { No }
            </td>
            @if (hasActions()) {
              <td class="row-actions">
                @if (canAcknowledge() && !alert.acknowledged) {
                  <button type="button" class="small" [disabled]="acknowledging().has(alert.id)" [attr.aria-describedby]="'alert-' + alert.id" (click)="acknowledge.emit(alert.id)">
                    Acknowledge
                  </button>
                }
                @if (canRespond() && responses().get(alert.id); as params) {
                  <a routerLink="/incidents" [queryParams]="params" [attr.aria-describedby]="'alert-' + alert.id">Revoke as a case…</a>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AlertTable {
  readonly rows = input.required<AlertRow[]>();
  readonly isLoading = input(false);
  /** Whether the viewer may acknowledge (alerts.acknowledge). */
  readonly canAcknowledge = input(false);
  /** Whether the viewer may revoke or suspend by query (incidents.respond). */
  readonly canRespond = input(false);
  /** The alerts being acknowledged now, by id. */
  readonly acknowledging = input<ReadonlySet<string>>(new Set());
  /** `user:<id>` → a name, for who acknowledged. */
  readonly names = input<ReadonlyMap<string, string>>(new Map());
  /** Emits the id of the alert to acknowledge. */
  readonly acknowledge = output<string>();

  protected readonly kindWords = ALERT_KIND_WORDS;
  protected readonly severityWords = ALERT_SEVERITY_WORDS;
  protected readonly detail = alertDetail;
  protected readonly isAboutAddress = isAboutAddress;
  protected readonly hasActions = computed(() => this.canAcknowledge() || this.canRespond());
  /** Each alert's respond page query, where there is something to aim at. */
  protected readonly responses = computed(() => {
    const responses = new Map<string, Record<string, string>>();
    for (const alert of this.rows()) {
      const prefill = respondPrefillOf(alert);
      if (prefill) responses.set(alert.id, respondQueryParams(prefill));
    }
    return responses;
  });

  protected nameOf(actor: string | null): string {
    return actor ? (this.names().get(actor) ?? actor) : '';
  }
}
