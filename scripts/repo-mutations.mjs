// The defects buildmedic's scanners exist for, put back into real repositories (validation/real-repos.json) to
// measure recall: each mutation takes the project as scan reads it (files, git's view) and returns a changed copy in
// memory, or null when the text it changes is not there. Used by `validate-repos.mjs --mutations`; the copies on
// disk are never changed. Only repositories of the development set are mutated (the held-out ones stay unread).

/** A copy of the read project with some files replaced (null deletes) and, optionally, git's tracked set changed. */
export function withFiles(project, changes, untrack = []) {
  const files = new Map(project.files);
  const paths = new Set(project.paths ?? project.files.keys());
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) {
      files.delete(file);
      paths.delete(file);
    } else {
      files.set(file, text);
      paths.add(file);
    }
  }
  const gitTracked = project.gitTracked ? new Set([...project.gitTracked].filter((p) => !untrack.includes(p))) : project.gitTracked;
  return { ...project, files, paths, gitTracked, cargo: undefined };
}

/** Replaces `from` (a string or regex) in `file`; null when it is not there. */
function edit(project, file, from, to) {
  const text = project.files.get(file);
  if (text === undefined) return null;
  const next = text.replace(from, to);
  return next === text ? null : { [file]: next };
}

/** Untracks Cargo.lock, as a .gitignore'd lock or a never-added one is to a flake (it evaluates only tracked files). */
const untrackLock = (repo) => ({
  name: 'untrack Cargo.lock in a flake repository',
  repo,
  rule: ['nix-flake-untracked-file', 'cargo-lock-missing'],
  apply: (p) => (p.gitTracked?.has('Cargo.lock') && p.files.has('flake.nix') ? withFiles(p, {}, ['Cargo.lock']) : null),
});

/**
 * Removes a tokio feature the code uses from one manifest and, as cargo would on the next resolve, the optional
 * dependency it pulled into the lock (tokio-macros for `macros`). This assumes no other crate enables it.
 */
const dropTokioMacros = (repo, manifest, from, to, lockFile = 'Cargo.lock') => ({
  name: 'remove a feature the code uses (tokio `macros`)',
  repo,
  rule: ['crate-feature-missing'],
  apply: (p) => {
    const m = edit(p, manifest, from, to);
    const lock = p.files.get(lockFile);
    if (!m || !lock) return null;
    // Cargo.lock: tokio's `dependencies = [...]` entry lists "tokio-macros" while the feature is on.
    const next = lock.replace(/(\[\[package\]\]\nname = "tokio"\n[\s\S]*?dependencies = \[[\s\S]*?)\n "tokio-macros",/, '$1');
    return next === lock ? null : withFiles(p, { ...m, [lockFile]: next });
  },
});

/** Pins a toolchain (rust-toolchain.toml) older than the project's rust-version. */
const oldToolchain = (repo) => ({
  name: 'pin a toolchain older than rust-version',
  repo,
  rule: ['rustc-too-old'],
  apply: (p) => withFiles(p, { 'rust-toolchain.toml': '[toolchain]\nchannel = "1.56.0"\n' }),
});

export const MUTATIONS = [
  untrackLock('helix-editor/helix'),
  untrackLock('atuinsh/atuin'),
  untrackLock('casey/just'),
  untrackLock('nix-community/nix-init'),
  {
    name: 'move the cp out of the cache-mount RUN',
    repo: 'get-convex/convex-backend',
    rule: ['docker-cache-mount-artifact'],
    apply: (p) => {
      const file = 'self-hosted/docker-build/Dockerfile.backend';
      const m = edit(p, file, /\ncp target\/release\/convex-local-backend \.\n([\s\S]*?\nEOF\n)/, '\n$1RUN cp target/release/convex-local-backend .\n');
      return m && withFiles(p, m);
    },
  },
  {
    name: 'move the mv out of the cache-mount RUN',
    repo: 'PyO3/maturin',
    rule: ['docker-cache-mount-artifact'],
    apply: (p) => {
      const m = edit(p, 'Dockerfile', / \\\n {4}&& mv \/maturin\/target\/\$CARGO_BUILD_TARGET\/release\/maturin \/usr\/bin\/maturin\n/, '\nRUN mv /maturin/target/$CARGO_BUILD_TARGET/release/maturin /usr/bin/maturin\n');
      return m && withFiles(p, m);
    },
  },
  {
    name: 'drop libssl-dev from an install line',
    repo: 'atuinsh/atuin',
    rule: ['openssl-dev-missing'],
    apply: (p) => {
      const m = edit(p, 'Dockerfile', 'apt install build-essential libssl-dev pkg-config -y', 'apt install build-essential pkg-config -y');
      return m && withFiles(p, m);
    },
  },
  {
    name: 'drop libssl-dev from an install line',
    repo: 'dani-garcia/vaultwarden',
    rule: ['openssl-dev-missing'],
    apply: (p) => {
      for (const file of p.files.keys()) {
        if (!/Dockerfile/.test(file)) continue;
        const m = edit(p, file, /\s+libssl-dev(:\$\{?\w+\}?)?/, '');
        if (m) return withFiles(p, m);
      }
      return null;
    },
  },
  dropTokioMacros('sigoden/dufs', 'Cargo.toml', /^(tokio = \{[^\n]*)"macros", /m, '$1'),
  dropTokioMacros('svix/svix-webhooks', 'svix-cli/Cargo.toml', /^(tokio = \{[^\n]*)"macros", /m, '$1', 'svix-cli/Cargo.lock'),
  oldToolchain('casey/just'),
  oldToolchain('lldap/lldap'),
  oldToolchain('helix-editor/helix'),
  oldToolchain('dani-garcia/vaultwarden'),
];
