/**
 * One base error for the whole house. `kind` tells the caller who must act; `hint` tells the
 * user what to change. Subclasses live next to the code that throws them.
 *
 * @example throw new BatonError('usage', 'Unknown format "xml".', 'Use table, json or csv.')
 */
export class BatonError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
