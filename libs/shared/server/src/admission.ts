import type { Request, RequestHandler, Response } from 'express';

export interface AdmissionLimits {
  /** Requests that run at once; the rest wait their turn. */
  readonly concurrent: number;
  /** Requests that may wait; beyond, 503 at once. */
  readonly queued: number;
  /** Requests one caller may have running or waiting; beyond, 429. */
  readonly perCaller: number;
  /** How long a request may wait for its turn before it is answered 503. */
  readonly maxWaitMs: number;
}

/** The limits of the GraphQL endpoint: a console page sends a handful of queries at once, a script a few dozen. */
export const GRAPHQL_ADMISSION: AdmissionLimits = { concurrent: 4, queued: 256, perCaller: 64, maxWaitMs: 10_000 };

export type Admission = { readonly admitted: true; release(): void } | { readonly admitted: false; readonly status: 429 | 503 };

/**
 * A bound on the work one kind of request can put on the event loop at once. SQLite (the read
 * models, the embedded store) answers synchronously on the event loop, so a flood of expensive
 * reads would otherwise delay every /verify behind them; with at most `concurrent` running, a
 * gateway's check waits for a few of them at worst. Waiting requests run in the order they came;
 * one caller cannot take more than `perCaller` places (429), and a full queue sheds load at once
 * (503), both with Retry-After.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: { caller: string; admit: () => void }[] = [];
  private readonly callers = new Map<string, number>();

  constructor(private readonly limits: AdmissionLimits) {}

  /** Takes a place for the caller: admitted (release it when done), or refused with a status. */
  async enter(caller: string): Promise<Admission> {
    const held = this.callers.get(caller) ?? 0;
    if (held >= this.limits.perCaller) return { admitted: false, status: 429 };
    if (this.running >= this.limits.concurrent && this.waiting.length >= this.limits.queued) return { admitted: false, status: 503 };
    this.callers.set(caller, held + 1);
    if (this.running < this.limits.concurrent) return this.admit(caller);
    const isAdmitted = await new Promise<boolean>((resolve) => {
      const entry = { caller, admit: () => resolve(true) };
      this.waiting.push(entry);
      setTimeout(() => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        resolve(false);
      }, this.limits.maxWaitMs).unref();
    });
    if (isAdmitted) return this.admitted(caller);
    this.leave(caller);
    return { admitted: false, status: 503 };
  }

  /** Requests running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private admit(caller: string): Admission {
    this.running++;
    return this.admitted(caller);
  }

  /** A place taken (`running` counted already): released once, which hands it to the next in line. */
  private admitted(caller: string): Admission {
    let isReleased = false;
    return {
      admitted: true,
      release: () => {
        if (isReleased) return;
        isReleased = true;
        this.leave(caller);
        const next = this.waiting.shift();
        if (next) next.admit();
        else this.running--;
      },
    };
  }

  private leave(caller: string): void {
    const held = (this.callers.get(caller) ?? 1) - 1;
    if (held <= 0) this.callers.delete(caller);
    else this.callers.set(caller, held);
  }
}

/**
 * Express middleware that admits requests through the gate, the caller named by `callerOf`; a
 * place is released when the answer is sent or the connection closes.
 */
export function admissionMiddleware(gate: AdmissionGate, callerOf: (request: Request) => string): RequestHandler {
  return (request: Request, response: Response, next) => {
    void gate.enter(callerOf(request)).then((admission) => {
      if (!admission.admitted) {
        response.setHeader('Retry-After', '1');
        const message = admission.status === 429 ? 'Too many requests of yours at once; retry in a moment.' : 'Busy; retry in a moment.';
        response.status(admission.status).json({ errors: [{ message, extensions: { code: admission.status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE' } }] });
        return;
      }
      response.once('close', admission.release);
      response.once('finish', admission.release);
      next();
    });
  };
}
