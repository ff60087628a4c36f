import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@keyward/shared/domain';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires } from '@keyward/identity/api';
import { LeakScans } from '@keyward/incidents/application';
import { leakScanJson, LeakScanViews } from './leak-scan.view';
import { requireTextUpload, uploadedText } from './uploaded-text';

/**
 * `POST /leaks/scan`: scanForLeakedAppPasswords for a file too large for GraphQL's body limit (a
 * paste site dump, a log), up to 20 MB of UTF-8 text, scanned a piece at a time as it arrives.
 * Answers the LeakScan as JSON; a refused upload records nothing.
 */
@Controller('leaks')
export class LeakScanUploadController {
  constructor(
    private readonly scans: LeakScans,
    private readonly views: LeakScanViews,
  ) {}

  @Post('scan')
  @HttpCode(200)
  @Requires('leaks.scan')
  async upload(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ) {
    try {
      requireTextUpload(request);
      // Not destroyed when the scan stops early: the refusal still has to reach the client.
      const result = await this.scans.scan(principal, uploadedText(request.iterator({ destroyOnReturn: false })), 'UPLOAD', context);
      return leakScanJson(await this.views.viewOf(principal, result));
    } catch (error) {
      // Refused before the end of the body: the rest is read and dropped (closing instead would
      // cut off a client still sending before it reads the refusal).
      if (!request.complete) request.resume();
      throw error;
    }
  }
}
