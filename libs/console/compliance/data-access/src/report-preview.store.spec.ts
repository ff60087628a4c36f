import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { ReportPreviewStore } from './report-preview.store';
import { ReportsApi, type ReportPreview } from './reports.api';
import { previewOf } from './testing/reports-api.double';

describe('the previews of the reports page', () => {
  it('keeps one preview per report, and drops an answer older than the latest request', async () => {
    const answers: ((preview: ReportPreview) => void)[] = [];
    TestBed.configureTestingModule({ providers: [ReportPreviewStore, { provide: ReportsApi, useValue: { preview: () => new Promise((resolve) => answers.push(resolve)) } }] });
    const store = TestBed.inject(ReportPreviewStore);
    const older = store.preview({ name: 'dormant', days: 45 });
    const newer = store.preview({ name: 'dormant', days: 0 });
    const other = store.preview({ name: 'survived-reset' });
    expect(store.stateOf('dormant')).toEqual({ status: 'loading' });
    answers[1](previewOf(9));
    answers[0](previewOf(2));
    answers[2](previewOf(0));
    await Promise.all([older, newer, other]);
    expect(store.stateOf('dormant')).toEqual({ status: 'shown', preview: previewOf(9) });
    expect(store.stateOf('survived-reset')).toEqual({ status: 'shown', preview: previewOf(0) });
    expect(store.stateOf('inventory')).toEqual({ status: 'idle' });
  });

  it('turns a refusal into a sentence, and forgets a preview that no longer matches its inputs', async () => {
    TestBed.configureTestingModule({
      providers: [ReportPreviewStore, { provide: ReportsApi, useValue: { preview: async () => { throw new ApiError('NOT_FOUND', 'No such access review.'); } } }],
    });
    const store = TestBed.inject(ReportPreviewStore);
    await store.preview({ name: 'access-review', id: 'gone' });
    expect(store.stateOf('access-review')).toEqual({ status: 'failed', message: 'No such access review.' });
    store.clear('access-review');
    expect(store.stateOf('access-review')).toEqual({ status: 'idle' });
  });
});
