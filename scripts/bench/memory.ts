/** The peak resident memory of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Peak memory after each phase of a run, so the phase that set the peak can be named. */
export class MemoryCheckpoints {
  private readonly marks: Array<{ phase: string; peak: number }> = [];

  /** Records the peak so far, at the end of `phase`. */
  mark(phase: string): void {
    this.marks.push({ phase, peak: peakRss() });
  }

  /** The checkpoints in order, for the JSON. */
  toJSON(): Array<{ phase: string; peak: number }> {
    return [...this.marks];
  }

  /** The first phase by whose end the peak had reached its final value, or null before any mark. */
  peakPhase(): string | null {
    const last = this.marks.at(-1);
    return last ? this.marks.find((m) => m.peak === last.peak)!.phase : null;
  }
}
