import { Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError } from '@keyward/console/shared/data-access';
import { AppPasswordsApi } from '@keyward/console/app-passwords/data-access';
import type { AppPasswordRow, RevocationReason } from '@keyward/console/app-passwords/util';
import { BulkRevokeDialog } from './bulk-revoke-dialog';
import { BulkRevokeDialogHarness } from './testing/bulk-revoke-dialog.harness';

const row = (id: string, label: string) => ({ id, label, user: { id: 'u1', userPrincipalName: 'alice@contoso.example' } }) as AppPasswordRow;

/** A test double for the app-password API: no server runs in a component test. k2 is already gone. */
class RevokingApiDouble {
  readonly sent: ({ id: string } & RevocationReason)[] = [];
  async revoke(id: string, reason: RevocationReason): Promise<void> {
    this.sent.push({ id, ...reason });
    if (id === 'k2') throw new ApiError('NOT_FOUND', 'No such app password.');
  }
}

@Component({ imports: [BulkRevokeDialog], template: `<kw-bulk-revoke-dialog (finished)="finished = finished + 1" />` })
class Host {
  readonly dialog = viewChild.required(BulkRevokeDialog);
  finished = 0;
}

describe('revoking several app passwords at once', () => {
  beforeAll(() => {
    // jsdom has no <dialog> behaviour; opening only has to make the form reachable.
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      this.open = false;
    };
  });

  it('revokes each one with the same reason, goes on after a failure, and reports both', async () => {
    const api = new RevokingApiDouble();
    TestBed.configureTestingModule({ providers: [{ provide: AppPasswordsApi, useValue: api }] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    fixture.componentInstance.dialog().open([row('k1', 'Thunderbird'), row('k2', 'Gone'), row('k3', 'Scanner')]);
    const dialog = await TestbedHarnessEnvironment.harnessForFixture(fixture, BulkRevokeDialogHarness);

    expect(await dialog.getTitle()).toBe('Revoke 3 app passwords');
    await dialog.revokeWithReason('Suspected leak');
    await fixture.whenStable();

    expect(api.sent).toEqual([
      { id: 'k1', reason: 'Suspected leak', incidentRef: null },
      { id: 'k2', reason: 'Suspected leak', incidentRef: null },
      { id: 'k3', reason: 'Suspected leak', incidentRef: null },
    ]);
    expect(await dialog.getProgress()).toBe('3 of 3 done, 1 failed.');
    expect(await dialog.getFailures()).toEqual(['Gone (alice@contoso.example): No such app password.']);
    expect(fixture.componentInstance.finished).toBe(1);
  });
});
