import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, convertToParamMap, Router } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { AlertListStore } from '@keyward/console/incidents/data-access';
import { AlertTable } from '@keyward/console/incidents/ui';
import { addressProblem, ALERT_KIND_CAUSES, ALERT_KIND_WORDS, ALERT_KINDS, ALERT_SEVERITIES, ALERT_SEVERITY_WORDS } from '@keyward/console/incidents/util';
import { alertFilterFromUrl, alertFilterParams } from './alerts-url';

/** What the empty list says: there are none, and what would raise one. */
export const NO_ALERTS = `No alerts. The detectors raise one for ${Object.values(ALERT_KIND_CAUSES).join('; for ')}.`;

/**
 * The tenant's alerts, the most recently seen first: filtered by kind, severity, acknowledgement,
 * source address and day, the filter kept in the URL; cursor pages. Whoever holds
 * alerts.acknowledge acknowledges; whoever holds incidents.respond opens the respond page filled
 * in from an alert ("Revoke as a case…"). Auditors read.
 */
@Component({
  selector: 'kw-alerts-page',
  imports: [FormsModule, PageState, Pager, AlertTable],
  providers: [AlertListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alerts.page.html',
})
export class AlertsPage implements OnInit {
  protected readonly store = inject(AlertListStore);
  private readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly kinds = ALERT_KINDS;
  protected readonly kindWords = ALERT_KIND_WORDS;
  protected readonly severities = ALERT_SEVERITIES;
  protected readonly severityWords = ALERT_SEVERITY_WORDS;
  protected readonly noAlerts = NO_ALERTS;
  protected readonly canAcknowledge = computed(() => this.session.can('alerts.acknowledge'));
  protected readonly canRespond = computed(() => this.session.can('incidents.respond'));
  /** The filter being edited, as the URL's parameters; applied to the URL (and so to the list) on submit. */
  protected draft: Record<string, string> = {};

  ngOnInit(): void {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const filter = alertFilterFromUrl(params);
      // A select shows its "Any" option only for '', not for a missing value.
      this.draft = { kind: '', severity: '', acknowledged: '', sourceIp: '', since: '', ...alertFilterParams(filter) };
      void this.store.show(filter);
    });
  }

  /** Why the typed address is not one, or ''. */
  protected addressHint(): string {
    return addressProblem(this.draft['sourceIp'] ?? '');
  }

  protected applyFilter(): void {
    if (this.addressHint()) return;
    this.navigate(alertFilterParams(alertFilterFromUrl(convertToParamMap(this.draft))));
  }

  protected resetFilter(): void {
    this.navigate({});
  }

  private navigate(queryParams: Record<string, string>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams });
  }
}
