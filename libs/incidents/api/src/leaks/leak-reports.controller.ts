import { Body, Controller, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { clientAddressOf, KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';
import { Public } from '@keyward/identity/api';
import { parseLeakReport } from '@keyward/incidents/domain';
import { LeakReports } from '@keyward/incidents/application';
import { LeakReportLimiter } from './leak-report.limiter';

/**
 * `POST /leaks`: anyone who comes across Keyward app passwords (a secret scanner, a researcher)
 * reports them, as with GitHub's credential revocation API. The answer is `202 {"received": N}`
 * whatever the report holds, sent before anything in it is looked at; LeakReports then revokes the
 * proven ones. Bad input is a precise 4xx and changes nothing; the body is at most 64 kB (the
 * API's JSON limit), room for 1,000 app passwords even in groups of four.
 */
@Controller('leaks')
export class LeakReportsController {
  constructor(
    private readonly reports: LeakReports,
    private readonly limiter: LeakReportLimiter,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Public('Leaked app passwords are reported by whoever finds them; the answer never says whether one matched, and only a proven secret revokes anything.')
  async report(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<{ received: number }> {
    response.setHeader('Cache-Control', 'no-store');
    const sourceIp = clientAddressOf(request, this.config);
    const wait = await this.limiter.take(sourceIp ?? 'unknown');
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new HttpException({ statusCode: 429, message: `Too many reports from this address; retry in ${wait} s.` }, HttpStatus.TOO_MANY_REQUESTS);
    }
    if (!request.is('application/json')) throw new UnsupportedMediaTypeException('Send JSON {"appPasswords": ["…", …]} with Content-Type: application/json.');
    const entries = parseLeakReport(body);
    const correlationId = (request as Request & { correlationId?: string }).correlationId ?? '';
    if (!this.reports.submit(entries, { sourceIp, correlationId })) {
      response.setHeader('Retry-After', '60');
      throw new HttpException({ statusCode: 503, message: 'Too many reports are waiting to be checked; send this one again in a minute.' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { received: entries.length };
  }
}
