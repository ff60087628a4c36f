import { ComponentHarness } from '@angular/cdk/testing';

/** Drives the app-password table by what a user sees: column titles, labels, checkboxes, buttons. */
export class AppPasswordTableHarness extends ComponentHarness {
  static hostSelector = 'kw-app-password-table';
  private readonly labelLinks = this.locatorForAll('tbody a[href^="/app-passwords/"]');
  private readonly rowCheckboxes = this.locatorForAll('tbody input[type="checkbox"]');
  private readonly sortButtons = this.locatorForAll('th button.sort');
  private readonly headers = this.locatorForAll('thead th');
  private readonly selectAll = this.locatorForOptional('thead input[type="checkbox"]');

  /** The labels of the rows, top to bottom. */
  async getLabels(): Promise<string[]> {
    return Promise.all((await this.labelLinks()).map((link) => link.text()));
  }

  async sortBy(title: string): Promise<void> {
    for (const button of await this.sortButtons()) {
      if ((await button.text()).replace(/[▲▼]/g, '').trim() === title) return button.click();
    }
    throw new Error(`No sortable column ${title}`);
  }

  /** The aria-sort of the header that has one, by its title. */
  async getAriaSort(): Promise<Record<string, string>> {
    const sorted: Record<string, string> = {};
    for (const header of await this.headers()) {
      const value = await header.getAttribute('aria-sort');
      if (value) sorted[(await header.text()).replace(/[▲▼]/g, '').trim()] = value;
    }
    return sorted;
  }

  async toggleAll(): Promise<void> {
    const checkbox = await this.selectAll();
    if (!checkbox) throw new Error('The table has no selection.');
    await checkbox.click();
  }

  /** The accessible names of the rows' checkboxes ("Select <label> of <user>"). */
  async getSelectableNames(): Promise<string[]> {
    return Promise.all((await this.rowCheckboxes()).map(async (box) => (await box.getAttribute('aria-label')) ?? ''));
  }

  async getCheckedNames(): Promise<string[]> {
    const checked: string[] = [];
    for (const box of await this.rowCheckboxes()) if (await box.getProperty<boolean>('checked')) checked.push((await box.getAttribute('aria-label')) ?? '');
    return checked;
  }

  async revoke(label: string): Promise<void> {
    await (await this.locatorFor(`button[aria-label^="Revoke ${label} "]`)()).click();
  }

  async hasRevokeButton(label: string): Promise<boolean> {
    return (await this.locatorForOptional(`button[aria-label^="Revoke ${label} "]`)()) !== null;
  }
}
