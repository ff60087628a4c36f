import { Injectable } from '@nestjs/common';
import { notFound } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
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
  constructor(private readonly aggregates: Aggregates) {}

  async user(userId: string): Promise<User> {
    return (await this.aggregates.load(userStreamId(userId), userDecider)).state;
  }

  async tenant(tenantId: string): Promise<Tenant> {
    return (await this.aggregates.load(tenantStreamId(tenantId), tenantDecider)).state;
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
