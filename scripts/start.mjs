// `npm start`: builds, then opens the desktop app; where Electron's binary is missing and cannot be fetched,
// says so in one line and starts the browser shell on the same corpus instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!args.includes('--no-build'))
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);

let binary = electronBinary();
let why = '';
if (!binary && !args.includes('--web')) {
  const install = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  binary = electronBinary();
  why =
    (install.stderr || install.stdout || '')
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim() ?? 'no binary';
}

const passThrough = args.filter((arg) => arg !== '--no-build' && arg !== '--web');
if (binary && !args.includes('--web')) {
  spawn(binary, ['.', ...passThrough], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!args.includes('--web'))
    console.log(`Electron's binary is not available here (${why}); starting the browser shell instead.`);
  spawn(process.execPath, ['out/main/web.js', ...passThrough], { stdio: 'inherit' }).on('exit', (code) =>
    process.exit(code ?? 0),
  );
}
