// sdist-fallback-needs-rust: pip (or uv/poetry) found no wheel it could use for a third-party package, fell back to
// building its source distribution, and that needs a Rust toolchain the machine does not have.

import { defineRule } from '../../../rule.js';

/** Third-party PyPI packages whose sdists build Rust code (pip only builds them when no wheel matched). */
const RUST_BACKED =
  'cryptography|pydantic[-_]core|orjson|tokenizers|rpds[-_]py|jiter|tiktoken|safetensors|bcrypt|maturin|polars|watchfiles|' +
  'y[-_]py|pycrdt|blake3|cramjam|nh3|ormsgpack|granian|rignore|pyo3[-_][\\w-]+|hf[-_]xet|outlines[-_]core|deltalake|' +
  'py[-_]arkworks[-_]bls12381|ckzg|fastuuid|uuid[-_]utils|zxcvbn[-_]rs[-_]py|pendulum|libcst|css[-_]inline|' +
  'primp|rtoml|tokenizers[-_]\\w+|lancedb|pylance|sudachipy';

export default defineRule({
  id: 'sdist-fallback-needs-rust',
  title: 'pip is compiling a package from source because no wheel matched, and that needs Rust',
  summary: 'No usable wheel matched a package, so pip fell back to building its source distribution, which needs a Rust toolchain that is not installed.',
  category: 'packaging',
  captures: {
    package: { type: 'string', doc: 'the Python package pip built from source', optional: true },
    version: { type: 'version', doc: 'its version', optional: true },
    rustRequired: { type: 'string', doc: 'the Rust version it requires', optional: true },
    pyPlatform: { type: 'string', doc: 'the platform pip reported', optional: true },
    pipVersion: { type: 'version', doc: 'the pip version', optional: true },
  },
  internal: ['versionText', 'rustText', 'likelyReason'],
  explains: ['rust-toolchain-missing'],
  patterns: [
    {
      id: 'setuptools-rust-no-compiler',
      // setuptools-rust 0.11+ (cryptography, bcrypt, ...): "error: can't find Rust compiler"
      source: 'setuptools-rust',
      literals: ["can't find Rust compiler"],
      re: /can't find Rust compiler/,
      weight: 0.6,
    },
    {
      id: 'maturin-pep517-no-cargo',
      // maturin's PEP 517 hook (maturin/__init__.py, 0.9+): "Cargo, the Rust package manager, is not installed or is not on PATH."
      source: 'maturin PEP 517 backend',
      literals: ['Cargo, the Rust package manager, is not installed'],
      re: /Cargo, the Rust package manager, is not installed or is not on PATH/,
      weight: 0.6,
    },
    {
      id: 'maturin-no-rustc',
      // maturin 0.11+: "Caused by: rustc, the rust compiler is not installed or not in PATH."
      source: 'maturin',
      literals: ['the rust compiler is not installed or not in PATH'],
      re: /rustc, the rust compiler is not installed or not in PATH/,
      weight: 0.6,
    },
    {
      id: 'setuptools-rust-no-compiler-advice',
      // setuptools-rust's advice after "can't find Rust compiler" (the line a paste often starts with): "If you did intend to
      // build this package from source, try installing a Rust compiler from your system package manager and ensure it is on
      // the PATH during installation."
      source: 'setuptools-rust (cryptography and other Rust sdists)',
      literals: ['try installing a Rust compiler from your system package manager'],
      re: /If you did intend to build this package from source, try installing a Rust compiler from your system package manager/,
      weight: 0.85,
    },
    {
      id: 'rust-required-version',
      // cryptography's setup.py / setuptools-rust after the no-compiler message: "This package requires Rust >=1.56.0."
      source: 'setuptools-rust (cryptography)',
      literals: ['This package requires Rust'],
      re: /^This package requires Rust (?<rustRequired>[><=~^]*\s*\d+\.\d+(?:\.\d+)?)/,
      weight: 0.3,
    },
    {
      id: 'pip-downloading-sdist',
      // pip: "Downloading cryptography-3.4.tar.gz (546 kB)", "Using cached tokenizers-0.20.1.tar.gz (339 kB)",
      // "Downloading https://files.pythonhosted.org/packages/.../cryptography-35.0.0.tar.gz (554kB)" (pip < 20.3)
      source: 'pip',
      literals: ['Downloading ', 'Using cached '],
      re: /^(?:Downloading|Using cached) (?:\S*\/)?(?<package>[A-Za-z0-9][\w.]*?(?:-[A-Za-z][\w.]*?)*)-(?<version>\d[\w.+!]*)\.(?:tar\.gz|zip|tar\.bz2)\b/,
      weight: 0.3,
    },
    {
      id: 'pip-building-known-rust-package',
      // pip: "Building wheel for cryptography (pyproject.toml)", "Failed building wheel for pydantic-core",
      // "Running setup.py install for cryptography ... error" for third-party packages known to need Rust when built
      // from their sdist ("Collecting X" is not enough: X may come as a wheel while the user's own project fails)
      source: 'pip',
      literals: ['Building wheel for ', 'Failed building wheel for ', 'Running setup.py install for '],
      re: new RegExp(`^(?:(?:ERROR: )?(?:Failed building|Building) wheel for|Running setup\\.py install for) (?<package>(?:${RUST_BACKED}))\\b`, 'i'),
      weight: 0.3,
    },
    {
      id: 'pip-unpacked-known-rust-package',
      // pip unpacks a requirement it downloaded into its global build directory, /tmp/pip-install-<random>/<name>
      // (pip >= 20.3 adds "_<32 hex>"; a local project builds in place or in pip-req-build-<random>): a package known to
      // need Rust there came as an sdist ("cwd: /tmp/pip-install-3wfzp7my/bcrypt/", "Removing source in ...")
      source: 'pip',
      literals: ['pip-install-'],
      re: new RegExp(`[/\\\\]pip-install-\\w{4,16}[/\\\\](?<_unpacked>${RUST_BACKED})(?:_[0-9a-f]{32})?(?:[/\\\\'"\\s]|$)`, 'i'),
      weight: 0.3,
    },
    {
      id: 'uv-poetry-source-build',
      // uv builds only source distributions: "× Failed to build `pydantic-core==2.33.2`", "× Failed to download and
      // build `kinto==11.2.1`" (its progress line "Building pydantic-core==2.33.2" is left out: "Building " would make
      // every "[ 45%] Building CXX object" line of a CMake build a candidate); poetry's installer: "ChefBuildError" /
      // "Backend subprocess exited when trying to invoke build_wheel" (dependencies are built from their sdist)
      source: 'uv / poetry',
      literals: ['Failed to build `', 'Failed to download and build `', 'ChefBuildError', 'Backend subprocess exited when trying to invoke'],
      re: /Failed to (?:download and )?build `[\w.-]+==\d|^ChefBuildError$|^Backend subprocess exited when trying to invoke build_wheel/,
      weight: 0.3,
    },
    {
      id: 'pip-wheel-build-failed',
      // pip: "ERROR: Failed building wheel for pyrsum", "Building wheel for pyrsum (pyproject.toml) ... error",
      // "Building wheel for pyrsum (pyproject.toml): finished with status 'error'": names the package that failed
      source: 'pip',
      literals: ['Failed building wheel for ', 'Building wheel for '],
      re: /^(?:ERROR: )?Failed building wheel for [\w.-]+|^Building wheel for [\w.-]+ \([\w. ]+\)(?: \.\.\. error|: finished with status 'error')/,
      weight: 0.1,
    },
    {
      id: 'pip-local-project',
      // pip building the user's own checkout: "Processing /home/me/proj", "Processing ./pyrsum-local", "Obtaining file:///home/me/proj"
      source: 'pip',
      literals: ['Processing ', 'Obtaining file:'],
      re: /^Processing (?:\.{0,2}\/|[A-Za-z]:\\)|^Obtaining file:/,
      weight: 0.1,
    },
    {
      id: 'cryptography-debug-assistance',
      // cryptography's setup.py (3.4-41.x) prints this block only when building from its sdist, with the pip version
      // and platform: "pip: 18.1", "platform: Linux-5.10.103-v7+-armv7l-with-debian-10.13"
      source: 'cryptography setup.py',
      literals: ['DEBUG ASSISTANCE', 'platform: ', 'pip: '],
      re: /^=+DEBUG ASSISTANCE=+$|^platform: (?<pyPlatform>\S+)$|^pip: (?<pipVersion>\d+\.\d+(?:\.\d+)?|n\/a)$/,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const ids = new Set(ctx.hits.map((h) => h.pattern));
    const noRust = ids.has('setuptools-rust-no-compiler') || ids.has('setuptools-rust-no-compiler-advice') || ids.has('maturin-pep517-no-cargo') || ids.has('maturin-no-rustc');
    const fromSdist =
      ids.has('pip-downloading-sdist') ||
      ids.has('pip-building-known-rust-package') ||
      ids.has('pip-unpacked-known-rust-package') ||
      ids.has('uv-poetry-source-build') ||
      ctx.hits.some((h) => h.pattern === 'cryptography-debug-assistance' && /DEBUG ASSISTANCE/.test(h.text));
    if (!noRust) return null;
    const local = ctx.hits.some((h) => h.pattern === 'pip-local-project' && !/\.whl\s*$/.test(h.text));
    if (!fromSdist) {
      // maturin's PEP 517 hook message is printed when pip builds a maturin sdist; without any sign of a local
      // checkout it is far more often a third-party package (pydantic-core, tokenizers...) than the user's own project.
      if (ids.has('maturin-pep517-no-cargo') && !local) {
        return { confidence: 0.8, captures: {}, evidence: ctx.hits.filter((h) => h.pattern === 'maturin-pep517-no-cargo').map((h) => ({ line: h.line, text: h.text })) };
      }
      // A project the user builds on purpose (pip install ., maturin develop) needing Rust is rust-toolchain-missing.
      return null;
    }
    // The package whose build failed must be one that came from an sdist download or is known to need Rust;
    // otherwise an unrelated sdist elsewhere in the log would be blamed for the user's own project.
    const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
    const failed = ctx.hits
      .filter((h) => h.pattern === 'pip-wheel-build-failed')
      .map((h) => /wheel for (?<name>[\w.-]+)/.exec(h.text)?.groups?.name)
      .filter((n): n is string => !!n);
    const downloaded = new Set(ctx.hits.filter((h) => h.pattern === 'pip-downloading-sdist' && h.captures.package).map((h) => norm(h.captures.package)));
    for (const h of ctx.hits) if (h.pattern === 'pip-unpacked-known-rust-package' && h.captures._unpacked) downloaded.add(norm(h.captures._unpacked));
    const known = new RegExp(`^(?:${RUST_BACKED})$`, 'i');
    if (failed.length > 0 && !failed.some((n) => downloaded.has(norm(n)) || known.test(n))) return null;
    // Metadata-phase failures name no package: pip collects requirements one by one, so the collection line nearest
    // before the error says whose build it was (a local checkout, or a downloaded sdist).
    if (failed.length === 0) {
      const firstError = Math.min(...ctx.hits.filter((h) => /no-compiler|no-cargo|no-rustc/.test(h.pattern)).map((h) => h.line));
      const collected = ctx.hits
        .filter((h) => (h.pattern === 'pip-local-project' || h.pattern === 'pip-downloading-sdist') && h.line < firstError && !/\.whl\s*$/.test(h.text))
        .sort((a, b) => b.line - a.line)[0];
      if (collected?.pattern === 'pip-local-project') return null;
    }
    const c = ctx.captures;
    const reasons: string[] = [];
    if (c.pipVersion && /^(?:1?\d|20)\./.test(c.pipVersion)) reasons.push(`pip ${c.pipVersion} is too old to use the manylinux2014/manylinux_2_x wheels that exist`);
    if (c.pyPlatform && /armv[67]|i[36]86|musl|alpine/i.test(c.pyPlatform)) reasons.push(`the platform (${c.pyPlatform}) is one few projects publish wheels for`);
    const evidence = ctx.hits
      .filter((h) => h.pattern !== 'pip-wheel-build-failed' && h.pattern !== 'pip-local-project')
      .filter((h) => h.pattern !== 'cryptography-debug-assistance' || /DEBUG ASSISTANCE/.test(h.text) === false)
      .map((h) => ({ line: h.line, text: h.text }));
    return {
      confidence: 0.9,
      captures: {
        ...(!c.package && c._unpacked ? { package: c._unpacked } : {}),
        ...(reasons.length ? { likelyReason: reasons.join('; ') } : {}), ...(c.version ? { versionText: ` ${c.version}` } : {}), ...(c.rustRequired ? { rustText: ` ${c.rustRequired}` } : {}) },
      evidence,
    };
  },
  explanation:
    'pip did not find a wheel of {{package|this package}}{{versionText|}} that it could install, so it downloaded the source distribution ' +
    'and tried to compile it, and that needs a Rust toolchain (cargo/rustc{{rustText|}}), which is not installed. You probably never ' +
    'meant to compile it: the real problem is that no wheel matched. {{likelyReason|Usual reasons: a Python version newer than the ' +
    'package\'s newest wheels (or an old release pinned that predates your Python), an old pip that cannot read manylinux2014/manylinux_2_28 ' +
    'tags, a musl (Alpine) system, 32-bit ARM or x86, or `--no-binary`}}.',
  fix: {
    summary: 'Make pip use a wheel (upgrade pip, use a supported Python, or pin a release that has wheels); install Rust only if you want to build from source.',
    steps: [
      'Upgrade pip first (`python -m pip install --upgrade pip`): pip < 19.3 cannot use manylinux2014 wheels and pip < 20.3 cannot use manylinux_2_x wheels.',
      'Ask pip for wheels only to see which requirement has none for this interpreter: `pip install --only-binary :all: {{package|<package>}}`.',
      'Use a Python version the package publishes wheels for, or upgrade/pin {{package|the package}} to a release that has wheels for your Python and platform.',
      'Run `buildmedic wheels` in the project to see every package that has no wheel for your deploy target (not just {{package|this one}}), with the newest release that has one; `buildmedic wheels --fix` offers the version bump, Python pin or `PIP_ONLY_BINARY` setting.',
      'On Alpine (musl) use a musllinux-capable pip >= 21.2 or a Debian-based image; on 32-bit ARM use piwheels or a 64-bit OS.',
      'If you do want to build from source: install Rust with rustup (distribution packages are often too old for the required version) and make sure ~/.cargo/bin is on PATH for pip.',
    ],
    commands: ['python -m pip install --upgrade pip', 'python -m pip install --only-binary :all: {{package|<package>}}'],
    packages: { apt: ['cargo', 'rustc'], dnf: ['cargo', 'rust'], apk: ['cargo', 'rust'], pacman: ['rustup'], zypper: ['cargo', 'rust'], brew: ['rustup'], nix: ['cargo', 'rustc'] },
    platformCommands: {
      linux: ["curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y && . \"$HOME/.cargo/env\""],
      windows: ['py -m pip install --upgrade pip', 'winget install Rustlang.Rustup'],
      macos: ['python3 -m pip install --upgrade pip'],
    },
  },
});
