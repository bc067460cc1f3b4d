// dependency-version-incompatible: the version of a dependency that the build resolved does not fit the toolchain or
// the other tools it is built with, although both are fine on their own: a crate that probes nightly features
// (proc-macro2, ahash) meets a nightly that removed or renamed them; code written for Cython 0.29 meets Cython 3; a
// setup.py that imports pkg_resources meets setuptools 82, which no longer ships it; a find_package(Boost COMPONENTS
// system) meets Boost 1.89, which dropped that component. The fix is a version: update or
// pin the dependency (or the toolchain), not an edit of the failing code.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { removedBoostComponent } from '../../../boost-components.js';
import { PYTHON_BUILD_MODULES } from '../../../components.js';
import { dependencyCrateAt, isDependencySource, rustcErrorLocation } from '../../rust/dependency-source.js';
import { RUSTC_FEATURE_ERROR_IDS, rustcFeatureErrorPatterns } from '../../rust/feature-attribute-errors.js';
import { RUST_DEPENDENCY_CODE_PATTERNS, rustDependencyCodeFinding } from './rust-dependency-code.js';
import { BUILD_SCRIPT_PANIC_PATTERNS, buildScriptPanicFinding } from './build-script-panic.js';
import { RUBY_C_API_PATTERNS, rubyCApiFinding } from './ruby-c-api.js';


/** The feature name on the source line rustc quotes under "feature has been removed": "1 | #![feature(const_fn)]". */
function quotedFeature(hit: PatternHit): string | undefined {
  for (const l of hit.after.slice(0, 6)) {
    const m = /\|\s*#!\[(?:cfg_attr\(.{1,200}?,\s*)?feature\((?<feature>\w+)/.exec(l);
    if (m?.groups) return m.groups.feature;
  }
  return undefined;
}

function rustFinding(hits: readonly PatternHit[]) {
  for (const hit of hits) {
    if (!RUSTC_FEATURE_ERROR_IDS.has(hit.pattern)) continue;
    const where = rustcErrorLocation(hit.after);
    // Where the failing #![feature] is; one in the project's own code is the project's nightly use, not a dependency's version.
    if (!where || !isDependencySource(where)) continue;
    const crate = dependencyCrateAt(where);
    const feature = hit.captures.feature ?? quotedFeature(hit);
    const name = crate?.crate ?? 'a dependency';
    const evidence = [hit, ...hits.filter((h) => h !== hit && RUSTC_FEATURE_ERROR_IDS.has(h.pattern))].map((h) => ({ line: h.line, text: h.text }));
    if (hit.pattern === 'rustc-feature-on-stable') return nightlyOnlyFinding(crate, feature, evidence);
    const gone = hit.pattern === 'rustc-removed-feature' ? 'has been removed from' : 'is unknown to';
    return {
      captures: {
        ...(crate ? { dependency: crate.crate, dependencyVersion: crate.version } : {}),
        ...(feature ? { feature } : {}),
        _story:
          `${crate ? `${crate.crate} ${crate.version}` : 'A dependency'} turns on the nightly feature ${feature ? `\`${feature}\`` : 'it names'} when it sees a nightly compiler, and that feature ${gone} this rustc. ` +
          'Crates such as proc-macro2 and ahash probe the compiler in their build script and enable unstable features on nightly; each nightly may remove or rename those features, and only a newer release of the crate follows (an older nightly than the crate expects fails the same way).',
        _fix: `Update ${name} to a release that fits this nightly, or build with stable Rust (or the nightly it was written for).`,
        _step: `Update the crate in Cargo.lock: \`cargo update -p ${crate?.crate ?? '<crate>'}\` (proc-macro2 1.0.60+ and ahash 0.7.8 / 0.8.7+ no longer use the removed features); a crate pinned with \`=\` in Cargo.toml needs its requirement raised first.`,
        _step2: 'Or build with stable Rust (`cargo +stable build`, or `channel = "stable"` in rust-toolchain.toml), where such crates enable no unstable features; if the project needs nightly, pin a dated nightly that still has the feature (`channel = "nightly-2024-02-01"`).',
        _command: `cargo update -p ${crate?.crate ?? '<crate>'}`,
      },
      evidence,
    };
  }
  return null;
}

/** A dependency whose code (or a cargo feature of it that is turned on) needs a nightly rustc, built with a stable one. */
function nightlyOnlyFinding(crate: { crate: string; version: string } | undefined, feature: string | undefined, evidence: { line: number; text: string }[]) {
  const name = crate?.crate ?? '<crate>';
  return {
    captures: {
      ...(crate ? { dependency: crate.crate, dependencyVersion: crate.version } : {}),
      ...(feature ? { feature } : {}),
      _story:
        `${crate ? `${crate.crate} ${crate.version}` : 'A dependency'} uses the unstable feature ${feature ? `\`${feature}\`` : 'it names'} (\`#![feature]\`), which only a nightly rustc accepts, and this rustc is a stable release. ` +
        'Either this version of the crate needs nightly, or one of its cargo features that is turned on (often `nightly`, `unstable`, `specialize`) does; a newer stable rustc does not help.',
      _fix: `Build with a nightly toolchain, or turn off the cargo feature of ${name} that needs it, or use a release of ${name} that builds on stable.`,
      _step: `Find who turns the feature on: \`cargo tree -e features -i ${name}\`; drop it from your Cargo.toml's \`features = [...]\` (or update the dependency that enables it), or move to a release of ${name} that builds on stable.`,
      _step2: 'If the project is meant for nightly, build with it: `rustup override set nightly` here, or `channel = "nightly"` in rust-toolchain.toml; if the crate saw nightly in an earlier build (RUSTC_BOOTSTRAP or a nightly run), `cargo clean` first.',
      _command: `cargo tree -e features -i ${name}`,
    },
    evidence,
  };
}

/** Fix steps that cap a Python build dependency inside pip's isolated build environment (or outside it). */
function buildCap(requirement: string, ownCodeStep: string) {
  return {
    _step: `Cap it for the build: \`echo "${requirement}" > constraints.txt\` and \`PIP_CONSTRAINT=constraints.txt pip install <package>\` (pip applies PIP_CONSTRAINT inside build isolation; uv: \`--build-constraint constraints.txt\`), or \`pip install "${requirement}"\` and then \`pip install --no-build-isolation <package>\`.`,
    _step2: ownCodeStep,
    _command: `pip install "${requirement}"`,
  };
}

function cythonFinding(hits: readonly PatternHit[]) {
  // Cython 3 names noexcept in the target type or explains the mismatch; a 0.29-era const or type mismatch is a code error.
  const hit = hits.find(
    (h) =>
      h.pattern === 'cython3-noexcept-assignment' &&
      /\bexcept\b/.test(h.captures._source ?? '') &&
      (h.captures._incompatible !== undefined || /\bnoexcept\b/.test(`${h.captures._target} ${h.captures._alias ?? ''}`)),
  );
  if (!hit) return null;
  const version = hits.find((h) => h.pattern === 'cython-3-installed')?.captures._cythonVersion;
  return {
    captures: {
      dependency: 'Cython',
      ...(version ? { dependencyVersion: version } : {}),
      ...(hit.captures.file ? { file: hit.captures.file } : {}),
      _story:
        `Cython${version ? ` ${version}` : ' 3'} rejects ${hit.captures.file ?? 'the .pyx code'}, which was written for Cython 0.29: since Cython 3.0, a cdef function without an exception clause propagates Python exceptions (\`except *\` / \`except? -1\`), so it no longer fits a C function pointer declared without one, and each such callback needs \`noexcept\`. ` +
        'A package that does not cap Cython in its build requirements gets Cython 3 in every new build environment.',
      _fix: 'Build with Cython 0.29 (cap it below 3), or use a release of the package that supports Cython 3.',
      ...buildCap('cython<3', 'If it is your code: add `noexcept` to the callbacks the error names (see Cython\'s "Migrating to Cython 3.0"), or pin `Cython<3` in pyproject.toml\'s [build-system] requires until then.'),
    },
    evidence: [{ line: hit.line, text: hit.text }],
  };
}

function setuptoolsFinding(hits: readonly PatternHit[]) {
  const missing = hits.find((h) => h.captures.module === 'pkg_resources');
  if (!missing) return null;
  const newSetuptools = hits.find((h) => h.pattern === 'setuptools-82-installed')?.captures._setuptoolsVersion;
  // Only an installed setuptools without pkg_resources is one too new; no setuptools at all is a build dependency missing.
  if (!newSetuptools && !hits.some((h) => h.pattern === 'setuptools-in-traceback')) return null;
  return {
    captures: {
      dependency: 'setuptools',
      ...(newSetuptools ? { dependencyVersion: newSetuptools } : {}),
      _story:
        `The build imports \`pkg_resources\`, while the setuptools it runs with${newSetuptools ? ` (${newSetuptools})` : ''} is installed but no longer ships that module: setuptools 82.0.0 removed pkg_resources, deprecated since 67.5. ` +
        'Build isolation always installs the newest setuptools, so a setup.py (or a build dependency) that still imports pkg_resources fails although nothing in the project changed.',
      _fix: 'Build with setuptools older than 82 (a build constraint), or use a release of the package that no longer imports pkg_resources.',
      ...buildCap('setuptools<82', 'If it is your package: replace pkg_resources with importlib.metadata / importlib.resources / packaging, or pin `setuptools<82` in pyproject.toml\'s [build-system] requires until then.'),
    },
    evidence: [{ line: missing.line, text: missing.text }],
  };
}

// Python 2 and < 3.7 quote the import statement on the traceback line before the error: "from Cython.Build import cythonize, build_ext"
const IMPORT_STATEMENT = /^from (?<module>[\w.]{1,200}) import /;

/** A build dependency (setuptools, Cython, numpy...) that lacks a name the build imports from it: another release of it is needed. */
function missingNameFinding(hits: readonly PatternHit[]) {
  for (const hit of hits) {
    if (hit.pattern !== 'build-module-lacks-name') continue;
    const module = hit.captures._module ?? hit.before.map((l) => IMPORT_STATEMENT.exec(l)?.groups?.module).find((m) => m !== undefined);
    const dist = module === undefined ? undefined : PYTHON_BUILD_MODULES[module.split('.')[0]];
    if (module === undefined || dist === undefined) continue;
    const name = hit.captures._name;
    return {
      captures: {
        dependency: dist,
        _story:
          `The build imports \`${name}\` from \`${module}\`, and the ${dist} it runs with has no such name: the package was written for another release of ${dist}. ` +
          `Build dependencies drop names (setuptools 46 removed \`Feature\`, setuptools 74 \`distutils.msvccompiler\`) and add them (\`Cython.Build.build_ext\` is missing from old Cython releases), ` +
          'and pip\'s build isolation installs the newest release unless the package caps it.',
        _fix: `Build with a release of ${dist} that has \`${name}\` (older or newer, as the package expects), or use a release of the package that fits the ${dist} you have.`,
        _step: `Find the ${dist} release the package was written for (its setup.py, pyproject.toml or changelog); cap an older one for the build with \`echo "${dist}<N" > constraints.txt\` and \`PIP_CONSTRAINT=constraints.txt pip install <package>\` (uv: \`--build-constraint\`), or upgrade an old one with \`pip install -U ${dist}\` and build with \`--no-build-isolation\`.`,
        _step2: `If it is your package: import \`${name}\` the way the current ${dist} provides it, or state the ${dist} range it needs in pyproject.toml's [build-system] requires.`,
        _command: `python -m pip show ${dist}`,
      },
      evidence: [{ line: hit.line, text: hit.text }],
    };
  }
  return null;
}

function boostFinding(hits: readonly PatternHit[]) {
  for (const hit of hits) {
    if (hit.captures._entityKind !== 'cmake' || !hit.captures.library) continue;
    const removed = removedBoostComponent(hit.captures.library, [hit.text, ...hit.before, ...hit.after]);
    if (!removed) continue;
    const component = hit.captures.library.replace(/^boost_/i, '');
    return {
      captures: {
        dependency: 'Boost',
        dependencyVersion: removed.boostVersion,
        _story:
          `The project asks CMake for the Boost component \`${component}\` (find_package(Boost ... COMPONENTS ${component})), and Boost ${removed.boostVersion} no longer has it: Boost ${removed.removedIn} removed that library${component === 'system' ? ' (Boost.System is header-only since 1.69; 1.89 dropped the stub library and its boost_system CMake package)' : ''}. ` +
          'No package installs it; the build files were written for older Boost releases.',
        _fix: `Drop \`${component}\` from the project's find_package(Boost COMPONENTS ...), or build against a Boost older than ${removed.removedIn}.`,
        _step: `Remove \`${component}\` from \`find_package(Boost ... COMPONENTS ...)\` and \`Boost::${component}\` from target_link_libraries (or list it under OPTIONAL_COMPONENTS if Boost releases before 1.69 must still work); most projects have released this fix, so updating the project may be enough.`,
        _step2: `Or build with Boost older than ${removed.removedIn} (an older distribution package, vcpkg/conan pinned to 1.88, \`-DBoost_ROOT=\` pointing at it).`,
        _command: `grep -rn "COMPONENTS.*${component}" --include=CMakeLists.txt --include=*.cmake .`,
      },
      evidence: [{ line: hit.line, text: hit.text }],
    };
  }
  return null;
}

// The first cc release whose find_vs_version knows each Visual Studio (VisualStudioVersion 17.0 is VS 2022, 18.0 VS 2026);
// the cmake crate asks it which generator to use. An older cc panics "unsupported or unknown VisualStudio version".
const CC_KNOWS_VISUAL_STUDIO: Readonly<Record<string, { release: string; cc: string }>> = {
  '17.0': { release: 'Visual Studio 2022', cc: '1.0.72' },
  '18.0': { release: 'Visual Studio 2026', cc: '1.2.46' },
};

/** The cmake crate (or the cc crate it asks) is older than the Visual Studio whose developer prompt the build runs in. */
function visualStudioFinding(hits: readonly PatternHit[]) {
  const cmakeCrate = hits.find((h) => h.pattern === 'cmake-crate-unknown-visual-studio');
  const ccHit = hits.find((h) => h.pattern === 'cc-unknown-visual-studio-version');
  const known = ccHit ? CC_KNOWS_VISUAL_STUDIO[ccHit.captures._vsVersion ?? ''] : undefined;
  const hit = known ? ccHit : cmakeCrate;
  if (!hit) return null;
  const cmakeVersion = [hit.text, ...hit.after].map((l) => /[\\/]cmake-(?<v>\d+\.\d+\.\d+)[\\/]src[\\/]lib\.rs/.exec(l)?.groups?.v).find((v) => v);
  const story = known
    ? `The build runs in a ${known.release} developer environment (VisualStudioVersion ${ccHit?.captures._vsVersion}), and the cc crate that the cmake crate${cmakeVersion ? ` ${cmakeVersion}` : ''} asks which Visual Studio generator to use is older than it: cc knows ${known.release} from ${known.cc}.`
    : `The cmake crate${cmakeVersion ? ` ${cmakeVersion}` : ''} found a Visual Studio it has no CMake generator name for: it is older than that Visual Studio (the cmake crate names Visual Studio 2022 from 0.1.47, Visual Studio 2026 from 0.1.55).`;
  return {
    captures: {
      dependency: known ? 'cc' : 'cmake',
      ...(cmakeVersion && !known ? { dependencyVersion: cmakeVersion } : {}),
      _story: story,
      _fix: 'Update the cc and cmake crates in Cargo.lock (`cargo update -p cc -p cmake`), or build from an older Visual Studio\'s developer prompt.',
      _step: 'Run `cargo update -p cc -p cmake`; when a -sys crate pins an old cmake (`cmake = "=0.1.45"`), update that -sys crate, or use its Ninja option where it has one.',
      _step2: 'Or run the build from the developer prompt of a Visual Studio those crates know (vcvarsall.bat of VS 2019/2022), or set CMAKE_GENERATOR=Ninja.',
      _command: 'cargo tree -i cc',
    },
    evidence: [{ line: hit.line, text: hit.text }],
  };
}

/** cargo-pgrx and the pgrx crate must be the same release: the installed CLI and the project's crate differ. */
function pgrxFinding(hits: readonly PatternHit[]) {
  const hit = hits.find((h) => h.pattern === 'cargo-pgrx-version-mismatch');
  if (!hit) return null;
  const c = hit.captures;
  const cli = c._cli ?? c._cli2 ?? 'cargo-pgrx';
  const cliVersion = c._cliVersion ?? c._cliVersion2 ?? '';
  const crate = c._crate ?? c._crate2 ?? 'pgrx';
  const crateVersion = (c._crateVersion ?? c._crateVersion2 ?? '').replace(/^[~=^]/, '');
  return {
    captures: {
      dependency: crate,
      ...(crateVersion ? { dependencyVersion: crateVersion } : {}),
      _story: `The installed ${cli} ${cliVersion} builds only extensions that use the same release of the ${crate} crate, and this project's Cargo.toml asks for ${crate} ${crateVersion}: ${cli} generates the SQL schema with code of its own release, so the two must match exactly.`,
      _fix: `Install the ${cli} release that matches the project's ${crate} (${crateVersion}), or move the project to ${crate} ${cliVersion}.`,
      _step: `\`cargo install --locked ${cli} --version ${crateVersion || '<the pgrx version in Cargo.lock>'}\` (then \`cargo ${cli.replace(/^cargo-/, '')} init\` again if that release asks for it).`,
      _step2: `Or upgrade the project: set \`${crate} = "=${cliVersion}"\` (and its companion crates) in Cargo.toml, following ${crate}'s upgrade notes.`,
      _command: `cargo install --locked ${cli} --version ${crateVersion || '<version>'}`,
    },
    evidence: [{ line: hit.line, text: hit.text }],
  };
}

export default defineRule({
  id: 'dependency-version-incompatible',
  title: 'A dependency version does not fit the toolchain or build files it is built with',
  summary: 'The version of a dependency that the build resolved does not fit the compiler, build tool or build files in use, so it fails although neither is broken on its own.',
  category: 'toolchain',
  captures: {
    dependency: { type: 'string', doc: 'the crate or package whose version does not fit', optional: true },
    dependencyVersion: { type: 'version', doc: 'its version, when the log shows it', optional: true },
    feature: { type: 'string', doc: 'the unstable rustc feature the crate turns on', optional: true },
    file: { type: 'path', doc: 'the Cython source the compiler rejected', optional: true },
  },
  internal: ['module', 'library', 'channel'],
  signals: ['python-module-missing', 'dependency-not-found'],
  explains: ['rust-code-error', 'rustc-too-old', 'python-build-dependency-missing', 'c-code-error', 'native-lib-missing'],
  contextBefore: 2,
  contextAfter: 10,
  patterns: [
    ...RUST_DEPENDENCY_CODE_PATTERNS,
    ...BUILD_SCRIPT_PANIC_PATTERNS,
    ...RUBY_C_API_PATTERNS,
    // counted only at a #![feature] inside a dependency's source (refine)
    ...rustcFeatureErrorPatterns({ unknown: 0.5, removed: 0.5, onStable: 0.5 }),
    {
      id: 'cython3-noexcept-assignment',
      // Cython 3.0.x: "jq.pyx:153:32: Cannot assign type 'void (void *, jv) except *' to 'jq_err_cb'. Exception values are
      // incompatible. Suggest adding 'noexcept' to type 'void (void *, jv) except *'."; Cython 3.1+: "... to 'callback_t'
      // (alias of 'void (*)(void *) noexcept'). Exception values are incompatible. Suggest adding 'noexcept' to the type of
      // 'on_event'."; Cython 3.0.0: "... except? -1' to 'int (*)(...) noexcept'" with nothing after it
      source: 'Cython 3.0+',
      literals: ['Cannot assign type'],
      re: /^(?<file>(?:[A-Za-z]:)?[^\s:'"]+\.(?:pyx|pxd|pxi)):\d+:\d+: Cannot assign type '(?<_source>[^']*)' to '(?<_target>[^']*)'(?: \(alias of '(?<_alias>[^']*)'\))?(?<_incompatible>\. Exception values are incompatible)?/,
      weight: 0.9,
    },
    {
      id: 'cython-3-installed',
      // pip installing the build environment: "Downloading Cython-3.0.0-cp311-cp311-manylinux...whl",
      // "Successfully installed Cython-3.0.2 setuptools-68.0.0", "Using cached cython-3.1.2.tar.gz" (support: names the release)
      source: 'pip',
      literals: ['ython-3.'],
      re: /(?:^|[\s/\\])[Cc]ython-(?<_cythonVersion>3\.\d+(?:\.\d+)?(?:[ab]\d+)?)(?:-cp|-py|\.tar|\s|$)/,
      weight: 0.05,
    },
    {
      id: 'setuptools-in-traceback',
      // a traceback frame inside an installed setuptools: 'File "/tmp/pip-build-env-x/overlay/lib/python3.12/site-packages/
      // setuptools/build_meta.py", line 333, in get_requires_for_build_wheel' (Windows "...\Lib\site-packages\setuptools\");
      // the source line Python quotes under its run_setup frame, "exec(code, locals())  # noqa: S102 # exec is intentional here";
      // uv: "Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit code: 1)" (support: setuptools is there)
      source: 'Python traceback / uv',
      literals: ['site-packages/setuptools/', 'site-packages\\setuptools\\', 'Call to `setuptools.build_meta', 'exec(code, locals())'],
      re: /site-packages[\\/]setuptools[\\/]\w+\.py|^Call to `setuptools\.build_meta|^exec\(code, locals\(\)\)/,
      weight: 0.05,
    },
    {
      id: 'build-module-lacks-name',
      // Python: an import in setup.py or a build backend of a name the installed module does not have (>= 3.7 names the
      // module: "ImportError: cannot import name 'Feature' from 'setuptools' (/usr/lib/python3/site-packages/setuptools/__init__.py)";
      // older Pythons only "ImportError: cannot import name build_ext"); counted for build dependencies only, never for a
      // circular import ("from partially initialized module")
      source: 'Python (import)',
      literals: ['cannot import name'],
      re: /^ImportError: cannot import name '?(?<_name>\w{1,100})'?(?: from '(?<_module>[\w.]{1,200})'|$| \()/,
      weight: 0.5,
    },
    {
      id: 'cc-unknown-visual-studio-version',
      // cc 0.3.48+ windows_registry::find_vs_version (find-msvc-tools from cc 1.2.3x), asked by the cmake crate for a
      // generator, in a developer prompt whose VisualStudioVersion it does not know: "unsupported or unknown VisualStudio
      // version: 17.0" then "if another version is installed consider running the appropriate vcvars script ..."
      source: 'cc crate (via the cmake crate)',
      literals: ['unsupported or unknown VisualStudio version'],
      re: /^unsupported or unknown VisualStudio version: (?<_vsVersion>\d+\.\d+)/,
      weight: 0.9,
    },
    {
      id: 'cmake-crate-unknown-visual-studio',
      // cmake crate before 0.1.47 with VS 2022, before 0.1.55 with VS 2026: "Visual studio version detected but this crate
      // doesn't know how to generate cmake files for it, can the `cmake` crate be updated?"
      source: 'cmake crate',
      literals: ["doesn't know how to generate cmake files for it"],
      re: /Visual studio version detected but this crate doesn't know how to generate cmake files for it/,
      weight: 0.9,
    },
    {
      id: 'cargo-pgrx-version-mismatch',
      // cargo-pgrx (cargo-pgx before 0.7) refusing a pgrx crate of another version: pgx 0.2-0.6 "`pgx-0.2.4` shouldn't be used
      // with `cargo-pgx-0.3.3`, please use `pgx = "~0.3.3"` in your `Cargo.toml`."; pgrx 0.10+ "The installed `cargo-pgrx`
      // v0.11.2 is not compatible with the `pgrx = 0.10.2`, ... dependencies in `./Cargo.toml`. `cargo-pgrx` and pgrx dependency
      // versions must be identical." (eyre's "   0: " in front)
      source: 'cargo-pgrx / cargo-pgx',
      literals: ["shouldn't be used with `cargo-pg", 'is not compatible with the `pg'],
      re: /`(?<_crate>pgr?x)-(?<_crateVersion>\d+\.\d+\.\d+)` shouldn't be used with `(?<_cli>cargo-pgr?x)-(?<_cliVersion>\d+\.\d+\.\d+)`|The installed `(?<_cli2>cargo-pgr?x)` v(?<_cliVersion2>\d+\.\d+\.\d+) is not compatible with the `(?<_crate2>pgr?x) = (?<_crateVersion2>[^`]{1,40})`/,
      weight: 0.9,
    },
    {
      id: 'setuptools-82-installed',
      // pip: "Successfully installed setuptools-82.0.1 wheel-0.46.3", "Processing /x/setuptools-84.0.0-py3-none-any.whl"
      // (support: a setuptools without pkg_resources)
      source: 'pip',
      literals: ['setuptools-'],
      re: /(?:^|[\s/\\])setuptools-(?<_setuptoolsVersion>(?:8[2-9]|9\d|[1-9]\d\d)\.\d+(?:\.\d+)?)(?:-py|\.tar|\s|$)/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const found = rustFinding(ctx.hits) ?? pgrxFinding(ctx.hits) ?? buildScriptPanicFinding(ctx.hits) ?? visualStudioFinding(ctx.hits) ?? cythonFinding(ctx.hits) ?? rubyCApiFinding(ctx.hits) ?? setuptoolsFinding(ctx.hits) ?? boostFinding(ctx.hits) ?? missingNameFinding(ctx.hits);
    if (found) return { confidence: 0.9, captures: found.captures, evidence: found.evidence };
    return rustDependencyCodeFinding(ctx.hits, ctx.firedRules);
  },
  explanation:
    '{{_story}} Neither side is broken on its own; the versions the build resolved do not fit each other, and the fix ' +
    'is to move one of them.',
  fix: {
    summary: '{{_fix}}',
    steps: ['{{_step}}', '{{_step2}}'],
    commands: ['{{_command}}'],
  },
});
