// A real self-host process (the build output of src/SelfHost) on a free loopback port with a fresh data root,
// and the admin CLI to create users in it, exactly as scripts/demo.sh does.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { artifact, serverDll } from './paths.mjs';

const run = promisify(execFile);

export async function startServer(name) {
  if (!existsSync(serverDll)) {
    throw new Error(`${serverDll} is missing: build first (dotnet build src/SelfHost -c Release)`);
  }
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'vm-web-'));
  // Metrics off: a second listener on a fixed port (VoiceMemory:Metrics) would clash with any other server on the machine.
  const env = { ...process.env, VoiceMemory__DataRoot: dataRoot, VoiceMemory__Metrics__Enabled: 'false', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
  delete env.ASPNETCORE_URLS;
  const log = createWriteStream(artifact(`server-${name}.log`));
  // Port 0: the kernel picks a free port and the server logs it ("Now listening on: http://127.0.0.1:NNNNN").
  const child = spawn('dotnet', [serverDll, '--urls', 'http://127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(log);
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s; see ${log.path}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      log.write(chunk);
      seen += chunk;
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening; see ${log.path}`));
    });
  });
  child.stdout.on('data', (chunk) => log.write(chunk));
  const health = await fetch(`${url}/api/health`);
  if (health.status !== 200 && health.status !== 503) throw new Error(`/api/health answered ${health.status}`);

  return {
    url,
    dataRoot,
    /** Creates a user with the admin CLI; resolves to their API key. */
    async addUser(userName) {
      const { stdout } = await run('dotnet', [serverDll, 'users', 'add', userName], { env });
      return stdout.trim();
    },
    /** Calls the API directly (to check what the browser did). */
    api(key, pathAndQuery, init = {}) {
      return fetch(`${url}${pathAndQuery}`, { ...init, headers: { Authorization: `Bearer ${key}`, ...(init.headers ?? {}) } });
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
