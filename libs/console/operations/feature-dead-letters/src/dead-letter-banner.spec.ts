import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, DeadLettersApi, SessionStore, type DeadLetter, type DeadLetterRetry, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { DeadLetterBanner } from './dead-letter-banner';
import { DeadLetterBannerHarness } from './testing/dead-letter-banner.harness';

const letter = (id: string, type: string, subscriber: string): DeadLetter => ({
  id,
  subscriber,
  eventId: `event-${id}`,
  type,
  streamId: `appPassword-${id}`,
  occurredAt: '2026-12-01T10:00:00.000Z',
  attempts: 5,
  lastError: 'SQLITE_BUSY: database is locked',
  parkedAt: '2026-12-01T10:05:00.000Z',
});

/**
 * A test double for the dead-letter API: no server runs in a component test. Retrying the
 * AppPasswordRevoked letter works; retrying the other fails again; 'gone' was retried elsewhere.
 */
class DeadLettersApiDouble {
  letters = [letter('1', 'AppPasswordRevoked', 'app-password-list'), letter('2', 'UserDisabled', 'revoke-on-disable')];
  listCalls = 0;
  readonly retried: string[] = [];

  async list(): Promise<DeadLetter[]> {
    this.listCalls++;
    return this.letters.map((each) => ({ ...each }));
  }

  async retry(id: string): Promise<DeadLetterRetry> {
    this.retried.push(id);
    if (id === 'gone') throw new ApiError('NOT_FOUND', 'No such dead letter.');
    if (id === '1') {
      this.letters = this.letters.filter((each) => each.id !== id);
      return { isResolved: true, deadLetter: null };
    }
    this.letters = this.letters.map((each) => (each.id === id ? { ...each, attempts: each.attempts + 1, lastError: 'Still locked' } : each));
    return { isResolved: false, deadLetter: { id, attempts: 6, lastError: 'Still locked' } };
  }
}

@Component({ imports: [DeadLetterBanner], template: `<kw-dead-letter-banner />` })
class Host {}

async function showBanner(granted: Permission[], api = new DeadLettersApiDouble()) {
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: '**', children: [] }]), { provide: DeadLettersApi, useValue: api }, { provide: SessionStore, useValue: new SessionDouble(granted) }],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  await fixture.whenStable();
  const banner = await TestbedHarnessEnvironment.harnessForFixture(fixture, DeadLetterBannerHarness);
  return { api, banner, fixture };
}

describe('the dead-letter banner', () => {
  it('says how many events failed on this node and lists each one', async () => {
    const { banner } = await showBanner(['operations.read', 'operations.retry']);
    expect(await banner.getSummary()).toMatch(/^2 events failed to process on this node\./);
    const events = await banner.getEvents();
    expect(await events[0].getFacts()).toEqual({ type: 'AppPasswordRevoked', subscriber: 'app-password-list', attempts: '5', lastError: 'SQLITE_BUSY: database is locked' });
    expect(await events[1].getFacts()).toEqual({ type: 'UserDisabled', subscriber: 'revoke-on-disable', attempts: '5', lastError: 'SQLITE_BUSY: database is locked' });
  });

  it('drops an event whose retry succeeds, and shows the new error of one that fails again', async () => {
    const { api, banner, fixture } = await showBanner(['operations.read', 'operations.retry']);
    await (await banner.getEvents())[0].retry();
    await fixture.whenStable();
    expect(api.retried).toEqual(['1']);
    expect(await banner.getSummary()).toMatch(/^1 event failed to process on this node\./);

    const [left] = await banner.getEvents();
    await left.retry();
    await fixture.whenStable();
    expect(await left.getFacts()).toEqual({ type: 'UserDisabled', subscriber: 'revoke-on-disable', attempts: '6', lastError: 'Still locked' });
    expect(await left.getRetryError()).toBe('The retry failed too: Still locked');
  });

  it('shows a retry the server refuses as that row\'s error', async () => {
    const api = new DeadLettersApiDouble();
    api.letters = [letter('gone', 'AppPasswordGenerated', 'app-password-list')];
    const { banner, fixture } = await showBanner(['operations.read', 'operations.retry'], api);
    const [gone] = await banner.getEvents();
    await gone.retry();
    await fixture.whenStable();
    expect(await gone.getRetryError()).toBe('No such dead letter.');
  });

  it('asks again on every navigation, and shows nothing once there are none', async () => {
    const { api, banner, fixture } = await showBanner(['operations.read']);
    expect(api.listCalls).toBe(1);
    expect(await (await banner.getEvents())[0].hasRetry()).toBe(false);
    api.letters = [];
    await TestBed.inject(Router).navigateByUrl('/users');
    await fixture.whenStable();
    expect(api.listCalls).toBe(2);
    expect(await banner.getSummary()).toBeNull();
  });

  it('shows nothing, and asks nothing, without operations.read', async () => {
    const { api, banner } = await showBanner(['dashboard.read', 'auditTrail.read']);
    expect(await banner.getSummary()).toBeNull();
    expect(api.listCalls).toBe(0);
  });
});
