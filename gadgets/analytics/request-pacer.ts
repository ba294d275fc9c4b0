/**
 * Runs request tasks in the order they were queued, with at most `concurrency` in flight and at most `perWindow`
 * counted in any second: WxM allows ~15 requests per second per token, and a 429 costs a whole Retry-After.
 * The server counts a request when it handles it — somewhere between our send and its reply, later when it is
 * busy — so a request counts from its start until a second after its reply.
 */
export type Pacer = <T>(task: () => Promise<T>) => Promise<T>;

const WINDOW_MS = 1000;

export function requestPacer(concurrency: number, perWindow: number): Pacer {
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting: (() => void)[] = [];
  /** Reply times of the finished requests that still count. */
  const finished: number[] = [];
  const next = () => {
    while (active < concurrency && waiting.length > 0) {
      const now = Date.now();
      while (finished.length > 0 && finished[0]! <= now - WINDOW_MS) finished.shift();
      if (active + finished.length >= perWindow) {
        if (finished.length > 0) {
          timer ??= setTimeout(() => {
            timer = undefined;
            next();
          }, finished[0]! + WINDOW_MS - now);
        }
        return; // else a reply will call next()
      }
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
            finished.push(Date.now());
            next();
          });
      });
      next();
    });
}
