/** Undoes a subscription. */
export type Disposer = () => void;

/**
 * One kind of event and its listeners: `event` subscribes and returns the disposer, `fire` tells every
 * listener subscribed when it starts (one that unsubscribes meanwhile is still told this once).
 */
export class Emitter<T> {
  private readonly listeners = new Set<(payload: T) => void>();

  /** Subscribes `listener`; the returned function unsubscribes it. */
  readonly event = (listener: (payload: T) => void): Disposer => {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const subscription = (payload: T) => listener(payload);
    this.listeners.add(subscription);
    return () => void this.listeners.delete(subscription);
  };

  /** Tells every listener. */
  fire(payload: T): void {
    for (const listener of [...this.listeners]) listener(payload);
  }

  /** How many listeners are subscribed (tests check that nothing leaks). */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
