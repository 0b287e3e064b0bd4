import { execFileSync } from 'node:child_process';

/** Builds the command line and every shell once, so process and browser tests run the current source. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs', 'cli'], { stdio: 'inherit' });
  execFileSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
}
