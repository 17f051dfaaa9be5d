/** Real time, as the core reads it. */
export const systemClock = { now: () => new Date() };
