/** An error whose message is written for the person who caused it (in Vietnamese), safe to show as is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
