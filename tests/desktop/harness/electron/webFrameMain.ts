// Electron's `WebFrameMain`: a frame of a window, by the stand-in's record of the window's frames (kept from the
// DevTools protocol's navigation events), so that `senderFrame.url` is the frame's current address.

/** The frames of one window, by DevTools frame id. */
export type Frames = Map<string, { url: string; name: string; parentId?: string }>;

/** The stand-in's `WebFrameMain`. */
export class WebFrameMain {
  #frames: Frames;
  #id: string;

  constructor(frames: Frames, id: string) {
    this.#frames = frames;
    this.#id = id;
  }

  get url(): string {
    return this.#frames.get(this.#id)?.url ?? '';
  }

  get origin(): string {
    const url = this.url;
    return url.startsWith('file:') ? 'file://' : URL.canParse(url) ? new URL(url).origin : 'null';
  }

  get name(): string {
    return this.#frames.get(this.#id)?.name ?? '';
  }

  get parent(): WebFrameMain | null {
    const parent = this.#frames.get(this.#id)?.parentId;
    return parent ? new WebFrameMain(this.#frames, parent) : null;
  }

  get top(): WebFrameMain | null {
    return this.parent?.top ?? this;
  }

  isDestroyed(): boolean {
    return !this.#frames.has(this.#id);
  }
}
