// The event object Electron passes first to its listeners: it can be prevented, which some emitters heed.

/** Electron's `Event`. */
export class ElectronEvent {
  defaultPrevented = false;

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}
