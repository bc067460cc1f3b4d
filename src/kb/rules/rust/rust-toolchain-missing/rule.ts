// rust-toolchain-missing: there is no usable Rust toolchain (cargo/rustc absent, or rustup has none selected/installed).

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'rust-toolchain-missing',
  title: 'No Rust toolchain is installed',
  summary: 'The build needs cargo and rustc, but no Rust toolchain is installed, on PATH, or selected by rustup.',
  category: 'toolchain',
  captures: {
    toolchain: { type: 'string', doc: 'the rustup toolchain that is not installed', optional: true },
    tool: { type: 'string', doc: 'the Rust tool that is missing (`cargo`, `rustc`)', optional: true },
    program: { type: 'string', doc: 'the Rust tool the shell did not find', optional: true },
  },
  internal: ['toolchainNote'],
  signals: ['program-not-found'],
  contextAfter: 2,
  patterns: [
    {
      id: 'setuptools-rust-no-compiler',
      // setuptools-rust 0.11+: "error: can't find Rust compiler"; setuptools-rust < 0.11: "error: Can not find Rust compiler"
      source: 'setuptools-rust',
      literals: ['find Rust compiler'],
      re: /(?:can't|[Cc]an not|cannot) find Rust compiler/,
      weight: 0.95,
    },
    {
      id: 'maturin-rustc-not-installed',
      // maturin 0.11+: "Caused by: rustc, the rust compiler is not installed or not in PATH."; before 0.11:
      // "Caused by: Failed to run rustc to get the host target"; "cargo metadata failed. Do you have cargo in your PATH?"
      source: 'maturin',
      literals: ['the rust compiler is not installed or not in PATH', 'Failed to run rustc to get the host target'],
      re: /rustc, the rust compiler is not installed or not in PATH|Failed to run rustc to get the host target/,
      weight: 0.93,
    },
    {
      id: 'maturin-cargo-metadata-enoent',
      // maturin: "Caused by: Cargo metadata failed. Do you have cargo in your PATH?" is printed for ANY cargo metadata
      // failure; only the next line "Caused by: No such file or directory (os error 2)" means cargo is missing (refine)
      source: 'maturin',
      literals: ['Do you have cargo in your PATH'],
      re: /[Cc]argo metadata failed\. Do you have cargo in your PATH\?/,
      weight: 0.9,
    },
    {
      id: 'maturin-installing-rust',
      // maturin's PEP 517 backend (1.8+) when cargo is absent: "Rust not found, installing into a temporary directory";
      // it then bootstraps Rust itself, so the build can still fail for another reason: support only unless alone
      source: 'maturin (PEP 517 backend)',
      literals: ['Rust not found, installing into a temporary directory'],
      re: /Rust not found, installing into a temporary directory/,
      weight: 0.45,
    },
    {
      id: 'cargokit-rustup-not-found',
      // Cargokit (the Rust build step of Flutter plugins: flutter_rust_bridge, rinf) runs rustup for every build and
      // fails without it: "SEVERE: rustup not found in PATH." then "SEVERE: Maybe you need to install Rust? ..."
      source: 'Cargokit build_tool',
      literals: ['rustup not found in PATH'],
      re: /(?:^|SEVERE: )rustup not found in PATH\.?$/,
      weight: 0.93,
    },
    {
      id: 'rustup-toolchain-not-installed',
      // rustup 1.28+: "error: toolchain '1.80.0-x86_64-unknown-linux-gnu' is not installed" (with RUSTUP_AUTO_INSTALL=0
      // or when the pinned toolchain cannot be resolved), older: "error: override toolchain '1.70' is not installed"
      source: 'rustup',
      literals: ['is not installed'],
      re: /^error: (?:override )?toolchain [`'](?<toolchain>[^`']+)[`'] is not installed/,
      weight: 0.93,
    },
    {
      id: 'rustup-no-default',
      // rustup 1.25+: "error: rustup could not choose a version of cargo to run, because one wasn't specified
      // explicitly, and no default is configured."; older: "error: no default toolchain configured", "error: no
      // override and no default toolchain set"
      source: 'rustup',
      literals: ['rustup could not choose a version of', 'no default toolchain configured', 'no override and no default toolchain set'],
      re: /rustup could not choose a version of (?<tool>\w+) to run|^error: no default toolchain configured|^error: no override and no default toolchain set/,
      weight: 0.95,
    },
    {
      id: 'rustup-component-missing',
      // rustup: "error: 'cargo' is not installed for the toolchain 'stable-x86_64-unknown-linux-gnu'" (a minimal or
      // broken toolchain without the cargo component)
      source: 'rustup',
      literals: ['is not installed for the toolchain'],
      re: /^error: [`'](?<tool>cargo|rustc)(?:\.exe)?[`'] is not installed for the toolchain [`'](?<toolchain>[^`']+)[`']/,
      weight: 0.9,
    },
    {
      id: 'rustup-binary-not-applicable',
      // rustup: "error: the 'cargo' binary, normally provided by the 'cargo' component, is not applicable to the
      // '1.70.0-x86_64-unknown-linux-gnu' toolchain" (a toolchain installed without that component)
      source: 'rustup',
      literals: ['normally provided by the'],
      re: /the [`'](?<tool>cargo|rustc)(?:\.exe)?[`'] binary, normally provided by the [`'][\w-]+[`'] component, is not applicable to the [`'](?<toolchain>[^`']+)[`'] toolchain/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const tool = ctx.captures.program ?? ctx.captures.tool ?? ctx.captures.tool2 ?? ctx.captures.tool3;
    const captures: Record<string, string> = tool ? { tool } : {};
    if (ctx.captures.toolchain) captures.toolchainNote = ` (the toolchain \`${ctx.captures.toolchain}\` is not installed)`;
    const hits = ctx.hits.filter(
      (h) => h.pattern !== 'maturin-cargo-metadata-enoent' || h.after.slice(0, 1).some((l) => /No such file or directory|os error 2\b|program not found|cannot find the file specified/i.test(l)),
    );
    if (hits.length === 0) return null;
    // maturin's "Rust not found, installing" only explains the failure when nothing else in the log does.
    if (hits.every((h) => h.pattern === 'maturin-installing-rust')) {
      if ([...ctx.firedRules].some((id) => id !== 'rust-toolchain-missing')) return null;
      return { confidence: 0.55, captures };
    }
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    'The build runs {{tool|cargo}}, but there is no working Rust toolchain{{toolchainNote|}}. Either Rust was never installed in this environment (a fresh Docker image, a CI runner or PaaS ' +
    'builder, a pip install that compiles a Rust sdist), rustup installed it in ~/.cargo/bin but that directory is ' +
    'not on PATH in this shell/step, rustup has no default toolchain, or rust-toolchain.toml pins a toolchain that is ' +
    'not installed (rustup 1.28+ no longer installs it automatically for every command).',
  fix: {
    summary: 'Install Rust (rustup), put ~/.cargo/bin on PATH, and install the toolchain the project pins.',
    steps: [
      'Install Rust with rustup (`curl --proto \'=https\' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y`), then `. "$HOME/.cargo/env"` or add ~/.cargo/bin to PATH for later steps (in Docker: `ENV PATH="/root/.cargo/bin:${PATH}"`).',
      'If rustup is installed but has no toolchain: `rustup default stable`; if rust-toolchain.toml pins one: `rustup toolchain install` in the project directory.',
      'If the Rust code is only a dependency of a Python package, prefer a binary wheel (`pip install --only-binary :all: <package>`, or upgrade pip so it can use newer wheels) instead of compiling it.',
    ],
    commands: ['rustup default stable', 'rustup toolchain install'],
    packages: {
      apt: ['cargo', 'rustc'],
      dnf: ['cargo', 'rust'],
      apk: ['cargo', 'rust'],
      pacman: ['rustup'],
      zypper: ['cargo', 'rust'],
      brew: ['rustup'],
      nix: ['cargo', 'rustc'],
    },
    platformCommands: {
      linux: ["curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y && . \"$HOME/.cargo/env\""],
      macos: ['brew install rustup && rustup-init -y'],
      windows: ['winget install Rustlang.Rustup', 'Open a new terminal so %USERPROFILE%\\.cargo\\bin is on PATH'],
    },
  },
});
