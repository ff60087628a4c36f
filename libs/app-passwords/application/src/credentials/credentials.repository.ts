import { Injectable } from '@nestjs/common';
import { Aggregates, type StreamReader } from '@keyward/shared/event-sourcing';
import { authorizeFound, type Permission, type Principal } from '@keyward/identity/domain';
import {
  appPasswordDecider,
  appPasswordStreamId,
  keyringFold,
  keyringStreamId,
  type AppPassword,
  type ExistingAppPassword,
  type Keyring,
} from '@keyward/app-passwords/domain';

/** Reads app passwords and keyrings from their streams: never behind, as commands and verification need. */
@Injectable()
export class Credentials {
  constructor(private readonly aggregates: Aggregates) {}

  load(appPasswordId: string): Promise<AppPassword> {
    return this.aggregates.load(appPasswordStreamId(appPasswordId), appPasswordDecider);
  }

  /**
   * A credential the principal may act on with `permission`: FORBIDDEN without the permission,
   * NOT_FOUND for one that does not exist or is out of reach (another tenant's, another user's),
   * so that ids of others reveal nothing.
   */
  async loadFor(principal: Principal, permission: Permission, appPasswordId: string): Promise<ExistingAppPassword> {
    const credential = await this.load(appPasswordId);
    const target = credential.status === 'none' ? null : { tenantId: credential.tenantId, ownerId: credential.userId };
    authorizeFound(principal, permission, target, 'No such app password.');
    return credential as ExistingAppPassword;
  }

  keyring(userId: string): Promise<Keyring> {
    return this.aggregates.load(keyringStreamId(userId), keyringFold);
  }

  /** The user's keyring and the state of every credential it names, read through `streams` (for a decision). */
  async keyringWithCredentials(streams: StreamReader, userId: string): Promise<{ keyring: Keyring; credentials: Map<string, AppPassword> }> {
    const keyring = await streams.load(keyringStreamId(userId), keyringFold);
    const states = await Promise.all(keyring.reservations.map(({ appPasswordId }) => this.load(appPasswordId)));
    return { keyring, credentials: new Map(keyring.reservations.map(({ appPasswordId }, index) => [appPasswordId, states[index]])) };
  }
}
