// `npm run dev`: the server restarted by tsx on every change, and Vite's dev server with hot reload.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

const children: ChildProcess[] = [
  // API on PORT (3000); Vite proxies /api, /healthz, /readyz and /metrics to it.
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/cli/main.ts', 'start'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(bin('vite'), ['--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' }),
];

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
