import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { CommandContext } from '@keyward/shared/domain';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires } from '@keyward/identity/api';
import { LeakScans } from '@keyward/incidents/application';
import { LeakScanModel } from './leak-scan.model';
import { LeakScanViews, type LeakScanView } from './leak-scan.view';

@Resolver(() => LeakScanModel)
export class LeakScansResolver {
  constructor(
    private readonly scans: LeakScans,
    private readonly views: LeakScanViews,
  ) {}

  @Mutation(() => LeakScanModel, {
    description: "Finds the tenant's app passwords in pasted text and proves each (its secret verifies); the scan is recorded. Larger files: POST /leaks/scan.",
  })
  @Requires('leaks.scan')
  async scanForLeakedAppPasswords(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('text', { description: 'Never echoed, stored or logged.' }) text: string,
  ): Promise<LeakScanView> {
    return this.views.viewOf(principal, await this.scans.scan(principal, text, 'PASTE', context));
  }
}
