import { ComponentHarness } from '@angular/cdk/testing';

/** Reads and copies the shown-once secret without knowing the component's markup. */
export class SecretRevealHarness extends ComponentHarness {
  static hostSelector = 'kw-secret-reveal';
  private readonly secretText = this.locatorFor('[data-testid="secret"]');
  private readonly warningText = this.locatorFor('[role="alert"]');
  private readonly copyButton = this.locatorFor('button.copy');

  async getSecret(): Promise<string> {
    return (await this.secretText()).text();
  }

  async getWarning(): Promise<string> {
    return (await this.warningText()).text();
  }

  async copy(): Promise<void> {
    await (await this.copyButton()).click();
  }

  async getCopyLabel(): Promise<string> {
    return (await this.copyButton()).text();
  }
}
