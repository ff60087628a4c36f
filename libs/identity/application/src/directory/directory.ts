import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@keyward/shared/domain';
import { loadAggregate, type EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE } from '@keyward/shared/server';
import {
  tenantDecider,
  tenantStreamId,
  userDecider,
  userStreamId,
  type Caller,
  type ExistingUser,
  type Tenant,
  type User,
} from '@keyward/identity/domain';

/**
 * Reads tenants and users straight from their streams: the source of truth, never behind.
 * Commands and verification use this; screens use the read models.
 */
@Injectable()
export class Directory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async user(userId: string): Promise<User> {
    return (await loadAggregate(this.store, userStreamId(userId), userDecider)).state;
  }

  async tenant(tenantId: string): Promise<Tenant> {
    return (await loadAggregate(this.store, tenantStreamId(tenantId), tenantDecider)).state;
  }

  /** The caller's tenant; it exists for every signed-in caller. */
  async callerTenant(caller: Caller): Promise<Extract<Tenant, { status: 'active' }>> {
    const tenant = await this.tenant(caller.tenantId);
    if (tenant.status !== 'active') throw notFound('Your tenant does not exist.');
    return tenant;
  }

  /** A user of the caller's tenant; another tenant's user is reported as not found. */
  async userInTenant(caller: Caller, userId: string): Promise<ExistingUser> {
    const user = await this.user(userId);
    if (user.status === 'none' || user.tenantId !== caller.tenantId) throw notFound('No such user.');
    return user;
  }
}
