import { Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, GraphQLClient } from '@keyward/console/shared/data-access';
import type { AppPasswordRow } from '@keyward/console/app-passwords/data-access';
import { BulkRevokeDialog } from './bulk-revoke-dialog';
import { BulkRevokeDialogHarness } from './testing/bulk-revoke-dialog.harness';

const row = (id: string, label: string) => ({ id, label, user: { id: 'u1', userPrincipalName: 'alice@contoso.example' } }) as AppPasswordRow;

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
    // A test double for the API: no server runs in a component test.
    const sent: unknown[] = [];
    const apiDouble = {
      request: jest.fn(async (_query: string, variables: { input: { id: string } }) => {
        sent.push(variables.input);
        if (variables.input.id === 'k2') throw new ApiError('NOT_FOUND', 'No such app password.');
        return { revokeAppPassword: { id: variables.input.id, status: 'REVOKED' } };
      }),
    };
    TestBed.configureTestingModule({ providers: [{ provide: GraphQLClient, useValue: apiDouble }] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    fixture.componentInstance.dialog().open([row('k1', 'Thunderbird'), row('k2', 'Gone'), row('k3', 'Scanner')]);
    const dialog = await TestbedHarnessEnvironment.harnessForFixture(fixture, BulkRevokeDialogHarness);

    expect(await dialog.getTitle()).toBe('Revoke 3 app passwords');
    await dialog.revokeWithReason('Suspected leak');
    await fixture.whenStable();

    expect(sent).toEqual([
      { id: 'k1', reason: 'Suspected leak', incidentRef: null },
      { id: 'k2', reason: 'Suspected leak', incidentRef: null },
      { id: 'k3', reason: 'Suspected leak', incidentRef: null },
    ]);
    expect(await dialog.getProgress()).toBe('3 of 3 done, 1 failed.');
    expect(await dialog.getFailures()).toEqual(['Gone (alice@contoso.example): No such app password.']);
    expect(fixture.componentInstance.finished).toBe(1);
  });
});
