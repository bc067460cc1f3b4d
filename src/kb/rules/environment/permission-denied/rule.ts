// permission-denied: the build could not write (or execute) a file because of ownership or permissions, outside
// CARGO_HOME (that is cargo-home-readonly).

import { defineRule } from '../../../rule.js';

// Paths that belong to CARGO_HOME: reported by cargo-home-readonly, with its own fix.
const CARGO_HOME_PATH = /(?:\/|\\)\.cargo(?:\/|\\)|cargo-home|\/usr\/local\/cargo\b|(?:\/|\\)(?:registry|git)(?:\/|\\)(?:index|cache|src|db|checkouts)(?:\/|\\)/;

export default defineRule({
  id: 'permission-denied',
  title: 'Permission denied while building',
  summary: 'The build could not create, write or run a file because the user running it lacks permission there.',
  category: 'resources',
  captures: {
    path: { type: 'path', doc: 'the path the build could not write', optional: true },
  },
  internal: ['path2', 'path3', 'cargoPath', 'hint'],
  contextBefore: 6,
  patterns: [
    {
      id: 'rust-eacces',
      // cargo/rustc (std::io::Error Display): "Permission denied (os error 13)"; Windows "Access is denied. (os error 5)"
      source: 'cargo / rustc',
      literals: ['Permission denied (os error 13)', 'Access is denied. (os error 5)'],
      re: /Permission denied \(os error 13\)|Access is denied\. \(os error 5\)/,
      weight: 0.85,
    },
    {
      id: 'python-eacces',
      // pip: "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/x'"
      // and the hint "Consider using the `--user` option or check the permissions."; PermissionError tracebacks
      source: 'pip / Python',
      literals: ['[Errno 13] Permission denied', 'Consider using the `--user` option'],
      re: /\[Errno 13\] Permission denied(?:: '(?<path>[^']+)')?|Consider using the `--user` option/,
      weight: 0.85,
    },
    {
      id: 'setuptools-could-not-create',
      // setuptools/distutils: "error: could not create 'build': Permission denied"
      source: 'setuptools / distutils',
      literals: ['could not create'],
      re: /error: could not create '(?<path>[^'\n]{1,300})': Permission denied/,
      weight: 0.85,
    },
    {
      id: 'node-eacces',
      // node/npm/node-gyp: "Error: EACCES: permission denied, mkdir '/usr/lib/node_modules/x'", "npm ERR! code EACCES"
      source: 'node / npm / node-gyp',
      literals: ['EACCES', 'EPERM: operation not permitted'],
      re: /EACCES: permission denied, \w+ '(?<path>[^']+)'|^npm (?:ERR!|error) code EACCES|EPERM: operation not permitted, \w+ '(?<path2>[^']+)'/,
      weight: 0.85,
    },
    {
      id: 'tool-permission-denied',
      // gcc/ld/as: "/usr/bin/ld: cannot open output file app: Permission denied", "fatal error: opening dependency file
      // x.d: Permission denied", "error: can't create x.o: Permission denied"; make "make: ./configure: Permission denied";
      // sh "sh: 1: ./build.sh: Permission denied"
      source: 'gcc / ld / make / sh',
      literals: ['Permission denied'],
      re: /(?:cannot open output file|opening dependency file|can't create|cannot create) (?<path3>[^:\s]{1,200}): Permission denied$|^(?:\/bin\/)?(?:ba|da)?sh: (?:line )?\d{1,6}: (?<path>[^:\s]{1,200}): Permission denied$|^g?make(?:\[\d{1,3}\])?: (?<path2>[^:\s]{1,200}): Permission denied$/,
      weight: 0.75,
    },
    {
      id: 'meson-install-permission',
      // meson install (minstall.py, 0.5x to 1.x) caught a PermissionError and offers a root command: "Installation failed due
      // to insufficient permissions." then "Attempting to use polkit to gain elevated privileges..." (< 1.1) or "Attempt to
      // use sudo to gain elevated privileges? [y/n]"; without one it re-raises the [Errno 13] that python-eacces reads
      source: 'meson install',
      literals: ['Installation failed due to insufficient permissions'],
      re: /^Installation failed due to insufficient permissions\.?\s*$/,
      weight: 0.85,
    },
    {
      id: 'read-only-fs',
      // EROFS outside CARGO_HOME: "Read-only file system (os error 30)", "[Errno 30] Read-only file system"
      source: 'cargo / Python / coreutils',
      literals: ['Read-only file system'],
      re: /Read-only file system(?: \(os error 30\))?/,
      weight: 0.7,
    },
    {
      id: 'eperm',
      // "Operation not permitted (os error 1)" (cargo/rustc), chown/chmod on mounted volumes
      source: 'cargo / coreutils',
      literals: ['Operation not permitted (os error 1)'],
      re: /Operation not permitted \(os error 1\)/,
      weight: 0.65,
    },
    {
      id: 'cargo-path-context',
      // cargo: "failed to open: /app/target/...", "failed to create directory `/app/target/debug`", "failed to write /x/Cargo.lock"
      // (support: names the path)
      source: 'cargo',
      literals: ['failed to open', 'failed to create directory', 'failed to write', 'could not create directory'],
      re: /(?:failed to open:?|failed to create directory|failed to write(?: to)?|could not create directory) `?(?<cargoPath>(?:\/|[A-Za-z]:\\)[^`\s]{1,300})/,
      weight: 0.2,
    },
  ],
  refine: (ctx) => {
    const main = ctx.hits.filter((h) => h.pattern !== 'cargo-path-context');
    if (main.length === 0) return null;
    const path = ctx.captures.path ?? ctx.captures.path2 ?? ctx.captures.path3 ?? ctx.captures.cargoPath;
    // A CARGO_HOME path next to the error: that is cargo-home-readonly's diagnosis.
    const context = ctx.hits.flatMap((h) => [...h.before, h.text]).join('\n');
    if (CARGO_HOME_PATH.test(path ?? '') || (!path && CARGO_HOME_PATH.test(context))) return null;
    const windows = ctx.hits.some((h) => /os error 5\b/.test(h.text));
    return {
      captures: {
        ...(path ? { path } : {}),
        ...(windows
          ? { hint: ' On Windows, "Access is denied" usually means the file is still in use (a running copy of the program, an editor, or antivirus scanning target/).' }
          : {}),
      },
    };
  },
  explanation:
    'The build tried to create or write {{path|a file}} and the operating system refused (EACCES/EPERM/EROFS). Typical causes: the ' +
    'project or its target/ or build/ directory was created by root (an earlier `sudo cargo build`, `sudo pip install`, or a Docker ' +
    'container writing into a bind-mounted volume) and is now built as a normal user, or the other way round; pip installing into the ' +
    'system site-packages without root; `npm install -g` into /usr/lib/node_modules; a script without its executable bit; or a read-only mount.{{hint|}}',
  fix: {
    summary: 'Build as the user who owns the files (or give that user the files back); never mix sudo and non-sudo builds.',
    steps: [
      'Give the project back to your user: `sudo chown -R "$(id -u):$(id -g)" .` (including target/, build/, node_modules/).',
      'Docker bind mounts: run the container with `--user "$(id -u):$(id -g)"`, or build into a directory owned by the container user (`CARGO_TARGET_DIR=/tmp/target`).',
      'pip: install into a virtual environment (`python3 -m venv .venv && . .venv/bin/activate`) or use `pip install --user`; do not use `sudo pip`.',
      'npm: use a user-owned prefix (`npm config set prefix ~/.npm-global`) or a Node version manager instead of `sudo npm install -g`.',
      'A script that cannot run: `chmod +x ./configure` (and commit the mode with `git update-index --chmod=+x`).',
    ],
    commands: ['sudo chown -R "$(id -u):$(id -g)" .', 'python3 -m venv .venv'],
    platformCommands: {
      windows: ['Close running copies of the program (and editors/debuggers holding target\\ files), exclude target\\ from antivirus scanning, then rebuild'],
    },
  },
});
