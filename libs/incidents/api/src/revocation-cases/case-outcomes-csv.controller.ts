import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { notFound } from '@keyward/shared/domain';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB, spreadsheetSafe, startCsvDownload } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import { DEFAULT_APP_PASSWORD_SORT, GetAppPasswordsQuery, type AppPasswordListItem, type AppPasswordPage } from '@keyward/app-passwords/read-models';
import { caseOutcomes, GetRevocationCaseQuery, type RevocationCaseView } from '@keyward/incidents/read-models';

const HEADER = ['app_password_id', 'user', 'label', 'outcome', 'detail', 'recorded_at', 'case_id', 'incident_ref'];

/** `GET /exports/revocation-cases/<id>/outcomes.csv`: a case's outcome table, streamed (RFC 4180). */
@Controller('exports/revocation-cases')
export class CaseOutcomesCsvController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  @Get(':id/outcomes.csv')
  @Requires('incidents.read')
  async export(@CurrentPrincipal() principal: UserPrincipal, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const found: RevocationCaseView | null = await this.queries.execute(new GetRevocationCaseQuery(principal, id));
    if (!found) throw notFound('No such revocation case.');
    startCsvDownload(response, `revocation-case-${found.id}.csv`);
    const csv = stringify({ header: true, columns: HEADER });
    csv.pipe(response);
    for (const page of caseOutcomes(this.db, found.id)) {
      const credentials = await this.credentials(principal, page.map((outcome) => outcome.appPasswordId));
      for (const outcome of page) {
        const credential = credentials.get(outcome.appPasswordId);
        const row = [outcome.appPasswordId, credential?.userPrincipalName, credential?.label, outcome.outcome, outcome.detail, outcome.recordedAt, found.id, found.incidentRef];
        if (!csv.write(row.map(spreadsheetSafe))) await once(csv, 'drain');
      }
    }
    csv.end();
  }

  /** The inventory's rows of a page of outcomes, by id: owner and label for each line. */
  private async credentials(principal: UserPrincipal, ids: string[]): Promise<Map<string, AppPasswordListItem>> {
    const page: AppPasswordPage = await this.queries.execute(new GetAppPasswordsQuery(principal, { ids }, ids.length || 1, null, DEFAULT_APP_PASSWORD_SORT, false));
    return new Map(page.items.map(({ item }) => [item.id, item]));
  }
}
