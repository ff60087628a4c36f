import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { z } from 'zod';
import { badInput } from '@keyward/shared/domain';
import { spreadsheetSafe, startCsvDownload } from '@keyward/shared/server';
import { APP_PASSWORD_SCOPES, type UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import {
  APP_PASSWORD_SORT_FIELDS,
  GetAppPasswordsQuery,
  type AppPasswordListItem,
  type AppPasswordPage,
} from '@keyward/app-passwords/read-models';

const PAGE = 1000;
const text = z.string().max(200).optional();
const flag = z.enum(['true', 'false']).transform((value) => value === 'true').optional();

/** The inventory's filter and sort, as query parameters: the console links here with the view it shows. */
const ExportParams = z
  .object({
    userId: text,
    status: z.enum(['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED']).optional(),
    search: text,
    label: text,
    user: text,
    protocol: z.enum(APP_PASSWORD_SCOPES).optional(),
    createdAfter: text,
    createdBefore: text,
    lastUsedAfter: text,
    lastUsedBefore: text,
    isNeverUsed: flag,
    expiresWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
    unusedForDays: z.coerce.number().int().min(0).max(3650).optional(),
    usedFromAddress: text,
    usedAfter: text,
    usedBefore: text,
    survivedPasswordReset: flag,
    sort: z.enum(APP_PASSWORD_SORT_FIELDS).default('CREATED_AT'),
    direction: z.enum(['ASC', 'DESC']).default('DESC'),
  })
  .strict();

const COLUMNS: [keyof AppPasswordListItem, string][] = [
  ['id', 'id'],
  ['userPrincipalName', 'user'],
  ['label', 'label'],
  ['status', 'status'],
  ['scopes', 'scopes'],
  ['createdAt', 'created_at'],
  ['createdBy', 'created_by'],
  ['expiresAt', 'expires_at'],
  ['lastUsedAt', 'last_used_at'],
  ['lastUsedIp', 'last_used_ip'],
  ['lastUsedProtocol', 'last_used_protocol'],
  ['lastUsedClient', 'last_used_client'],
  ['useCount', 'use_count'],
  ['revokedAt', 'revoked_at'],
  ['revokedBy', 'revoked_by'],
  ['revokeReason', 'revoke_reason'],
];


/** `GET /exports/app-passwords.csv`: every row of the inventory's current view, streamed (RFC 4180). */
@Controller('exports')
export class AppPasswordsCsvController {
  constructor(private readonly queries: QueryBus) {}

  @Get('app-passwords.csv')
  @Requires('appPasswords.read')
  async export(@CurrentPrincipal() principal: UserPrincipal, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const parsed = ExportParams.safeParse(query);
    if (!parsed.success) throw badInput(`Bad export parameters: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ')}`);
    const { sort, direction, ...filter } = parsed.data;
    // The first page is read before anything is sent, so a bad filter is still a clean 400.
    let page: AppPasswordPage = await this.queries.execute(new GetAppPasswordsQuery(principal, filter, PAGE, null, { field: sort, direction }, false));
    startCsvDownload(response, 'app-passwords.csv');
    const csv = stringify({ header: true, columns: COLUMNS.map(([, header]) => header) });
    csv.pipe(response);
    for (;;) {
      for (const { item } of page.items) {
        if (!csv.write(COLUMNS.map(([key]) => spreadsheetSafe(item[key])))) await once(csv, 'drain');
      }
      if (!page.hasNextPage) break;
      const after = page.items[page.items.length - 1].cursor;
      page = await this.queries.execute(new GetAppPasswordsQuery(principal, filter, PAGE, after, { field: sort, direction }, false));
    }
    csv.end();
  }
}
