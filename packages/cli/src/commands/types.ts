/** How a command ended: an exit code, or the signal that stopped it (re-raised so a parent shell sees it). */
export type CommandOutcome = number | NodeJS.Signals;
