// The one way buildmedic runs git (I/O): repository config and attributes a checkout ships must not run programs.

import { execFile } from 'node:child_process';

/**
 * The git subcommands buildmedic uses. None of them reads a diff, pager, editor, signing or hook setting; the
 * exec-capable settings they do read are overridden by SAFE_CONFIG, and `add` (the only one that runs clean filters)
 * goes through {@link filteredPaths} first.
 */
export type GitSubcommand = 'rev-parse' | 'ls-files' | 'check-ignore' | 'check-attr' | 'add';

/**
 * `-c` settings that win over every config file, including the repository's own `.git/config`. Each one names a
 * program git would otherwise run for the subcommands above (or for a lazy fetch they may start in a partial clone).
 */
export const SAFE_CONFIG: readonly string[] = [
  // ls-files, check-ignore and add refresh the index through the fsmonitor hook (verified with git 2.39).
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  // A lazy fetch of a promisor remote would run core.sshCommand, a remote helper or an ext:: command.
  'protocol.allow=never',
  'core.sshCommand=ssh',
  // An empty value resets the helper list (gitcredentials(7)); credential helpers are programs.
  'credential.helper=',
  'core.askPass=',
  'core.pager=cat',
  'core.editor=true',
];

const SAFE_ENV = {
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  // git 2.44+: never fetch missing objects of a partial clone behind our back.
  GIT_NO_LAZY_FETCH: '1',
  GIT_ASKPASS: '',
  SSH_ASKPASS: '',
};

export interface GitResult {
  /** The exit code; 127 when git could not be started. */
  code: number;
  stdout: string;
  stderr: string;
}

/** The full argument list runGit gives git: the safe settings, then the repository, then the subcommand. */
export function gitArgv(root: string, subcommand: GitSubcommand, args: readonly string[]): string[] {
  return ['--no-pager', ...SAFE_CONFIG.flatMap((c) => ['-c', c]), '-C', root, subcommand, ...args];
}

/** Runs one git subcommand in `root` with SAFE_CONFIG; resolves (never rejects). */
export function runGit(root: string, subcommand: GitSubcommand, args: readonly string[], opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<GitResult> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      'git',
      gitArgv(root, subcommand, args),
      // cwd `/`: a relative PATH entry (`.`) must not find a `git` in the directory buildmedic was started in.
      { cwd: '/', maxBuffer: 256 * 1024 * 1024, timeout: opts.timeoutMs ?? 60_000, env: { ...(opts.env ?? process.env), ...SAFE_ENV } },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 127) : 0;
        resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

// git 2.35.2+ (CVE-2022-24765): "fatal: detected dubious ownership in repository at '/path'"; older 2.35.2 wording
// "fatal: unsafe repository ('/path' is owned by someone else)".
const DUBIOUS_OWNERSHIP = /detected dubious ownership in repository at '([^'\n]*)'|unsafe repository \('([^'\n]*)' is owned by someone else\)/;

/**
 * When git refused to open the repository because another user owns it (its safe.directory check), one sentence
 * saying so; null otherwise. buildmedic never adds a safe.directory exception itself.
 */
export function dubiousOwnership(stderr: string): string | null {
  const m = DUBIOUS_OWNERSHIP.exec(stderr);
  if (!m) return null;
  const repo = m[1] ?? m[2];
  return `git refused to read the repository at ${repo} because another user owns it (git's safe.directory check); if you trust it, run \`git config --global --add safe.directory ${repo}\``;
}

/** Parses `git check-attr -z filter -- PATH...` output: the paths that have a filter driver set. */
export function parseFilterAttributes(stdout: string): { path: string; driver: string }[] {
  const fields = stdout.split('\0');
  const out: { path: string; driver: string }[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const value = fields[i + 2];
    if (value !== 'unspecified' && value !== 'unset') out.push({ path: fields[i], driver: value });
  }
  return out;
}

/**
 * The paths among `paths` that a `git add` would pass through a clean filter (a program named in config, for a
 * driver that the checkout's own .gitattributes may assign). Reading attributes runs nothing.
 */
export async function filteredPaths(root: string, paths: readonly string[], env?: NodeJS.ProcessEnv): Promise<{ path: string; driver: string }[] | GitResult> {
  // `git add DIR` filters the files inside DIR, whose attributes (`DIR/** filter=x`) DIR itself does not show: ask
  // for every file the add would stage (tracked ones too: a changed stat makes git clean them again).
  const listed = await runGit(root, 'ls-files', ['-z', '--cached', '--others', '--exclude-standard', '--', ...paths], { env });
  if (listed.code !== 0) return listed;
  const files = [...new Set([...paths, ...listed.stdout.split('\0').filter(Boolean)])];
  const r = await runGit(root, 'check-attr', ['-z', '--stdin', 'filter'], { env, input: files.map((f) => `${f}\0`).join('') });
  return r.code === 0 ? parseFilterAttributes(r.stdout) : r;
}
