/**
 * Injectable faults, shared by the WxM API and the Finesse-side token service.
 * A fault matches a request when its `route` is a prefix of the request path (e.g. "/api/answers",
 * "/finesse/api/CloudConnectTokenService") or "*" for every WxM route. `count` limits how many requests it hits.
 */
export interface FaultSpec {
  route: string;
  /** Answer with this status instead (e.g. 401, 429, 503). */
  status?: number;
  /** Wait this long first (a timeout test sets it above the client's timeout). */
  delayMs?: number;
  /** How many matching requests it applies to; unlimited when absent. */
  count?: number;
  /** Answer 200 with a body of the right type but broken content. */
  malformed?: boolean;
  /** `/api/answers/page` after the first page: serve the previous page's content again (a server that repeats a page). */
  repeatPage?: boolean;
  /** `/api/answers/page` after the first page: start this many rows early, overlapping the previous page. */
  overlapRows?: number;
}

export class FaultRegistry {
  private faults: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    if (typeof spec.route !== 'string' || spec.route === '') throw new Error('fault needs a route');
    this.faults.push({ ...spec });
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly FaultSpec[] {
    return this.faults;
  }

  /** The first fault that matches the path (and `applies`, when given), counting it down (dropping it when used up). */
  take(path: string, applies: (f: FaultSpec) => boolean = () => true): FaultSpec | undefined {
    const index = this.faults.findIndex((f) => (f.route === '*' || path.startsWith(f.route)) && applies(f));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (fault.count !== undefined) {
      fault.count -= 1;
      if (fault.count <= 0) this.faults.splice(index, 1);
    }
    return fault;
  }
}
