/**
 * Runs request tasks with at most `concurrency` in flight and at most `perSecond` started in any second, in the
 * order they were queued: WxM allows ~15 requests per second per token, and a 429 costs a whole Retry-After.
 */
export type Pacer = <T>(task: () => Promise<T>) => Promise<T>;

export function requestPacer(concurrency: number, perSecond: number): Pacer {
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting: (() => void)[] = [];
  const starts: number[] = [];
  const next = () => {
    while (active < concurrency && waiting.length > 0) {
      const now = Date.now();
      while (starts.length > 0 && starts[0]! <= now - 1000) starts.shift();
      if (starts.length >= perSecond) {
        timer ??= setTimeout(() => {
          timer = undefined;
          next();
        }, starts[0]! + 1000 - now);
        return;
      }
      starts.push(now);
      active++;
      waiting.shift()!();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
