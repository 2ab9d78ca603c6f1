import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../io';
import { registerPromiseCommands } from './promise';

// A spawned case costs over a second (the CLI loads the whole app), so only the end-to-end
// contract is spawned, concurrently; the remaining error paths run in-process below.
const repo = fileURLToPath(new URL('../../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tend(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/tend.js', 'promise', ...args],
      { cwd: repo },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const weekday = [
  ['09:00', '12:00'],
  ['13:00', '17:00'],
];
const office = {
  timezone: 'Europe/Vilnius',
  hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: ['2026-12-24'],
};

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tend-promise-'));
  await writeFile(file('office.json'), JSON.stringify(office));
  const overlapping = { ...office, hours: { tue: [weekday[0], ['11:00', '17:00']] } };
  await writeFile(file('overlap.json'), JSON.stringify(overlapping));
  await writeFile(file('broken.json'), '{"timezone": "Europe/Vilnius",');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Asserts a usage failure: exit code 2, nothing on stdout, exactly one line on stderr. */
function expectOneLineUsageError(run: Run, line: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.stderr.trimEnd()).toMatch(line);
}

describe.concurrent('tend promise (spawned)', { timeout: 30_000 }, () => {
  it('due prints the due instant in UTC without milliseconds and nothing else', async () => {
    const from = '2026-12-18T17:30:00.250+02:00'; // a Friday evening in Vilnius
    const run = await tend(
      'due',
      '--calendar',
      file('office.json'),
      '--from',
      from,
      '--minutes',
      '60',
    );
    expect(run).toEqual({ code: 0, stdout: '2026-12-21T08:00:00Z\n', stderr: '' });
  });

  it('elapsed prints the whole business minutes between two instants', async () => {
    const run = await tend(
      'elapsed',
      ...['--calendar', file('office.json'), '--from', '2026-12-23T16:00:00Z'],
      ...['--to', '2026-12-25T08:30:59Z'],
    );
    expect(run).toEqual({ code: 0, stdout: '90\n', stderr: '' });
  });

  it('names the calendar field when the file breaks a schema rule', async () => {
    const run = await tend(
      'due',
      '--calendar',
      file('overlap.json'),
      '--from',
      '2026-12-18T10:00:00Z',
      '--minutes',
      '1',
    );
    expectOneLineUsageError(run, 'error: calendar hours.tue.1: intervals overlap');
  });

  it('reports a missing required option on one line', async () => {
    const run = await tend(
      'elapsed',
      '--calendar',
      file('office.json'),
      '--from',
      '2026-12-18T10:00:00Z',
    );
    expectOneLineUsageError(run, "error: required option '--to <instant>' not specified");
  });

  it('explains the calendar file format in --help', async () => {
    const run = await tend('due', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--minutes <n>');
    expect(run.stdout).toContain('"timezone": "Europe/Vilnius"');
    expect(run.stdout).toContain('end may be 24:00');
  });
});

/** Runs `tend promise …` in this process; returns stdout and the error main would report. */
async function inProcess(...args: string[]): Promise<{ stdout: string; error?: unknown }> {
  const program = new Command('tend');
  registerPromiseCommands(program);
  [program, ...program.commands].forEach(function quiet(command: Command) {
    command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    command.commands.forEach(quiet);
  });
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['promise', ...args], { from: 'user' });
    return { stdout: written.join('') };
  } catch (error) {
    return { stdout: written.join(''), error };
  } finally {
    spy.mockRestore();
  }
}

describe('tend promise (in-process error paths)', () => {
  const from = ['--from', '2026-12-18T10:00:00Z'];

  async function usageMessage(...args: string[]): Promise<string> {
    const { stdout, error } = await inProcess(...args);
    expect(stdout).toBe('');
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }

  it('names --calendar when the file is missing or not JSON', async () => {
    expect(
      await usageMessage('due', '--calendar', file('nope.json'), ...from, '--minutes', '1'),
    ).toMatch(/^--calendar: cannot read ".*nope\.json" \(no such file\)$/);
    expect(
      await usageMessage('due', '--calendar', file('broken.json'), ...from, '--minutes', '1'),
    ).toMatch(/^--calendar: ".*broken\.json" is not valid JSON \(.+\)$/);
  });

  it('names --minutes unless it is a whole number from 0 to 525600', async () => {
    for (const minutes of ['-5', '1.5', '1e3', '', 'ten', '525601', '0x10']) {
      expect(
        await usageMessage('due', '--calendar', file('office.json'), ...from, '--minutes', minutes),
      ).toBe('--minutes: must be a whole number from 0 to 525600');
    }
  });

  it('accepts the extreme minute counts 0 and 525600', async () => {
    const base = ['due', '--calendar', file('office.json'), '--from', '2026-12-19T10:00:00Z'];
    expect((await inProcess(...base, '--minutes', '0')).stdout).toBe('2026-12-21T07:00:00Z\n');
    expect((await inProcess(...base, '--minutes', '525600')).error).toBeUndefined();
  });

  it('names --from and --to when an instant has no zone designator or is not a date', async () => {
    expect(
      await usageMessage(
        'due',
        '--calendar',
        file('office.json'),
        '--from',
        '2026-12-18T10:00',
        '--minutes',
        '1',
      ),
    ).toMatch(/^--from: must be an ISO 8601 instant with Z or an offset/);
    expect(
      await usageMessage(
        'elapsed',
        '--calendar',
        file('office.json'),
        ...from,
        '--to',
        '2026-02-30T10:00:00Z',
      ),
    ).toMatch(/^--to: must be an ISO 8601 instant/);
  });

  it('reports a calendar that never opens as one usage line', async () => {
    await writeFile(file('closed.json'), JSON.stringify({ timezone: 'UTC', hours: {} }));
    expect(
      await usageMessage('due', '--calendar', file('closed.json'), ...from, '--minutes', '0'),
    ).toBe('calendar has no working time within 2 years after 2026-12-18T10:00:00.000Z');
  });
});
