import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet, type IsActiveMatchOptions } from '@angular/router';
import { SessionStore, type Permission } from '@keyward/console/shared/data-access';

/** What a child route of the section puts in its `data` to be listed in the section's navigation. */
export interface SectionLink {
  title: string;
  /** The permission (over the tenant) the page needs; the link shows only to whoever holds it. */
  permission: Permission;
}

/**
 * The Incidents section: its own navigation and the page. The links come from the section's child
 * routes (`data: { sectionLink }` in app.routes.ts), so a page added there (leak intake, alerts)
 * is listed without touching this component.
 */
@Component({
  selector: 'kw-incidents-section',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="section-nav" aria-label="Incidents">
      @for (link of links(); track link.path) {
        <a [routerLink]="link.path" routerLinkActive="active" [routerLinkActiveOptions]="link.path === '/incidents' ? onlyThisPage : underThisPage" ariaCurrentWhenActive="page">{{ link.title }}</a>
      }
    </nav>
    <router-outlet />
  `,
})
export class IncidentsSection {
  private readonly session = inject(SessionStore);
  // The section's own page is active only at /incidents itself, but whatever its query (a link may fill its form in).
  protected readonly onlyThisPage: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };
  protected readonly underThisPage: IsActiveMatchOptions = { paths: 'subset', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };
  private readonly route = inject(ActivatedRoute);
  protected readonly links = computed(() =>
    (this.route.routeConfig?.children ?? [])
      .map((child) => ({ path: `/incidents${child.path ? '/' + child.path : ''}`, link: child.data?.['sectionLink'] as SectionLink | undefined }))
      .filter((entry): entry is { path: string; link: SectionLink } => !!entry.link && this.session.can(entry.link.permission))
      .map(({ path, link }) => ({ path, title: link.title })),
  );
}
