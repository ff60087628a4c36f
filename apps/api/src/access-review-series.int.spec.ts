import type { INestApplication } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE, loadConfig, readModelsSettled, SubscriberHost, type Clock } from '@keyward/shared/server';
import type { Role, UserPrincipal } from '@keyward/identity/domain';
import { BootstrapTenants, CreateUserCommand, SetUserEnabledCommand } from '@keyward/identity/application';
import { GenerateAppPasswordCommand, RevokeAppPasswordCommand, type GeneratedAppPassword } from '@keyward/app-passwords/application';
import { accessReviewStreamId, reviewItemId, successorReviewId, type AccessReviewStarted } from '@keyward/compliance/domain';
import { AccessReviewDeadlines, AccessReviews } from '@keyward/compliance/application';
import { GetAccessReviewQuery, type AccessReviewView } from '@keyward/compliance/read-models';
import { AppModule } from './app.module';

const DAY_MS = 86_400_000;

/** A clock the test moves: every part of Keyward reads the time from it. */
class MovableClock implements Clock {
  private at = Date.now();
  now(): Date {
    return new Date(this.at);
  }
  advanceDays(days: number): void {
    this.at += days * DAY_MS;
  }
}

// Repeating access reviews in a real Keyward (every module, a real SQLite store) with a clock the
// test moves: the deadlines sweep starts each successor once, drawn again with the series owner's
// rights, and starts none after a stop, for an owner who can no longer start reviews, or for a
// period whose filter matches nothing.
describe('repeating access reviews: the sweep starts each successor once', () => {
  const clock = new MovableClock();
  let app: INestApplication;
  let dataDir: string;
  let store: EventStore;
  let reviews: AccessReviews;
  let sweep: AccessReviewDeadlines;
  let admin: UserPrincipal;
  const ids: Record<string, string> = {};

  const context = (principal: UserPrincipal): CommandContext => ({ actor: `user:${principal.userId}`, tenantId: principal.tenantId, now: clock.now(), correlationId: 'series-test' });
  const settled = () => readModelsSettled(app.get(SubscriberHost));
  const command = <T>(message: object): Promise<T> => app.get(CommandBus).execute(message as never);
  const createUser = async (name: string, roles: Role[]): Promise<UserPrincipal> => {
    const user = await command<{ userId: string }>(new CreateUserCommand({ userPrincipalName: `${name}@contoso.example`, displayName: name, roles, mfaRegistered: true }, admin, context(admin)));
    return { kind: 'user', userId: user.userId, tenantId: admin.tenantId, userPrincipalName: `${name}@contoso.example`, roles };
  };
  const generate = async (userId: string, label: string): Promise<string> =>
    (await command<GeneratedAppPassword>(new GenerateAppPasswordCommand({ userId, label }, admin, context(admin)))).appPassword.appPasswordId;
  const start = async (by: UserPrincipal, userIds: string[], name: string, revokeUndecided = false, reviewerIds = [admin.userId]): Promise<string> => {
    const reviewId = await reviews.start(by, { name, filter: { userIds }, dueAt: new Date(clock.now().getTime() + 14 * DAY_MS), revokeUndecided, reviewerIds, recurEveryDays: 30 }, context(by));
    await settled();
    return reviewId;
  };
  const startedEvent = async (reviewId: string): Promise<AccessReviewStarted['data'] | null> => {
    const [first] = await store.readStream(accessReviewStreamId(reviewId), { maxCount: 1 });
    return first ? (first.data as AccessReviewStarted['data']) : null;
  };
  const streamTypes = async (reviewId: string) => (await store.readStream(accessReviewStreamId(reviewId))).map((event) => event.type);
  const view = async (reviewId: string): Promise<AccessReviewView> => {
    await settled();
    return app.get(QueryBus).execute(new GetAccessReviewQuery(admin, reviewId));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'keyward-review-series-'));
    // The sweep runs only when the test says: its timer's period is an hour.
    const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_DATA_DIR: dataDir, KEYWARD_BOOTSTRAP_DOMAIN: 'contoso.example', KEYWARD_BOOTSTRAP_PASSWORD: 'correct horse battery staple', KEYWARD_LOG_LEVEL: 'silent', KEYWARD_REVIEW_SWEEP_SECONDS: '3600' });
    app = await NestFactory.create(AppModule.forRoot(config, clock), { logger: false });
    await app.init();
    const [tenant] = await app.get(BootstrapTenants).run();
    admin = { kind: 'user', userId: tenant.adminUserId, tenantId: tenant.tenantId, userPrincipalName: 'admin@contoso.example', roles: ['GLOBAL_ADMIN'] };
    store = app.get(EVENT_STORE);
    reviews = app.get(AccessReviews);
    sweep = app.get(AccessReviewDeadlines);
    const [alice, bob, carol, gina] = [await createUser('alice', ['USER']), await createUser('bob', ['USER']), await createUser('carol', ['USER']), await createUser('gina', ['GLOBAL_ADMIN'])];
    Object.assign(ids, { alice: alice.userId, bob: bob.userId, carol: carol.userId, gina: gina.userId });
    const aliceOwn = [await generate(ids.alice, 'Thunderbird'), await generate(ids.alice, 'iPhone Mail')];
    ids.bobScanner = await generate(ids.bob, 'Scanner');
    await generate(ids.carol, 'Outlook');
    await settled();
    ids.series = await start(admin, [ids.alice], 'Alice, monthly', true, [admin.userId, ids.gina]);
    // Kept, so that the first review's completion revokes none of alice's.
    await reviews.decide(admin, aliceOwn.map((appPasswordId) => reviewItemId(ids.series, appPasswordId)), 'KEEP', 'Still used', context(admin));
    ids.empty = await start(admin, [ids.bob], 'Bob, monthly', false, [ids.gina]);
    ids.ginaSeries = await start(gina, [ids.carol], "Carol, monthly (gina's)");
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says when the next review starts: its start plus the period', async () => {
    const first = await view(ids.series);
    expect(first).toMatchObject({ recurEveryDays: 30, previousReviewId: null });
    expect(Date.parse(first.nextStartsAt ?? '')).toBe(Date.parse(first.startedAt) + 30 * DAY_MS);
  });

  it('before the period has passed, starts nothing', async () => {
    clock.advanceDays(29);
    await settled();
    expect((await sweep.sweepOnce()).started).toBe(0);
    expect(await startedEvent(successorReviewId(ids.series))).toBeNull();
  });

  it('once it has passed, starts exactly one successor: the same name, filter, reviewers who can still sign in, and duration, drawn again', async () => {
    // given one more of alice's app passwords since the first review (drawn again, not copied), bob's
    // revoked (his series' filter matches nothing now), and gina no longer enabled
    await generate(ids.alice, 'Laptop');
    await command(new RevokeAppPasswordCommand(ids.bobScanner, 'Replaced', null, admin, context(admin)));
    await command(new SetUserEnabledCommand(ids.gina, false, admin, context(admin)));
    clock.advanceDays(1.01);
    await settled();
    // when
    const { started } = await sweep.sweepOnce();
    // then
    expect(started).toBe(1);
    const first = (await startedEvent(ids.series)) as AccessReviewStarted['data'];
    const successor = await startedEvent(successorReviewId(ids.series));
    expect(successor).toMatchObject({
      name: 'Alice, monthly',
      filter: first.filter,
      // gina, disabled since, no longer reviews
      reviewerIds: [admin.userId],
      revokeUndecided: true,
      startedBy: 'system:access-review',
      startedAt: clock.now().toISOString(),
      recurEveryDays: 30,
      seriesId: ids.series,
      previousReviewId: ids.series,
      seriesOwnerId: admin.userId,
      total: 3,
    });
    expect(Date.parse(successor?.dueAt ?? '') - Date.parse(successor?.startedAt ?? '')).toBe(Date.parse(first.dueAt) - Date.parse(first.startedAt));
    expect(await view(ids.series)).toMatchObject({ nextStartsAt: null, nextReviewId: successorReviewId(ids.series) });
    expect(await view(successorReviewId(ids.series))).toMatchObject({ nextReviewId: null, previousReviewId: ids.series, recurEveryDays: 30, status: 'OPEN', total: 3 });
  });

  it('starts none for an owner who is disabled, and none for a filter that matches nothing, recording nothing', async () => {
    expect(await startedEvent(successorReviewId(ids.ginaSeries))).toBeNull();
    expect(await startedEvent(successorReviewId(ids.empty))).toBeNull();
    expect(await streamTypes(ids.ginaSeries)).toEqual(['AccessReviewStarted', 'AccessReviewItemsFixed', 'AccessReviewCompleted']);
  });

  it('a second sweep starts nothing more', async () => {
    expect((await sweep.sweepOnce()).started).toBe(0);
    expect(await streamTypes(successorReviewId(ids.series))).toEqual(['AccessReviewStarted', 'AccessReviewItemsFixed']);
  });

  it('after a stop, starts nothing: the stop is recorded on the series’ latest review, once', async () => {
    const latest = successorReviewId(ids.series);
    // when the first review's series is stopped (twice)
    await reviews.stopRecurrence(admin, ids.series, context(admin));
    await reviews.stopRecurrence(admin, ids.series, context(admin));
    // then
    expect(await streamTypes(latest)).toEqual(['AccessReviewStarted', 'AccessReviewItemsFixed', 'AccessReviewRecurrenceStopped']);
    expect(await streamTypes(ids.series)).not.toContain('AccessReviewRecurrenceStopped');
    expect(await view(latest)).toMatchObject({ nextStartsAt: null, recurEveryDays: 30 });
  });
  it('a period skipped for want of items is tried again the period after, not before', async () => {
    // given bob has an app password again, within the skipped period
    await generate(ids.bob, 'New scanner');
    await settled();
    expect((await sweep.sweepOnce()).started).toBe(0);
    const skipped = await view(ids.empty);
    expect(Date.parse(skipped.nextStartsAt ?? '')).toBe(Date.parse(skipped.startedAt) + 60 * DAY_MS);
    // when the next period comes
    clock.advanceDays(30);
    await settled();
    await sweep.sweepOnce();
    // then bob's series goes on, and the stopped one does not
    expect(await startedEvent(successorReviewId(successorReviewId(ids.series)))).toBeNull();
    // (its only reviewer, gina, is disabled: the tenant's global admins review it)
    expect(await startedEvent(successorReviewId(ids.empty))).toMatchObject({ name: 'Bob, monthly', total: 1, previousReviewId: ids.empty, startedAt: clock.now().toISOString(), reviewerIds: [admin.userId] });
  });

});
