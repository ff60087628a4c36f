import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@keyward/identity/api';
import { SubscriberHost } from '@keyward/shared/server';

/** `GET /health`: 200 once the node serves; `degraded` while a subscriber retries an event or dead letters wait. */
@Controller('health')
@Public('Load balancers and operators probe it; it names no tenant and no event.')
export class HealthController {
  constructor(private readonly subscribers: SubscriberHost) {}

  @Get()
  health() {
    const { status, deadLetters, retrying } = this.subscribers.health();
    return { status, service: 'keyward', deadLetters, retrying };
  }

  /** `GET /health/live`: the process answers (a probe that restarts it when it does not). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * `GET /health/ready`: 200 when this node's read models hold what was appended a moment ago, so
   * it may take traffic; 503 while they catch up (after a start on a large store, or a stall).
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const isCaughtUp = await Promise.race([this.subscribers.settled().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_WITHIN_MS).unref())]);
    if (!isCaughtUp) response.status(503);
    return { status: isCaughtUp ? 'ready' : 'catching up' };
  }
}

/** How long the read models may take to catch up before a node is not ready. */
const READY_WITHIN_MS = 1_000;
