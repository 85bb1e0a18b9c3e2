// Child processes of the end-to-end test: each runs in its own process group, so stopping it also
// stops what it started (code-server's extension host, the language server), and nothing else.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Starts a command in a new process group, with its output appended to logPath. */
export function startProcess(command, argv, { env, cwd, logPath }) {
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(command, argv, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, logPath };
}

/** Stops a process group started by startProcess: SIGTERM, then SIGKILL after graceMilliseconds. */
export async function stopProcess(started, graceMilliseconds = 5_000) {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) {
    return;
  }

  signalGroup(started.child.pid, 'SIGTERM');
  const stopped = await Promise.race([started.exited.then(() => true), delay(graceMilliseconds).then(() => false)]);
  if (!stopped) {
    signalGroup(started.child.pid, 'SIGKILL');
    await started.exited;
  }

  // Children that outlive the group leader (an extension host that ignores SIGTERM) get SIGKILL too.
  signalGroup(started.child.pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Calls check every intervalMilliseconds until it returns a truthy value, and returns that value.
 * Throws `timed out after N s: <description>` when it never does, with the last error of check if any.
 */
export async function waitFor(description, check, { timeoutMilliseconds, intervalMilliseconds = 500 }) {
  const deadline = Date.now() + timeoutMilliseconds;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }

    await delay(intervalMilliseconds);
  }

  const cause = lastError ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${Math.round(timeoutMilliseconds / 1000)} s: ${description}${cause}`);
}
