/** Wakes every waiting subscription once, after an append of this process has been committed. */
export class AppendSignal {
  private listeners = new Set<() => void>();

  /** Registers a one-shot listener; the returned function removes it. */
  onNextAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    const listeners = this.listeners;
    this.listeners = new Set();
    for (const listener of listeners) listener();
  }
}
