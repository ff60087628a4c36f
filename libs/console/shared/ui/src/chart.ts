import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, input, type OnDestroy, viewChild } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what our plots draw is registered, so the bundle carries nothing else of chart.js.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

/** One line or one stack of bars: a value per label. */
export interface ChartSeries {
  name: string;
  values: number[];
}

// Distinguishable, colour-blind-friendly (Okabe–Ito), and dark enough against white.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8a6d00', '#444444', '#8f2d56', '#2e7d32'];

/**
 * A plot drawn with chart.js, with its numbers one click away in a table: the canvas is an
 * image to a screen reader, so the table and the summary carry the same information.
 */
@Component({
  selector: 'kw-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'chart' },
  template: `
    <figure>
      <figcaption>{{ title() }}</figcaption>
      <div class="chart-box"><canvas #canvas role="img" [attr.aria-label]="summary()"></canvas></div>
      <details>
        <summary>Show the numbers</summary>
        <table>
          <caption class="visually-hidden">{{ title() }}</caption>
          <thead><tr><th scope="col">Day</th>@for (s of series(); track s.name) { <th scope="col">{{ s.name }}</th> }</tr></thead>
          <tbody>
            @for (label of labels(); track label; let i = $index) {
              <tr><th scope="row">{{ label }}</th>@for (s of series(); track s.name) { <td>{{ s.values[i] }}</td> }</tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
})
export class ChartView implements OnDestroy {
  readonly title = input.required<string>();
  readonly kind = input<'bar' | 'line'>('bar');
  /** The x axis: one label per value. */
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** Whether bars stack (parts of a whole) rather than stand side by side. */
  readonly isStacked = input(false);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  protected readonly summary = computed(() => {
    const totals = this.series().map((s) => `${s.name} ${s.values.reduce((sum, value) => sum + value, 0)}`);
    return `${this.title()}, ${this.labels().length} days. Totals: ${totals.join(', ') || 'none'}.`;
  });

  constructor() {
    effect(() => this.draw(this.kind(), this.labels(), this.series(), this.isStacked()));
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  private draw(kind: 'bar' | 'line', labels: string[], series: ChartSeries[], isStacked: boolean): void {
    const context = this.canvas().nativeElement.getContext?.('2d');
    if (!context) return;
    this.chart?.destroy();
    this.chart = new Chart(context, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, index) => ({
          label: s.name,
          data: s.values,
          // A line's area is a light tint of its colour; bars are solid.
          backgroundColor: kind === 'line' ? `${PALETTE[index % PALETTE.length]}33` : PALETTE[index % PALETTE.length],
          borderColor: PALETTE[index % PALETTE.length],
          fill: kind === 'line' ? 'origin' : undefined,
          pointRadius: kind === 'line' ? 0 : undefined,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { x: { stacked: isStacked }, y: { stacked: isStacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }
}
