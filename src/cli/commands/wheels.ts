// `buildmedic wheels [DIR]`: which dependencies have no wheel for the deploy target (so pip builds them from source), and the way out.

import type { Command } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';

interface WheelsCliOptions {
  python?: string;
  platform?: string;
  file?: string;
  offline?: boolean;
  cacheDir?: string;
  cache: boolean;
  redact: boolean;
  timeout: string;
  json?: boolean;
  fix?: boolean;
  write?: boolean;
  unsafe?: boolean;
  color?: boolean;
}

async function runWheelsCommand(dir: string | undefined, opts: WheelsCliOptions): Promise<number> {
  if (opts.write && !opts.fix) throw new BuildmedicError('usage', '--write applies the plan of --fix; give both');
  if (opts.unsafe && !opts.write) throw new BuildmedicError('usage', '--unsafe applies unsafe fixes with --fix --write; give those too');
  if (opts.fix && opts.json) throw new BuildmedicError('usage', '--fix prints a diff after the text report; it cannot be combined with --json');
  const timeoutMs = Number(opts.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new BuildmedicError('usage', `--timeout ${opts.timeout}: expected a number of seconds`);
  if (opts.platform !== undefined) {
    // Checked before any lookup: an unknown tag would otherwise only fail per package, or not at all offline.
    const { platformTags } = await import('../../wheels/tags.js');
    try {
      platformTags(opts.platform);
    } catch (error) {
      throw new BuildmedicError('usage', `--platform: ${(error as Error).message}`);
    }
  }
  const { runWheelsCheck } = await import('../../wheels/run.js');
  const { defaultCacheDir } = await import('../../wheels/pypi/client.js');
  const root = dir ?? '.';
  const report = await runWheelsCheck(root, {
    python: opts.python,
    platform: opts.platform,
    file: opts.file,
    offline: opts.offline,
    cacheDir: opts.cache ? (opts.cacheDir ?? defaultCacheDir()) : null,
    env: process.env,
    timeoutMs,
  });
  const c = colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
  // The index URL (PIP_INDEX_URL, --index-url) and the file URLs under it can carry credentials: mask the whole report.
  const { redactDeep } = await import('../../report/redact.js');
  const shown = opts.redact ? redactDeep(report) : report;
  if (opts.json) {
    const { wheelsJson } = await import('../../wheels/render.js');
    printJson(`${JSON.stringify(wheelsJson(shown), null, 2)}\n`);
  } else {
    const { renderWheelsText } = await import('../../wheels/render.js');
    printText(renderWheelsText(shown, c));
  }
  if (opts.fix) {
    const { composeFixes } = await import('../../fix/compose.js');
    const { renderUnifiedDiff } = await import('../../fix/render-diff.js');
    const { readPythonProjectFiles } = await import('../../wheels/run.js');
    const files = await readPythonProjectFiles(root, opts.file ? [opts.file] : []);
    const project = { root, files, gitTracked: null, gitIgnored: null };
    if (opts.write) {
      // The same policy as `fix --write`: unsafe plans (every version bump or pin changes what gets deployed) only with --unsafe.
      const { heldAsUnsafe } = await import('../../fix/run-fix.js');
      const { writeChanges } = await import('../../fix/write-files.js');
      const held = report.findings.map((f) => heldAsUnsafe(f, Boolean(opts.unsafe))).filter((h) => h !== null);
      const composed = composeFixes(project, report.findings.filter((f) => !heldAsUnsafe(f, Boolean(opts.unsafe))));
      const { cleanUpTempFilesOnSignals } = await import('../signals.js');
      const uninstall = cleanUpTempFilesOnSignals();
      const { written, refused } = await writeChanges(root, composed.changes).finally(uninstall);
      // Reasons and paths quote the project: the same stderr policy as errors (no controls, fenced under Actions).
      const { printStderr } = await import('../stdout.js');
      const lines = [...held.map((h) => `held back: ${h.reason}`), ...refused.map((r) => `refused: ${r.reason}`), `${written.length} file${written.length === 1 ? '' : 's'} changed: ${written.join(', ') || 'none'}`];
      printStderr(`${lines.join('\n')}\n`);
      if (refused.length) return 2;
    } else {
      const { maskFixText } = await import('../../fix/render.js');
      const diff = renderUnifiedDiff(composeFixes(project, report.findings).changes);
      printText(opts.redact ? maskFixText(diff, false, '`buildmedic wheels --fix --write`') : diff);
    }
  }
  if (report.findings.length) return 1;
  return report.problems.length || report.verdicts.some((v) => v.status === 'unknown') ? 2 : 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('wheels')
    .description('check the Python dependencies of the project in DIR against its deploy target: which have no wheel for that Python and platform (so pip builds them from source, often needing Rust or a C toolchain), what that build needs, and the way out')
    .argument('[dir]', 'the project directory (default: the current directory)')
    .option('--python <version>', 'the target CPython, e.g. 3.13 (3.13t: free-threaded); default: runtime.txt, .python-version, the Dockerfile FROM python:X, render.yaml/nixpacks PYTHON_VERSION, else the newest requires-python allows')
    .option('--platform <tag>', 'the target platform tag, e.g. manylinux_2_28_x86_64, musllinux_1_2_aarch64, macosx_14_0_arm64, win_amd64; default: from the Dockerfile base image or PaaS files')
    .option('--file <path>', 'the dependency file to check (requirements file, uv.lock, poetry.lock, pylock.toml, Pipfile.lock, pyproject.toml); default: the first of these found')
    .option('--offline', 'use only cached index pages (no network)')
    .option('--cache-dir <dir>', 'where index pages are cached (default: $XDG_CACHE_HOME/buildmedic/pypi)')
    .option('--no-cache', 'neither read nor write the cache')
    .option('--timeout <seconds>', 'deadline of each index request (connecting, headers and body)', '15')
    .option('--no-redact', 'do not mask credentials (index URLs with user:password@) in the output')
    .option('--json', 'print the report as JSON (schema: docs/wheels-json.md)')
    .option('--fix', 'also print the fixes as a unified diff: a version bump, a Python pin, or a binary-only setting where the deploy is configured')
    .option('--write', 'with --fix, apply the safe fixes (atomic writes; nothing outside DIR, a file changed meanwhile is left alone)')
    .option('--unsafe', 'with --fix --write, also apply fixes marked unsafe (a version bump, a Python pin, a binary-only setting: they change what is deployed)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      [
        '',
        'Wheel compatibility follows pip (packaging.tags): cpXY and abi3 wheels, manylinux glibc ordering and legacy aliases,',
        'musllinux, macOS and Windows platforms, requires-python and yanked files. The index is PIP_INDEX_URL or the',
        'requirements file\'s --index-url (default https://pypi.org/simple), read with the PEP 691 JSON API;',
        'PIP_ONLY_BINARY / --only-binary in the project and environment are honoured.',
        '',
        'Exit codes: 0 every package installs from a wheel, 1 packages build from source or cannot be installed,',
        '2 the check could not run or could not check every package (no dependency file, unreadable lines, index unreachable),',
        'or --fix --write refused a write (outside DIR, a hard link, a line to edit that is not UTF-8).',
        '',
        'Examples:',
        '  buildmedic wheels',
        '  buildmedic wheels --python 3.13 --platform manylinux_2_28_x86_64 path/to/app',
        '  buildmedic wheels --offline --json',
        '  buildmedic wheels --fix --write --unsafe',
      ].join('\n'),
    )
    .action(async (dir: string | undefined, opts: WheelsCliOptions) => setExit(await runWheelsCommand(dir, opts)));
}
