import { inject, Injectable, signal } from '@angular/core';
import { reportErrorMessage } from './report-errors';
import type { ReportName, ReportRequest } from './report-request';
import { ReportsApi, type ReportPreview } from './reports.api';

/** Where one report's preview stands. */
export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'shown'; preview: ReportPreview }
  | { status: 'failed'; message: string };

const IDLE: PreviewState = { status: 'idle' };

/**
 * The previews of the Reports page, one per report: each report's CSV read and its first rows
 * kept, or the refusal in a sentence. An answer that arrives after a newer preview of the same
 * report is dropped.
 */
@Injectable()
export class ReportPreviewStore {
  private readonly api = inject(ReportsApi);
  private readonly states = signal<ReadonlyMap<ReportName, PreviewState>>(new Map());
  private readonly requestNumbers = new Map<ReportName, number>();

  stateOf(name: ReportName): PreviewState {
    return this.states().get(name) ?? IDLE;
  }

  async preview(request: ReportRequest): Promise<void> {
    const number = (this.requestNumbers.get(request.name) ?? 0) + 1;
    this.requestNumbers.set(request.name, number);
    this.set(request.name, { status: 'loading' });
    let state: PreviewState;
    try {
      state = { status: 'shown', preview: await this.api.preview(request) };
    } catch (error) {
      state = { status: 'failed', message: reportErrorMessage(error) };
    }
    if (this.requestNumbers.get(request.name) === number) this.set(request.name, state);
  }

  /** Forgets a report's preview (its parameters changed). */
  clear(name: ReportName): void {
    this.requestNumbers.set(name, (this.requestNumbers.get(name) ?? 0) + 1);
    this.set(name, IDLE);
  }

  private set(name: ReportName, state: PreviewState): void {
    this.states.update((states) => new Map(states).set(name, state));
  }
}
