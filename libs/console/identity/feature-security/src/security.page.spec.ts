import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { SecurityApi, type SecondFactorsFields } from '@keyward/console/identity/data-access';
import { SecurityPage } from './security.page';
import { SecurityPageHarness } from './testing/security-page.harness';

const ALWAYS = 'Notices that one of your app passwords was revoked, suspended or found leaked always come: they cannot be turned off.';

/** The security API as far as the page reads it: second factors, and the expiry reminders choice. */
class SecurityApiDouble {
  reminders = true;
  refusal: ApiError | null = null;
  readonly changes: boolean[] = [];

  async mine(): Promise<SecondFactorsFields> {
    return { totp: false, recoveryCodesLeft: 0, passkeys: [], mfaSources: [], status: 'NOT_REQUIRED', deadline: null };
  }

  async expiryReminders(): Promise<boolean> {
    return this.reminders;
  }

  async changeExpiryReminders(isOn: boolean): Promise<boolean> {
    this.changes.push(isOn);
    if (this.refusal) throw this.refusal;
    this.reminders = isOn;
    return isOn;
  }
}

async function showPage(api = new SecurityApiDouble(), own: Permission[] = ['account.secure', 'account.preferences']) {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: SecurityApi, useValue: api }, { provide: SessionStore, useValue: new SessionDouble([], own) }],
  });
  const fixture = TestBed.createComponent(SecurityPage);
  fixture.detectChanges();
  await fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, SecurityPageHarness);
  return { api, page, settle: () => fixture.whenStable() };
}

describe('the mail a user chooses, on the security page', () => {
  it('shows whether expiry reminders are on, and that revocation notices always come', async () => {
    const { page } = await showPage();
    expect(await page.getReminders()).toEqual({ label: 'Mail me 7 days and 1 day before one of my app passwords expires', isChecked: true });
    expect(await page.getMailTexts()).toEqual([ALWAYS]);
  });

  it('turns them off and on again, saying what it did', async () => {
    const { api, page, settle } = await showPage();
    await page.toggleReminders();
    await settle();
    expect(api.changes).toEqual([false]);
    expect(await page.getReminders()).toMatchObject({ isChecked: false });
    expect(await page.getMailTexts()).toEqual([ALWAYS, 'Saved: no more reminders before an app password of yours expires.']);
    await page.toggleReminders();
    await settle();
    expect(api.changes).toEqual([false, true]);
    expect(await page.getMailTexts()).toEqual([ALWAYS, 'Saved: you are mailed before an app password of yours expires.']);
  });

  it('puts the box back and says why when the change is refused', async () => {
    const api = new SecurityApiDouble();
    api.refusal = new ApiError('FORBIDDEN', 'Not allowed.');
    const { page, settle } = await showPage(api);
    await page.toggleReminders();
    await settle();
    expect(await page.getReminders()).toMatchObject({ isChecked: true });
    expect(await page.getMailTexts()).toEqual([ALWAYS, 'Not allowed.']);
  });

  it('has no mail section for whoever may not choose (a user who must enrol a second factor first)', async () => {
    const { page } = await showPage(new SecurityApiDouble(), ['account.secure']);
    expect(await page.hasMailSection()).toBe(false);
  });
});
