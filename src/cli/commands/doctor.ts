// `buildmedic doctor [DIR]`: checks this machine against what the project in DIR needs, before the build fails.

import { Command, Option } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';

const PLATFORMS = ['debian', 'fedora', 'rhel', 'manylinux', 'alpine', 'arch', 'suse', 'macos', 'windows', 'nix'];

interface DoctorCliOptions {
  json?: boolean;
  platform?: string;
  timeout: string;
  verbose?: boolean;
  color?: boolean;
}

async function runDoctorCommand(dir: string | undefined, opts: DoctorCliOptions): Promise<number> {
  const timeoutMs = Number(opts.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new BuildmedicError('usage', `--timeout wants milliseconds > 0, not ${opts.timeout}`);
  const { runDoctor } = await import('../../doctor/run.js');
  const { detectHostPlatform } = await import('../host.js');
  const { redactDeep } = await import('../../report/redact.js');
  // Notes and needs quote project files (a git dependency's URL, a build script's probe), which can hold a token.
  const report = redactDeep(await runDoctor(dir ?? '.', { timeoutMs, host: (opts.platform as never) ?? detectHostPlatform() }));
  if (opts.json) {
    printJson(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { renderDoctorText } = await import('../../doctor/render.js');
    const c = colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
    printText(renderDoctorText(report, c, { verbose: opts.verbose, width: process.stdout.columns }));
  }
  return report.ok ? 0 : 1;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('doctor')
    .description('check this machine against what the project in DIR needs (compilers, libraries, Python, Rust toolchain, targets, CARGO_HOME, disk), before the build fails')
    .argument('[dir]', 'the project directory (default: the current directory); with no project there, the general native-build toolchain is checked')
    .option('--json', 'print the report as JSON (schema: docs/doctor-json.md)')
    .addOption(new Option('--platform <id>', 'give install commands for this platform instead of the detected one').choices(PLATFORMS))
    .option('--timeout <ms>', 'stop a probe that has not answered after this many milliseconds', '5000')
    .option('-v, --verbose', "show every need, every check's detail and every platform's install command")
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      [
        '',
        'Reads Cargo.toml/Cargo.lock (workspaces too), rust-toolchain(.toml), .cargo/config.toml, pyproject.toml, setup.py,',
        'requirements*.txt, .python-version and runtime.txt; probes the machine with short-lived real commands (rustc -vV,',
        'cc --version, pkg-config --modversion, python3, cmake, protoc, ...) in parallel. Nothing is installed or changed,',
        'and nothing the project ships runs: probes run in /, Python isolated (-I), and a rust-toolchain pin by path is',
        'reported, not run.',
        '',
        'Exit codes: 0 everything the project needs is there, 1 something needed is missing, too old/new, not writable or',
        'could not be confirmed (status unknown), 2 doctor could not run (no such directory, unreadable project files, bad usage).',
        '',
        'Examples:',
        '  buildmedic doctor',
        '  buildmedic doctor --json path/to/crate',
      ].join('\n'),
    )
    .action(async (dir: string | undefined, opts: DoctorCliOptions) => setExit(await runDoctorCommand(dir, opts)));
}
