/**
 * Runs `work` with the local time of the time zone `zone` (Node reads TZ again whenever it is
 * set), then puts the machine's back, whatever `work` did.
 */
export async function inTimeZone<T>(zone: string, work: () => T | Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
