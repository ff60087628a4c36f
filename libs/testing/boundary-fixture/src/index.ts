// This library pretends to be a domain library that breaks the rules. It is excluded from the
// normal lint run; tools/lint/module-boundaries.int.spec.ts lints it and expects both errors.
import { Injectable } from '@nestjs/common';
import { SqliteEventStore } from '@keyward/shared/event-store';

@Injectable()
export class DomainServiceThatMustNotExist {
  readonly store = SqliteEventStore;
}
