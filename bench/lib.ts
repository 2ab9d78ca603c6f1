/** Small helpers of the benchmark: child servers, peak memory, load, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** A server started as a child process. */
export type ChildServer = { url: string; child: ChildProcess; stop(): Promise<void> };

/** Starts a child process and waits until its output matches `ready` (group 1 = the URL). */
export function startChild(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<ChildServer> {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start:\n${output}`)),
      120_000,
    );
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          child,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Load figures of one autocannon run. */
export type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
};

/**
 * POSTs a JSON body for `seconds` with `connections` concurrent connections: the same body, or a
 * new one per request from a function (e.g. gifts from many donors, as a day's gift entry is).
 */
export async function postLoad(
  url: string,
  body: object | (() => object),
  headers: Record<string, string>,
  seconds: number,
  connections = 10,
): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    headers: { 'content-type': 'application/json', ...headers },
    ...(typeof body === 'function'
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(body()) }),
            },
          ],
        }
      : { body: JSON.stringify(body) }),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Milliseconds a GET with the bearer token takes, its body read; throws unless it answers 200. */
export async function timedGet(url: string, token: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

/** A figure rounded to a tenth, as the tables print milliseconds. */
export const tenth = (x: number) => Math.round(x * 10) / 10;

/** The p-th percentile (0..1) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns calls per second. */
export function rate(ms: number, fn: (i: number) => void): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 100; k++) fn(calls++);
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}
