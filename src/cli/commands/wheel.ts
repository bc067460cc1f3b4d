// `buildmedic wheel FILE.whl... | DIR`: audits built wheels (tags, manylinux/musllinux policy, blame, fixes).

import type { Command } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';

interface WheelOptions {
  json?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export async function runWheel(inputs: string[], opts: WheelOptions): Promise<number> {
  if (inputs.length === 0) throw new BuildmedicError('usage', 'no wheel given: name .whl files or a directory holding them');
  const { auditWheelFiles, findWheels, renderWheelText, WHEEL_SCHEMA_VERSION } = await import('../../wheel/index.js');
  const paths = await findWheels(inputs);
  const reports = await auditWheelFiles(paths);
  if (opts.json) {
    printJson(`${JSON.stringify({ schemaVersion: WHEEL_SCHEMA_VERSION, wheels: reports }, null, 2)}\n`);
  } else {
    const c = colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
    printText(renderWheelText(reports, c, { verbose: opts.verbose }));
  }
  if (reports.some((r) => r.status === 'unreadable')) return 2;
  return reports.some((r) => r.status === 'problems') ? 1 : 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('wheel')
    .description(
      'audit built Python wheels without Python: file name and WHEEL tags, RECORD hashes, the manylinux/musllinux policy every ELF object satisfies and which symbol versions pin it, external libraries, architecture and abi3 consistency, and whether PyPI accepts the platform tag',
    )
    .argument('<wheels...>', '.whl files, or directories whose .whl files are all audited')
    .option('--json', 'print the reports as JSON (schema: docs/wheel-json.md)')
    .option('-v, --verbose', 'also show wheels without problems, every object with its policy, and all blame lines')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every wheel is fine, 1 problems found in at least one wheel, 2 a wheel could not be read (or bad usage).\n\nExamples:\n  buildmedic wheel dist/\n  buildmedic wheel --json dist/mypkg-1.0-cp38-abi3-manylinux_2_17_x86_64.whl',
    )
    .action(async (inputs: string[], opts: WheelOptions) => setExit(await runWheel(inputs, opts)));
}
