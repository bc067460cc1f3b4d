// `buildmedic scan [DIR]`: finds known native-build failure risks in a project's build files before any build runs.

import type { Command } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';

interface ScanCliOptions {
  json?: boolean;
  only: string[];
  color?: boolean;
  unverified?: boolean;
  target?: string;
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
  const { scanProject } = await import('../../scan/run-scan.js');
  const project = await readProjectFiles(dir ?? '.', SCANNERS, { resolveCargo: true, target: opts.target });
  const report = scanProject(project, SCANNERS, opts.only, { unverified: opts.unverified });
  if (opts.json) {
    const { scanJson } = await import('../../scan/render.js');
    process.stdout.write(`${JSON.stringify(scanJson(project.root, report), null, 2)}\n`);
  } else {
    const { renderScanText } = await import('../../scan/render.js');
    process.stdout.write(renderScanText(report, colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)))));
  }
  return report.findings.length ? 1 : 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('scan')
    .description('find known native-build failure risks in the build files of the project in DIR (Cargo.toml and Rust sources, Cargo.lock, rust-toolchain, flake.nix, Dockerfiles, GitHub Actions workflows), before any build runs')
    .argument('[dir]', 'the project directory (default: the current directory)')
    .option('--json', 'print the findings as JSON (schema: docs/scan-json.md)')
    .option('--only <rule>', 'report only these rule ids (repeat, or separate with commas)', collectIds, [])
    .option('--unverified', 'also report findings that could not be verified (held back by default; the output says how many and why)')
    .option('--target <triple>', 'the Rust target the build is for (default: [build] target of .cargo/config.toml, else this machine)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      [
        '',
        'Cargo features are judged on the graph `cargo metadata --offline --locked` resolves (nothing is downloaded); where',
        'cargo cannot resolve it offline, a finding that depends on feature unification is held back as unverified.',
        '',
        'Findings use the rule ids of `buildmedic diagnose` (crate-feature-missing, cargo-lock-missing, nix-flake-untracked-file,',
        'rustc-too-old, wheel-platform-tag-rejected, ...); `buildmedic explain <id>` explains each. Nothing is changed: `buildmedic fix`',
        'shows the fixes as a diff. Git decides what a flake can see (`git ls-files`).',
        '',
        'Exit codes: 0 nothing found, 1 findings reported, 2 scan could not run (no such directory, bad usage).',
        '',
        'Examples:',
        '  buildmedic scan',
        '  buildmedic scan --json --only crate-feature-missing path/to/project',
      ].join('\n'),
    )
    .action(async (dir: string | undefined, opts: ScanCliOptions) => setExit(await runScanCommand(dir, opts)));
}
