// `buildmedic scan [DIR]`: finds known native-build failure risks in a project's build files before any build runs.

import { type Command, Option } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';
import { printJobLog, printJson, printText } from '../stdout.js';

interface ScanCliOptions {
  json?: boolean;
  format?: 'text' | 'json' | 'gitlab';
  codequality?: string;
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

async function runScanCommand(paths: string[], opts: ScanCliOptions): Promise<number> {
  await checkOnlyIds(opts.only);
  const { SCANNERS } = await import('../../scan/registry.js');
  const { readProjectFiles } = await import('../../project/read-project.js');
  const { scanIncomplete, scanProject } = await import('../../scan/run-scan.js');
  const { resolveScanTarget, selectForFiles } = await import('../../scan/changed-files.js');
  const target = await resolveScanTarget(paths, process.cwd());
  // Changed files (pre-commit): the whole project is scanned, since a finding in one file can rest on another.
  const project = await readProjectFiles(target.kind === 'directory' ? target.dir : target.root, SCANNERS, { resolveCargo: true, target: opts.target });
  const whole = scanProject(project, SCANNERS, opts.only, { unverified: opts.unverified });
  const report = target.kind === 'files' ? selectForFiles(whole, target.files) : whole;
  const { redactDeep } = await import('../../report/redact.js');
  // Findings, problems and held-back findings quote project files (workflows, Dockerfiles), which can hold a token:
  // every format masks them as diagnose's do (the text and JSON formats printed them unmasked).
  const masked = redactDeep(report);
  const format = opts.format ?? (opts.json ? 'json' : process.env.GITLAB_CI === 'true' ? 'gitlab' : 'text');
  if (format === 'json') {
    const { scanJson } = await import('../../scan/render.js');
    printJson(`${JSON.stringify(scanJson(project.root, masked), null, 2)}\n`);
  } else {
    const { renderScanText } = await import('../../scan/render.js');
    const { neutralizeDeep } = await import('../../report/gitlab.js');
    // In a GitLab job log, a quoted file line must not be able to open, close or hide a section.
    const text = renderScanText(format === 'gitlab' ? neutralizeDeep(masked) : masked, colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY))));
    if (format === 'gitlab') {
      const { renderGitlabSections } = await import('../../report/gitlab.js');
      const n = report.findings.length;
      const header = `buildmedic scan: ${n ? `${n} native-build risk${n === 1 ? '' : 's'} found` : 'no native-build risks found'}`;
      printJobLog(renderGitlabSections([{ name: 'buildmedic_scan', header, body: text, collapsed: n === 0 }], Math.floor(Date.now() / 1000)));
    } else {
      printText(text);
    }
  }
  if (opts.codequality) {
    const { codeQualityFromScan, formatCodeQuality } = await import('../../report/codequality.js');
    const { writeOutput } = await import('../../report/emit-reports.js');
    const { jsonTerminalSafe } = await import('../../report/terminal-safe.js');
    await writeOutput(opts.codequality, jsonTerminalSafe(formatCodeQuality(codeQualityFromScan(masked.findings, project.root, process.env.CI_PROJECT_DIR ?? process.cwd()))));
  }
  // Findings first (1); else a file that could not be read means the scan could not do its whole job (2).
  return report.findings.length ? 1 : scanIncomplete(report) ? 2 : 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('scan')
    .description('find known native-build failure risks in the build files of the project in DIR (Cargo.toml and Rust sources, Cargo.lock, rust-toolchain, flake.nix, Dockerfiles, GitHub Actions workflows), before any build runs')
    .argument('[dir|files...]', 'the project directory (default: the current directory), or changed files: then the project holding them is scanned and only findings in them, or fixed in them, are reported (pre-commit)')
    .option('--json', 'print the findings as JSON (schema: docs/scan-json.md); same as --format json')
    .addOption(new Option('--format <format>', 'text, json, or gitlab (the text in a collapsible job-log section; the default under GitLab CI)').choices(['text', 'json', 'gitlab']))
    .option('--codequality <file>', 'also write the findings as a GitLab Code Quality report (for artifacts:reports:codequality)')
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
        'Exit codes: 0 nothing found, 1 findings reported, 2 scan could not run or could not read a file it needs and found nothing',
        'else (no such directory, invalid TOML, a file over the size cap, bad usage).',
        '',
        'Examples:',
        '  buildmedic scan',
        '  buildmedic scan --json --only crate-feature-missing path/to/project',
        '  buildmedic scan Cargo.toml crates/app/Cargo.toml      # what pre-commit runs: findings in these files only',
      ].join('\n'),
    )
    .action(async (paths: string[], opts: ScanCliOptions) => setExit(await runScanCommand(paths, opts)));
}
