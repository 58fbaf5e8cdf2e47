/** Every user-facing Vietnamese string of theodoi: sheet headers, statuses, errors, summary text. */
// Code, logs and comments stay in English; only what officers and leadership read lives here.

/** Messages shown by the health endpoint and the CLI. */
export const general = {
  healthOk: 'theodoi đang hoạt động',
  healthDegraded: 'theodoi đang hoạt động nhưng không kết nối được Firestore',
} as const;
