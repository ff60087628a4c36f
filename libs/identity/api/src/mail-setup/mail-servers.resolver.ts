import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import { authorize, tenantDecider, tenantStreamId, type ActiveTenant, type MailServer, type UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { tenantMailServers } from './apple-profile';
import { MailServersInput, MailServersModel, type MailServerInput, type MailServerModel } from './mail-servers.model';

/** The tenant's mail servers (DESIGN §8: per tenant in the console, KEYWARD_MAIL_* the defaults). */
@Resolver(() => MailServersModel)
export class MailServersResolver {
  constructor(
    private readonly directory: Directory,
    private readonly aggregates: Aggregates,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Query(() => MailServersModel, { description: "The servers the tenant's users set their mail apps up with." })
  @Requires('policy.read')
  async mailServers(@CurrentPrincipal() principal: UserPrincipal): Promise<MailServersModel> {
    return this.modelOf(await this.directory.tenantOf(principal));
  }

  @Mutation(() => MailServersModel, { description: "Sets the tenant's mail servers (global admins); the same servers again record nothing." })
  @Requires('policy.change')
  async changeMailServers(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: MailServersInput,
  ): Promise<MailServersModel> {
    authorize(principal, 'policy.change', { tenantId: principal.tenantId });
    const server = (protocol: MailServer['protocol'], given: MailServerInput | null | undefined): MailServer | null => (given ? { protocol, ...given } : null);
    const { state } = await this.aggregates.handle(
      tenantStreamId(principal.tenantId),
      tenantDecider,
      { type: 'ChangeTenantMailServers', data: { mailServers: { imap: server('imap', input.imap), pop: server('pop3', input.pop), submission: server('smtp', input.submission) } } },
      context,
    );
    return this.modelOf(state as ActiveTenant);
  }

  private modelOf(tenant: ActiveTenant): MailServersModel {
    const servers = tenantMailServers(tenant, this.config);
    const model = (server: MailServer | null): MailServerModel | null => server && { host: server.host, port: server.port, security: server.security };
    return { imap: model(servers.imap), pop: model(servers.pop), submission: model(servers.submission), isTenantSpecific: tenant.mailServers !== undefined };
  }
}
