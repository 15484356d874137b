/** Upper bounds in seconds of the send-duration histogram: from a loopback answer (5 ms) to the 30 s timeout. */
export const SEND_DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
