// `buildmedic scan [DIR]`: finds known native-build failure risks in a project's build files before any build runs.

import type { Command } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';

interface ScanCliOptions {
  json?: boolean;
  only: string[];
  color?: boolean;
}

/** `--only a,b --only c` → ['a', 'b', 'c']. */
export function collectIds(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** `--only` takes ids `buildmedic explain` knows; a typo would otherwise silently report nothing. */
export async function checkOnlyIds(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { ruleDocPath } = await import('../docs.js');
  const unknown = ids.filter((id) => ruleDocPath(id) === null);
  if (unknown.length) throw new BuildmedicError('usage', `--only: no rule or check named ${unknown.join(', ')} (\`buildmedic rules\` lists them)`);
}

async function runScanCommand(dir: string | undefined, opts: ScanCliOptions): Promise<number> {
  await checkOnlyIds(opts.only);
  const { SCANNERS } = await import('../../scan/registry.js');
  const { readProjectFiles } = await import('../../scan/read-project.js');
  const { scanIncomplete, scanProject } = await import('../../scan/run-scan.js');
  const project = await readProjectFiles(dir ?? '.', SCANNERS);
  const report = scanProject(project, SCANNERS, opts.only);
  if (opts.json) {
    const { scanJson } = await import('../../scan/render.js');
    printJson(`${JSON.stringify(scanJson(project.root, report), null, 2)}\n`);
  } else {
    const { renderScanText } = await import('../../scan/render.js');
    printText(renderScanText(report, colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)))));
  }
  // Findings first (1); else a file that could not be read means the scan could not do its whole job (2).
  return report.findings.length ? 1 : scanIncomplete(report) ? 2 : 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('scan')
    .description('find known native-build failure risks in the build files of the project in DIR (Cargo.toml and Rust sources, Cargo.lock, rust-toolchain, flake.nix, Dockerfiles, GitHub Actions workflows), before any build runs')
    .argument('[dir]', 'the project directory (default: the current directory)')
    .option('--json', 'print the findings as JSON (schema: docs/scan-json.md)')
    .option('--only <rule>', 'report only these rule ids (repeat, or separate with commas)', collectIds, [])
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      [
        '',
        'Findings use the rule ids of `buildmedic diagnose` (crate-feature-missing, cargo-lock-missing, nix-flake-untracked-file,',
        'rustc-too-old, wheel-platform-tag-rejected, ...); `buildmedic explain <id>` explains each. Nothing is changed: `buildmedic fix`',
        'shows the fixes as a diff. Git decides what a flake can see (`git ls-files`).',
        '',
        'Exit codes: 0 nothing found, 1 findings reported, 2 scan could not run or could not read a file it needs and found nothing',
        'else (no such directory, invalid TOML, a file over the size cap, bad usage).',
        '',
        'Examples:',
        '  buildmedic scan',
        '  buildmedic scan --json --only crate-feature-missing path/to/project',
      ].join('\n'),
    )
    .action(async (dir: string | undefined, opts: ScanCliOptions) => setExit(await runScanCommand(dir, opts)));
}
