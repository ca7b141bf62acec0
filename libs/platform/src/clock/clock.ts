/**
 * The one source of "now" for business rules (deadlines, timelines, reminders).
 * Inject `Clock`; tests replace it with a `ManualClock` to move time.
 */
export abstract class Clock {
  abstract now(): Date;
}

/**
 * The instant to the whole second below. Instants the server records (publication, release,
 * cancellation...) are stored at this precision, the one clients send and read.
 */
export function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
