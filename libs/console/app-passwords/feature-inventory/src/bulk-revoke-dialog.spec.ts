import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { BulkRevocationStore, CASE_POLL_MS, IncidentsApi, RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { caseOf, IncidentsApiDouble } from '@keyward/console/incidents/data-access/testing';
import { BulkRevokeDialog } from '@keyward/console/incidents/ui';
import { BulkRevokeDialogHarness } from '@keyward/console/incidents/ui/testing';

/** The inventory's wiring of the bulk revoke dialog, without the rest of the page. */
@Component({
  imports: [BulkRevokeDialog],
  providers: [BulkRevocationStore, RevocationCaseStore],
  template: `<kw-bulk-revoke-dialog [state]="bulk.state()" (revoke)="bulk.revoke($event)" (closed)="bulk.close()" (finished)="finished = finished + 1" />`,
})
class Host {
  readonly bulk = inject(BulkRevocationStore);
  finished = 0;
}

async function openWith(api: IncidentsApiDouble, ids: string[]) {
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: IncidentsApi, useValue: api }, { provide: CASE_POLL_MS, useValue: 1 }] });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  fixture.componentInstance.bulk.open({ ids, origin: 'selected', reason: '' });
  const dialog = await TestbedHarnessEnvironment.harnessForFixture(fixture, BulkRevokeDialogHarness);
  return { fixture, dialog };
}

/** Waits until the condition holds, letting the dialog's polling and rendering run. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

describe('revoking the selected app passwords as one case', () => {
  it('sends one case by ids, expecting the selection’s size, then follows it to the end and links to it', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf({ revoked: 1 }), caseOf({ revoked: 2 }), caseOf({ status: 'COMPLETED', revoked: 2, alreadyRevoked: 1, finishedAt: '2026-12-01T10:00:03.000Z' })];
    const { fixture, dialog } = await openWith(api, ['k1', 'k2', 'k3']);

    expect(await dialog.getTitle()).toBe('Revoke 3 app passwords');
    await dialog.revokeWith('Suspected leak', 'INC-7');
    await until(async () => (await dialog.getProgress()).startsWith('3 of 3'));

    expect(api.sent).toEqual([{ call: 'start', request: { action: 'REVOKE', filter: { ids: ['k1', 'k2', 'k3'] }, reason: 'Suspected leak', incidentRef: 'INC-7' }, expectedMatched: 3 }]);
    expect(await dialog.getProgress()).toBe('3 of 3 done: 2 revoked, 1 already revoked, 0 failed.');
    expect(await dialog.getCaseLink()).toBe('/incidents/cases/case-1');
    expect(fixture.componentInstance.finished).toBe(1);
  });

  it('needs a reason and an incident reference', async () => {
    const { dialog } = await openWith(new IncidentsApiDouble(), ['k1']);
    expect(await dialog.isConfirmDisabled()).toBe(true);
  });

  it('says how many of the selection are still active when the server counts otherwise, and revokes nothing', async () => {
    const api = new IncidentsApiDouble();
    api.matched = 2;
    const { fixture, dialog } = await openWith(api, ['k1', 'k2', 'k3']);
    await dialog.revokeWith('Suspected leak', 'INC-7');
    await fixture.whenStable();

    expect(await dialog.getErrors()).toEqual(['Only 2 of the 3 selected app passwords are still active. Close, and select again from the reloaded list.']);
    expect(await dialog.getCaseLink()).toBeNull();
    expect(api.reads).toBe(0);
    expect(fixture.componentInstance.finished).toBe(0);
  });
});
