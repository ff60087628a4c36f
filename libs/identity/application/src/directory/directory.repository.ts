import { Injectable } from '@nestjs/common';
import { notFound } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import {
  authorizeFound,
  tenantDecider,
  tenantStreamId,
  userDecider,
  userStreamId,
  type ActiveTenant,
  type ExistingUser,
  type Permission,
  type Principal,
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

  user(userId: string): Promise<User> {
    return this.aggregates.load(userStreamId(userId), userDecider);
  }

  /** When the user was created: their stream's first event. */
  async userCreatedAt(userId: string): Promise<Date | null> {
    return this.aggregates.firstOccurredAt(userStreamId(userId));
  }

  tenant(tenantId: string): Promise<Tenant> {
    return this.aggregates.load(tenantStreamId(tenantId), tenantDecider);
  }

  /** The principal's tenant; it exists for every signed-in principal. */
  async tenantOf(principal: { tenantId: string }): Promise<ActiveTenant> {
    const tenant = await this.tenant(principal.tenantId);
    if (tenant.status !== 'active') throw notFound('Your tenant does not exist.');
    return tenant;
  }

  /**
   * A user the principal may act on with `permission`: FORBIDDEN without the permission,
   * NOT_FOUND for a user that does not exist or is out of reach (another tenant's).
   */
  async userFor(principal: Principal, permission: Permission, userId: string): Promise<ExistingUser> {
    const user = await this.user(userId);
    authorizeFound(principal, permission, user.status === 'none' ? null : { tenantId: user.tenantId, ownerId: user.userId }, 'No such user.');
    return user as ExistingUser;
  }
}
