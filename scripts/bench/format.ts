const MB = 1024 * 1024;

/** Milliseconds as the table shows them: `0.42 ms`, `12.3 ms`, `4.21 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
}

/** Bytes as the table shows them: `312 MB`, `1.42 GB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  if (bytes >= 1024 * MB) return `${+(bytes / 1024 / MB).toFixed(2)} GB`;
  if (bytes >= MB) return `${+(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
  return `${(bytes / 1024).toFixed(0)} KB`;
}
