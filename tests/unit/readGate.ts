/**
 * Holds a read that a test has mocked, once it has read, until the test lets it return: to make
 * a change race a read already under way. The mock passes what it read through `pass`; the test
 * calls `hold` before the read it wants to hold.
 */
export function readGate() {
  let next: { read: () => void; released: Promise<void> } | undefined;
  return {
    /** Returns `value`, after the test releases this read if it holds it. */
    async pass<T>(value: T): Promise<T> {
      const held = next;
      next = undefined;
      held?.read();
      await held?.released;
      return value;
    },
    /** Holds the next read after it has read: `read` settles then, `release` lets it return. */
    hold() {
      let read!: () => void;
      let release!: () => void;
      const hasRead = new Promise<void>((resolve) => (read = resolve));
      next = { read, released: new Promise<void>((resolve) => (release = resolve)) };
      return { read: hasRead, release };
    },
  };
}
