import { Controller, Get } from '@nestjs/common';
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
}
