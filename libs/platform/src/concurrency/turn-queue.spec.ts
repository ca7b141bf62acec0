import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TurnQueue } from './turn-queue.js';

/** A task whose end the test decides: it records when it started and ends when told. */
function task(started: number[], id: number) {
  let end!: (outcome: { fail: boolean }) => void;
  const ended = new Promise<{ fail: boolean }>((resolve) => (end = resolve));
  return {
    run: async () => {
      started.push(id);
      const { fail } = await ended;
      if (fail) throw new Error(`task ${id} failed`);
      return id;
    },
    end: (fail = false) => end({ fail }),
  };
}

/** Lets every promise reaction that is ready run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('runs at most its limit at once; the others wait and start, in the order they came, as places free up', async () => {
    const queue = new TurnQueue(2);
    const started: number[] = [];
    const tasks = [1, 2, 3, 4, 5].map((id) => task(started, id));
    const answers = tasks.map((t) => queue.run(t.run));
    await settle();
    expect(started).toEqual([1, 2]);
    expect(queue.load()).toEqual({ running: 2, waiting: 3 });

    tasks[1]!.end();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    expect(queue.load()).toEqual({ running: 2, waiting: 2 });

    tasks[0]!.end();
    tasks[2]!.end();
    await settle();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(queue.load()).toEqual({ running: 2, waiting: 0 });

    tasks[3]!.end();
    tasks[4]!.end();
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5]);
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('gives a failed task’s place to the next in line, and its error to its caller alone', async () => {
    const queue = new TurnQueue(1);
    const started: number[] = [];
    const [first, second] = [task(started, 1), task(started, 2)];
    const answers = [queue.run(first.run), queue.run(second.run)];
    await settle();
    first.end(true);
    await expect(answers[0]).rejects.toThrow('task 1 failed');
    second.end();
    expect(await answers[1]).toBe(2);
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the place of a task that throws before it returns a promise', async () => {
    const queue = new TurnQueue(1);
    const throwing = () => {
      throw new Error('at once');
    };
    await expect(queue.run(throwing)).rejects.toThrow('at once');
    expect(await queue.run(() => Promise.resolve('next'))).toBe('next');
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit below one', () => {
    expect(() => new TurnQueue(0)).toThrow(RangeError);
    expect(() => new TurnQueue(1.5)).toThrow(RangeError);
  });

  it('whatever the order tasks end in, never runs more than its limit, answers every task, and starts them in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        async (limit, failures, choices) => {
          const queue = new TurnQueue(limit);
          const started: number[] = [];
          const tasks = failures.map((_, id) => task(started, id));
          const answers = tasks.map((t) =>
            queue.run(t.run).then(
              (id) => ({ id, failed: false }),
              () => ({ id: undefined, failed: true }),
            ),
          );
          const running = new Set<number>();
          const ended = new Set<number>();
          const pick = choices[Symbol.iterator]();
          let mostRunning = 0;
          for (;;) {
            await settle();
            for (const id of started) if (!running.has(id) && !ended.has(id)) running.add(id);
            mostRunning = Math.max(mostRunning, queue.load().running);
            const open = [...running];
            if (open.length === 0) break;
            // One of the running tasks ends, chosen by the generated stream.
            const id = open[pick.next().value % open.length]!;
            running.delete(id);
            ended.add(id);
            tasks[id]!.end(failures[id]);
          }
          const results = await Promise.all(answers);
          expect(mostRunning).toBeLessThanOrEqual(limit);
          expect(mostRunning).toBe(Math.min(limit, failures.length));
          expect(started).toEqual(failures.map((_, id) => id));
          expect(results).toEqual(failures.map((failed, id) => ({ id: failed ? undefined : id, failed })));
          expect(queue.load()).toEqual({ running: 0, waiting: 0 });
        },
      ),
      { numRuns: 100 },
    );
  });
});
