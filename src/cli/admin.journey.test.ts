import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';

/** These tests run the real `tend` command, as an admin would, on throw-away data folders. */
const tend = join(import.meta.dirname, '../../bin/tend.js');
const folders: string[] = [];
const servers: ChildProcess[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tend-cli-'));
  folders.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      'node',
      [tend, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

const lastLine = (s: string) => s.trim().split('\n').at(-1)!;

/** Polls until `probe` yields a value (at most 20 s). */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting');
}

/** Starts `tend serve` on a free port; resolves with its URL and everything it said. */
function serve(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; child: ChildProcess }> {
  const child = spawn('node', [tend, 'serve', '--port', '0'], {
    env: { ...process.env, LOG_LEVEL: 'warn', SMTP_LISTEN: '127.0.0.1:0', ...env },
  });
  servers.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
      const m = /Tend listens on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, output: () => output, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

afterAll(async () => {
  for (const s of servers) s.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

describe('first run', () => {
  it('creates the demo organization, prints how to sign in, and the printed password works', async () => {
    const env = { TEND_DATA_DIR: await dataDir() };
    const server = await serve(env);
    const email = /Sign in as\s+(\S+)/.exec(server.output())![1]!;
    const password = /Password\s+(\S+)/.exec(server.output())![1]!;
    const ready = await fetch(`${server.url}/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const contacts = await fetch(`${server.url}/api/v1/contacts?q=kovalenko&limit=5`, {
      headers: { cookie },
    });
    expect(contacts.status).toBe(200);
    const docs = await fetch(`${server.url}/api/openapi.json`);
    expect(((await docs.json()) as { openapi: string }).openapi).toBe('3.1.0');

    // Its demo history sent nobody mail; an email to the demo's address opens a request, and
    // the acknowledgement lands in the mail folder (no SMTP_URL on a fresh install).
    const mailDir = join(env.TEND_DATA_DIR, 'mail');
    const smtpPort = await until(
      () => /receiving on 127\.0\.0\.1:(\d+)/.exec(server.output())?.[1],
    );
    expect(await readdir(mailDir).catch(() => [])).toEqual([]);
    await nodemailer
      .createTransport({ host: '127.0.0.1', port: Number(smtpPort), ignoreTLS: true })
      .sendMail({
        from: '"Rūta Kazlauskienė" <ruta.k@example.lt>',
        to: 'help@demo.example.org',
        subject: 'Maisto paketas',
        text: 'Laba diena, ar galėčiau gauti maisto paketą?',
      });
    const saved = await until(async () => (await readdir(mailDir).catch(() => []))[0]);
    const ack = await simpleParser(await readFile(join(mailDir, saved)));
    expect(ack.to).toMatchObject({ text: 'ruta.k@example.lt' });
    expect(ack.subject).toMatch(/^\[R-\d+\] Gavome jūsų prašymą: Maisto paketas$/); // she wrote in Lithuanian
    const found = await fetch(`${server.url}/api/v1/contacts?q=ruta.k%40example.lt`, {
      headers: { cookie },
    });
    const contact = ((await found.json()) as { data: { id: string }[] }).data[0]!;
    const requests = await fetch(
      `${server.url}/api/v1/requests?view=all&requesterId=${contact.id}`,
      {
        headers: { cookie },
      },
    );
    expect(((await requests.json()) as { data: { subject: string }[] }).data[0]?.subject).toBe(
      'Maisto paketas',
    );

    // While it runs, the data folder is taken: another command says who holds it.
    const second = await run(['migrate'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('in use by "tend serve"');
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }, 120_000);
});

describe('administration commands', () => {
  it('create an organization, its admin and an API token that the server accepts', async () => {
    const env = { TEND_DATA_DIR: await dataDir(), TEND_DEMO: 'off' };
    const org = await run(
      [
        'org',
        'create',
        '--name',
        'Vilniaus maisto bankas',
        '--country',
        'LT',
        '--timezone',
        'Europe/Vilnius',
        '--inbound',
        'pagalba@maistobankas.example',
      ],
      env,
    );
    expect(org.code).toBe(0);
    expect(lastLine(org.stdout)).toBe('vilniaus-maisto-bankas');
    const admin = await run(
      [
        'admin',
        'create',
        '--org',
        'vilniaus-maisto-bankas',
        '--email',
        'Rasa@MaistoBankas.example',
      ],
      env,
      'a long enough password\n',
    );
    expect(admin.code).toBe(0);
    expect(lastLine(admin.stdout)).toMatch(/^[0-9a-f-]{36}$/);
    const token = await run(
      ['token', 'create', '--email', 'rasa@maistobankas.example', '--name', 'website'],
      env,
    );
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split('\n')).toHaveLength(1);
    const secret = lastLine(token.stdout);
    expect(secret).toMatch(/^tend_pat_/);

    const server = await serve(env);
    const me = await fetch(`${server.url}/api/v1/organization`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(await me.json()).toMatchObject({
      slug: 'vilniaus-maisto-bankas',
      defaultCountry: 'LT',
      inboundAddresses: ['pagalba@maistobankas.example'],
    });
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }, 120_000);

  it('refuse bad input with exit code 2 and one line naming the field', async () => {
    const env = { TEND_DATA_DIR: await dataDir(), TEND_DEMO: 'off' };
    const badCountry = await run(['org', 'create', '--name', 'X', '--country', 'LTU'], env);
    expect(badCountry.code).toBe(2);
    expect(badCountry.stderr.trim()).toBe('error: --country: a two-letter ISO code');
    await run(['org', 'create', '--name', 'Y'], env);
    const shortPassword = await run(
      ['admin', 'create', '--org', 'y', '--email', 'a@example.org'],
      env,
      'short\n',
    );
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toContain('password: at least 10 characters');
    const noUser = await run(
      ['token', 'create', '--email', 'nobody@example.org', '--name', 'x'],
      env,
    );
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('--email: no staff user');
  }, 120_000);
});
