import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { PageState } from './page-state';
import { PageStateHarness } from './testing/page-state.harness';

@Component({
  imports: [PageState],
  template: `<kw-page-state [isLoading]="isLoading()" [error]="error()" [isEmpty]="isEmpty()" emptyText="No app passwords match." (retry)="retries = retries + 1">
    <p>the rows</p></kw-page-state>`,
})
class Host {
  isLoading = signal(true);
  error = signal('');
  isEmpty = signal(true);
  retries = 0;
}

describe('loading, empty and error states', () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const state = await TestbedHarnessEnvironment.harnessForFixture(fixture, PageStateHarness);
    return { host: fixture.componentInstance, state };
  }

  it('shows loading until the first answer, then the empty text or the content', async () => {
    const { host, state } = await setUp();
    expect(await state.getState()).toBe('loading');
    host.isLoading.set(false);
    expect(await state.getState()).toBe('empty');
    expect(await state.getMessage()).toBe('No app passwords match.');
    host.isEmpty.set(false);
    expect(await state.getState()).toBe('content');
  });

  it('shows an error with a way to try again', async () => {
    const { host, state } = await setUp();
    host.error.set('Keyward could not be reached.');
    expect(await state.getState()).toBe('error');
    expect(await state.getMessage()).toContain('could not be reached');
    await state.retry();
    expect(host.retries).toBe(1);
  });
});
