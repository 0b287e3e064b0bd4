import { formatBytes, formatMs } from './format';
import type { BenchRow, Figure, Unit } from './rows';

const HEADERS = ['Reports', 'What', 'Figure', 'Reference', 'Ratio', 'Budget', 'Verdict'];

/** The rows as one Markdown table, then the numbered notes its rows point to. */
export function renderTable(rows: readonly BenchRow[]): string {
  const notes: string[] = [];
  const cells = rows.map((row) => {
    let what = row.what;
    if (row.note) {
      notes.push(row.note);
      what += ` [${notes.length}]`;
    }
    return [
      row.size === null ? 'any' : row.size.toLocaleString('en-US'),
      what,
      formatFigure(row.figure, row.unit),
      row.reference ? `${row.reference.what}: ${formatFigure(row.reference, row.unit)}` : '—',
      formatRatio(row),
      row.budget ?? '—',
      formatVerdict(row),
    ];
  });
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [line(HEADERS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  return [...table, '', ...notes.map((note, i) => `[${i + 1}] ${note}`)].join('\n');
}

function formatFigure(figure: Figure, unit: Unit): string {
  const format = unit === 'bytes' ? formatBytes : formatMs;
  if (figure.samples === 0) return 'not measured';
  if (figure.timedOut) return `timeout (> ${format(figure.median)})`;
  return figure.p95 === null
    ? format(figure.median)
    : `p50 ${format(figure.median)} · p95 ${format(figure.p95)}`;
}

function formatRatio(row: BenchRow): string {
  if (row.ratio === null || !Number.isFinite(row.ratio)) return '—';
  // A reference that timed out is a lower bound, so the speed-up over it is too.
  const bound = row.reference?.timedOut ? '≥ ' : '';
  if (row.ratio >= 1) return `${row.ratio.toFixed(1)}×`;
  const speedup = 1 / row.ratio;
  return `${bound}${speedup.toFixed(speedup >= 10 ? 0 : 1)}× faster`;
}

function formatVerdict(row: BenchRow): string {
  if (row.verdict !== 'MISS') return row.verdict ?? '—';
  const missed = row.checks.filter((c) => !c.pass).map((c) => (c.stat === 'median' ? 'p50' : c.stat));
  return row.checks.length > 1 ? `MISS (${missed.join(', ')})` : 'MISS';
}
