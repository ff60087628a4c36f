import { ComponentHarness } from '@angular/cdk/testing';
import { fillField } from '@keyward/console/shared/ui/testing';
import { AppPasswordTableHarness } from '@keyward/console/app-passwords/ui/testing';

/** Drives the inventory's filter form and toolbar as a user would; the table through its own harness. */
export class InventoryPageHarness extends ComponentHarness {
  static hostSelector = 'kw-inventory-page';
  private readonly applyButton = this.locatorFor('form[role="search"] button[type="submit"]');
  private readonly resetButton = this.locatorFor('form[role="search"] .filter-actions button[type="button"]');
  private readonly asOfHint = this.locatorFor('#as-of-hint');
  private readonly count = this.locatorFor('.toolbar:not(.end) [role="status"]');
  private readonly toolbarButtons = this.locatorForAll('.toolbar:not(.end) button');
  private readonly toolbarLinks = this.locatorForAll('.toolbar:not(.end) a[download]');
  readonly table = this.locatorForOptional(AppPasswordTableHarness);

  /** Sets a filter field (`asOf`, `protocol`, `user`, …) as a user would. */
  async fill(name: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, name, value);
  }

  async getValue(name: string): Promise<string> {
    return (await this.locatorFor(`[name="${name}"]`)()).getProperty<string>('value');
  }

  /** The names of the filter fields that are disabled. */
  async getDisabledFields(): Promise<string[]> {
    const fields = await this.locatorForAll('form[role="search"] input, form[role="search"] select')();
    const disabled: string[] = [];
    for (const field of fields) if (await field.getProperty<boolean>('disabled')) disabled.push((await field.getAttribute('name')) ?? '');
    return disabled;
  }

  async applyFilters(): Promise<void> {
    await (await this.applyButton()).click();
  }

  async resetFilters(): Promise<void> {
    await (await this.resetButton()).click();
  }

  async getAsOfHint(): Promise<string> {
    return (await this.asOfHint()).text();
  }

  async getCount(): Promise<string> {
    return (await this.count()).text();
  }

  /** The toolbar's buttons and download links, by their text. */
  async getActions(): Promise<string[]> {
    const [buttons, links] = await Promise.all([this.toolbarButtons(), this.toolbarLinks()]);
    return Promise.all([...links, ...buttons].map(async (element) => (await element.text()).replace(/\s+/g, ' ').trim()));
  }

  async getDownloadUrl(): Promise<string | null> {
    return (await (await this.toolbarLinks())[0]?.getAttribute('href')) ?? null;
  }
}
