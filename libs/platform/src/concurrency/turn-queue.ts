/** How many tasks of a turn queue run now, and how many wait for their turn. */
export interface TurnQueueLoad {
  readonly running: number;
  readonly waiting: number;
}

/**
 * Runs tasks at most `limit` at a time; a task that finds every place taken waits its turn, in
 * the order it came, however long that is (nothing is refused). For work that holds much memory
 * or a core while it runs: the limit bounds the memory and the CPU, and the queue only adds time.
 *
 * A task must not wait, inside its own turn, for another turn of the same queue: when every place
 * is taken by such tasks, none ever ends.
 */
export class TurnQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a turn queue needs a limit of at least 1, not ${limit}`);
  }

  load(): TurnQueueLoad {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.limit) this.#running++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The place passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
