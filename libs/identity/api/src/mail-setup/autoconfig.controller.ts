import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { KEYWARD_CONFIG, publicOriginOf, type KeywardConfig } from '@keyward/shared/server';
import { Directory } from '@keyward/identity/application';
import { parseUserPrincipalName, type ActiveTenant } from '@keyward/identity/domain';
import { GetTenantIdForDomainQuery } from '@keyward/identity/read-models';
import { Public } from '../authorization/requires.decorator';
import { AppleProfileLinks, appleMailProfile, mailServerList, tenantMailServers } from './apple-profile';
import { autoconfigXml } from './autoconfig';

/**
 * Mozilla autoconfig, where Thunderbird and other mail clients look for a domain's servers before
 * the user has typed anything but their address: `/.well-known/autoconfig/mail/config-v1.1.xml`
 * and `/mail/config-v1.1.xml` (behind `autoconfig.<domain>`), with `?emailaddress=`.
 */
@Controller()
@Public('Mail clients ask for the servers before they hold a password; the answer names servers, never a secret.')
export class AutoconfigController {
  constructor(
    private readonly queries: QueryBus,
    private readonly directory: Directory,
    private readonly profiles: AppleProfileLinks,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  /**
   * The Apple configuration profile a link made right after generation points to: it carries the
   * new app password, so it is served once, within 10 minutes, and never cached; 404 after.
   */
  @Get('mail/profile/:token')
  async appleProfile(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const account = this.profiles.take(token);
    if (!account) throw new NotFoundException('This set-up link was used already or has expired: links work once, within 10 minutes. Generate a new app password for a new one.');
    const upn = parseUserPrincipalName(account.userPrincipalName);
    const tenant = upn ? await this.tenantOfDomain(upn.domain) : null;
    response
      .status(200)
      // The name first: attachment() would set the type from the name's extension.
      .attachment('keyward-mail.mobileconfig')
      .type('application/x-apple-aspen-config')
      .setHeader('Cache-Control', 'no-store')
      .send(appleMailProfile(account, mailServerList(tenantMailServers(tenant, this.config)), tenant?.name ?? 'Keyward'));
  }

  @Get(['.well-known/autoconfig/mail/config-v1.1.xml', 'mail/config-v1.1.xml'])
  async autoconfig(@Query('emailaddress') address: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const upn = typeof address === 'string' ? parseUserPrincipalName(address) : null;
    if (!upn) throw new BadRequestException('Send ?emailaddress=<the user principal name>, as mail clients do.');
    const tenant = await this.tenantOfDomain(upn.domain);
    const servers = tenant ? mailServerList(tenantMailServers(tenant, this.config)) : [];
    // One answer for a domain that is not Keyward's and a Keyward without mail servers.
    if (!tenant || servers.length === 0) throw new NotFoundException(`No mail set-up is published for ${upn.domain}.`);
    response.status(200).type('application/xml; charset=utf-8').setHeader('Cache-Control', 'public, max-age=3600');
    // The console's app passwords, only where KEYWARD_PUBLIC_URL says where users reach it.
    const appPasswords = this.config.publicUrl ? `${publicOriginOf(request, this.config)}/me/app-passwords` : null;
    response.send(autoconfigXml(upn.domain, tenant.name, servers, appPasswords));
  }

  /** The active tenant a mail domain belongs to, or null. */
  private async tenantOfDomain(domain: string): Promise<ActiveTenant | null> {
    const tenantId: string | null = await this.queries.execute(new GetTenantIdForDomainQuery(domain));
    const tenant = tenantId ? await this.directory.tenant(tenantId) : null;
    return tenant?.status === 'active' ? tenant : null;
  }
}
