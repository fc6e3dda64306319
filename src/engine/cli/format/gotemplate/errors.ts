/**
 * The one error type of the template engine. `message` is exactly what Go's error.Error() would
 * return (the docker CLI prints it after "template parsing error: ").
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** 'parse' for errors from Parse, 'exec' for errors from Execute. */
    readonly phase: 'parse' | 'exec',
    /** What execution had written before failing (Go leaves it in the writer). */
    readonly output: string = '',
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
