/**
 * The few most recently used cases, kept in memory so that the open case's views and corrections do not
 * go back to IndexedDB each time. Bounded because every case holds its files, straightened chromosomes
 * and profiles (megabytes): unbounded, a day of cases in a row grows the worker without end (issue #7).
 * Evicted cases are still in IndexedDB and come back on the next use.
 */
export class RecentCases<T> {
  private readonly entries = new Map<string, T>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`capacity must be ≥ 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The case, now the most recently used; undefined when not held. */
  get(id: string): T | undefined {
    const value = this.entries.get(id);
    if (value === undefined) return undefined;
    this.entries.delete(id);
    this.entries.set(id, value);
    return value;
  }

  /** Holds the case as the most recently used, dropping the least recently used past the capacity. */
  set(id: string, value: T): void {
    this.entries.delete(id);
    this.entries.set(id, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }
}
