import { computed, inject, Injectable, signal } from '@angular/core';
import { messageOf, SessionStore } from '@keyward/console/shared/data-access';
import { SCOPES, type GenerationRequest, type GenerationState, type Scope, type TenantMailServerInfo, type UserRef } from '@keyward/console/app-passwords/util';
import { AppPasswordsApi } from './app-passwords.api';

/**
 * Generating one app password: what the policy allows, whose it is, and the secret, kept only
 * until the dialog closes. A page provides it and opens it; the generate dialog shows its state.
 */
@Injectable()
export class GenerationStore {
  private readonly api = inject(AppPasswordsApi);
  private readonly session = inject(SessionStore);
  private readonly isOpen = signal(false);
  private readonly fixedUserId = signal<string | null>(null);
  private readonly allowedScopes = signal<Scope[]>([...SCOPES]);
  private readonly maxLifetimeDays = signal(365);
  private readonly userOptions = signal<UserRef[]>([]);
  private readonly secret = signal<string | null>(null);
  private readonly appleProfileUrl = signal<string | null>(null);
  private readonly ownerUserPrincipalName = signal<string | null>(null);
  private readonly mailServers = signal<TenantMailServerInfo | null>(null);
  private readonly isBusy = signal(false);
  private readonly error = signal('');
  private searchNumber = 0;

  readonly state = computed<GenerationState>(() => ({
    isOpen: this.isOpen(),
    isForOthers: this.fixedUserId() === null,
    allowedScopes: this.allowedScopes(),
    maxLifetimeDays: this.maxLifetimeDays(),
    userOptions: this.userOptions(),
    secret: this.secret(),
    appleProfileUrl: this.appleProfileUrl(),
    ownerUserPrincipalName: this.ownerUserPrincipalName(),
    mailServers: this.mailServers(),
    isBusy: this.isBusy(),
    error: this.error(),
  }));

  /**
   * Opens the form: for `userId` when given; otherwise for any user the caller picks when they
   * may generate across the tenant, and for the caller when they may generate only their own.
   */
  async open(userId: string | null = null): Promise<void> {
    this.fixedUserId.set(userId ?? (this.session.can('appPasswords.generate') ? null : (this.session.me()?.id ?? null)));
    this.secret.set(null);
    this.appleProfileUrl.set(null);
    this.error.set('');
    this.isOpen.set(true);
    try {
      const policy = await this.api.generationPolicy();
      this.allowedScopes.set(policy.allowedScopes);
      this.maxLifetimeDays.set(policy.maxLifetimeDays);
      this.mailServers.set(policy.mailServers);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  /** Closes the form and forgets the secret. */
  close(): void {
    this.isOpen.set(false);
    this.secret.set(null);
    this.appleProfileUrl.set(null);
  }

  /** Offers the users whose name contains the text (from two characters on). */
  async findUsers(text: string): Promise<void> {
    if (text.length < 2) return;
    const search = ++this.searchNumber;
    const users = await this.api.findUsers(text).catch(() => null);
    // Typing fires a search per key; only the latest answer may fill the list.
    if (users && search === this.searchNumber) this.userOptions.set(users);
  }

  /** Generates; true when the secret is there to show. */
  async generate(request: GenerationRequest): Promise<boolean> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      const userId = this.fixedUserId() ?? (await this.ownerId(request.owner ?? ''));
      const scopes = request.scopes.filter((scope) => this.allowedScopes().includes(scope));
      const generated = await this.api.generate({ userId, label: request.label, scopes, expiresInDays: request.expiresInDays || null });
      this.appleProfileUrl.set(generated.appleProfileUrl);
      this.ownerUserPrincipalName.set(generated.ownerUserPrincipalName);
      this.secret.set(generated.secret);
      return true;
    } catch (error) {
      this.error.set(messageOf(error));
      return false;
    } finally {
      this.isBusy.set(false);
    }
  }

  private async ownerId(owner: string): Promise<string> {
    const name = owner.trim().toLowerCase();
    const match = (await this.api.findUsers(name)).find((user) => user.userPrincipalName === name);
    if (!match) throw new Error(`No user ${name} in this tenant.`);
    return match.id;
  }
}
