import { spawn } from 'node:child_process';

/** Open `url` in the user's own browser with the system's opener; a missing opener only costs the convenience. */
export function openInBrowser(url: string, onFailure: (reason: string) => void): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  if (command === undefined) return;
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => onFailure(error.message));
  child.unref();
}
