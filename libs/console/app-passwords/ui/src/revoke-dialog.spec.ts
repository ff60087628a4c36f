import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { RevocationReason, RevocationState } from '@keyward/console/app-passwords/util';
import { RevokeDialog } from './revoke-dialog';
import { RevokeDialogHarness } from './testing/revoke-dialog.harness';

const closed: RevocationState = { target: null, isBusy: false, error: '' };
const alice = { id: 'u1', userPrincipalName: 'alice@contoso.example' };

@Component({ imports: [RevokeDialog], template: `<kw-revoke-dialog [state]="state()" (revoke)="reasons.push($event)" (closed)="closings = closings + 1" />` })
class Host {
  readonly state = signal<RevocationState>(closed);
  readonly reasons: RevocationReason[] = [];
  closings = 0;
}

async function setUp() {
  const fixture = TestBed.createComponent(Host);
  const dialog = await TestbedHarnessEnvironment.harnessForFixture(fixture, RevokeDialogHarness);
  return { host: fixture.componentInstance, dialog, fixture };
}

describe('the revoke dialog', () => {
  it('opens while there is a target, names it, and hands the reason to the page', async () => {
    const { host, dialog } = await setUp();
    expect(await dialog.isOpen()).toBe(false);
    host.state.set({ ...closed, target: { kind: 'appPassword', appPassword: { id: 'k1', label: 'Thunderbird', user: alice } } });
    expect(await dialog.isOpen()).toBe(true);
    expect(await dialog.getTitle()).toBe('Revoke “Thunderbird”');
    await dialog.revokeWithReason('Laptop lost', 'INC-7');
    expect(host.reasons).toEqual([{ reason: 'Laptop lost', incidentRef: 'INC-7' }]);
  });

  it('asks about all of a user\'s app passwords, shows a failure, and closes when the target is gone', async () => {
    const { host, dialog } = await setUp();
    const target = { kind: 'user' as const, user: alice };
    host.state.set({ target, isBusy: false, error: 'You may not revoke these.' });
    expect(await dialog.getTitle()).toBe('Revoke all app passwords of alice@contoso.example');
    expect(await dialog.getConfirmText()).toBe('Revoke all');
    expect(await dialog.getError()).toBe('You may not revoke these.');
    host.state.set(closed);
    expect(await dialog.isOpen()).toBe(false);
    expect(host.closings).toBe(0);
  });

  it('tells the page when the user cancels', async () => {
    const { host, dialog } = await setUp();
    host.state.set({ ...closed, target: { kind: 'user', user: alice } });
    await dialog.cancel();
    expect(await dialog.isOpen()).toBe(false);
    expect(host.closings).toBe(1);
  });
});
