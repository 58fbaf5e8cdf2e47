/** What an HTTP use case answers; the entry point turns it into the response. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}
