/** Engine API errors: an HTTP status and the daemon's message, which the CLI prints after `Error response from daemon: `. */
export class ApiError {
  readonly status: number;
  readonly message: string;
  /** Failed after a 200 response began streaming (a pull's `errorDetail`): the CLI prints the message bare. */
  readonly inStream: boolean;
  constructor(status: number, message: string, inStream = false) {
    this.status = status;
    this.message = message;
    this.inStream = inStream;
  }
}

export const notFound = (what: string) => new ApiError(404, what);
export const noSuchContainer = (ref: string) => new ApiError(404, `No such container: ${ref}`);
export const conflict = (message: string) => new ApiError(409, message);
export const badRequest = (message: string) => new ApiError(400, message);

/** filters.ToJSON (moby api/types/filters): `{"key":{"value":true}}`, as the CLI sends `?filters=`. */
export function filtersJSON(filters: Readonly<Record<string, readonly string[]>> | ReadonlyMap<string, readonly string[]>): string {
  const entries: [string, readonly string[]][] = filters instanceof Map ? [...filters] : Object.entries(filters);
  return JSON.stringify(Object.fromEntries(entries.map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v, true]))])));
}
