import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** One number that matters, linking to the list it counts. */
@Component({
  selector: 'kw-stat-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'stat-card' },
  template: `
    <a [routerLink]="link()" [queryParams]="query()">
      <span class="stat-value">{{ value() }}</span>
      <span class="stat-label">{{ label() }}</span>
    </a>
  `,
})
export class StatCard {
  readonly label = input.required<string>();
  readonly value = input.required<number>();
  readonly link = input('/app-passwords');
  readonly query = input<Record<string, string>>({});
}
