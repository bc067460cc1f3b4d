// native-lib-missing: a system library (its headers, its -l link library, its pkg-config or CMake package file) that
// the build needs is not installed.
//
// The lines come from the shared signals (core/signals.ts): library-not-found (ld, lld, ld64, mold, link.exe, rustc),
// dependency-not-found (pkg-config, CMake, meson, autoconf) and header-not-found (gcc, clang, MSVC). The kb table
// routes each entity here unless a dedicated rule owns it (OpenSSL, Python headers), and gives its packages.

import { removedBoostComponent as removedBoostComponentIn } from '../../../boost-components.js';
import { TOOLCHAIN_RUNTIME_LIBRARIES } from '../../../libraries.js';
import { COMPONENTS, factForCmakePackage, factForHeader, factForLibrary, factForProgram, type EntityFact } from '../../../components.js';
import type { InstallFacts } from '../../../platforms.js';
import { defineRule, type PatternHit } from '../../../rule.js';
import { isProjectPath } from '../../../signals.js';
import { crossLinkerTriple, debianArchOf } from '../../toolchain/cross-toolchain-misconfigured/cross-build.js';

const TOOLCHAIN_LIBS = new Set([
  'gcc', 'gcc_s', 'gcc_eh', 'ssp_nonshared', 'crt1.o',
  'kernel32', 'msvcrt', 'msvcrtd', 'ucrt', 'ucrtd', 'vcruntime', 'libcmt', 'libcmtd', 'oldnames', 'advapi32', 'user32', 'ws2_32',
  'userenv', 'bcrypt', 'ntdll', 'shell32', 'ole32', 'oleaut32', 'uuid.lib', 'legacy_stdio_definitions', 'synchronization', 'dbghelp', 'gdi32', 'secur32', 'crypt32', 'ncrypt', 'iphlpapi', 'psapi', 'comctl32', 'winspool', 'comdlg32', 'shlwapi', 'mswsock',
]);

// node-gyp's import libraries for the runtime's symbols (node.lib, iojs.lib), which node-gyp downloads with the headers.
const NODE_IMPORT_LIBRARY = /^(?:node|iojs|electron)(?:\.lib)?$/i;

const MACOS_LEGACY_RUNTIME = /^(?:gcc_s\.10\.\d+|crt1\.(?:\d+\.)+o|dylib1\.(?:\d+\.)+o|bundle1\.o)$/;

// The version requirement the pkg-config crate passed along with the module: "glib-2.0 >= 2.70".
const PKG_CONFIG_REQUIREMENT = /"(?<requirement>[\w.+-]{1,100} [<>=]{1,2} ?[\w.+-]{1,40})"/;

/** The kb facts of what a hit names: a library or pkg-config module, a header, or a CMake package. */
function factOf(hit: PatternHit): EntityFact | null {
  const { library, header, program, _entityKind: kind } = hit.captures;
  if (header) return factForHeader(header);
  // A library's config script (xslt-config, pg_config, mysql_config) that is not on PATH.
  if (program) return factForProgram(program);
  if (!library) return null;
  return kind === 'cmake' ? factForCmakePackage(library) : factForLibrary(library, kind === 'pkg-config' ? 'pkg-config' : 'library');
}

// libpython by its link name: -lpython3.8, python3.12d, python311 (MSVC's python311.lib).
const LIBPYTHON = /^(?:lib)?python\d(?:\.?\d+)?[dmu]*$/;

// gcc and clang quote the failing #include on the next lines: `    1 | #include "config.h"` (gcc >= 9) or `#include "config.h"`.
const QUOTED_INCLUDE = /#\s*include\s*"/;

// CMake's FindPackageHandleStandardArgs: "Could NOT find Msgpack (missing: MSGPACK_LIBRARY)": the variables left unset.
const CMAKE_MISSING = /\(missing: (?<vars>[^)]{1,400})\)/;
// The Call Stack line of the Find module that failed: "  cmake/FindMsgpack.cmake:46 (find_package_handle_standard_args)".
// (FindPackageHandleStandardArgs.cmake's own frames come first: the module is the first frame after them.)
const FIND_MODULE_FRAME = /^(?<path>\S{0,300}Find(?!PackageHandleStandardArgs\.)\w{1,80}\.cmake):\d+ \(/;

/**
 * A project's own Find module (a Call Stack frame outside CMake's Modules directory) that found the headers but not
 * the library: the headers come in the same -dev package as the library's link name, so the library is there under
 * a name or path the module does not look for (a renamed library such as msgpackc -> msgpack-c): the module's
 * fault, not a package to install.
 */
function projectModuleMissesOnlyLibrary(hit: PatternHit): boolean {
  if (hit.captures._entityKind !== 'cmake') return false;
  const vars = CMAKE_MISSING.exec(hit.text)?.groups?.vars?.trim().split(/\s+/);
  if (!vars || !vars.every((v) => /_LIBRAR(?:Y|IES)(?:_RELEASE|_DEBUG)?$|_LIB$/.test(v))) return false;
  const frame = hit.after.map((l) => FIND_MODULE_FRAME.exec(l.trim())?.groups?.path).find(Boolean);
  return frame !== undefined && !/[/\\](?:share[/\\]cmake(?:-[\d.]+)?|Modules)[/\\]/i.test(frame);
}

// CMake's FindPkgConfig (3.28 to 4.x, pkg_check_modules REQUIRED) lists every module spec pkg-config did not find, one
// " - <spec>" line each under "The following required packages were not found:" (indented by message(), after a blank
// line). With QUIET, that list is all the log shows of which module is missing.
const LISTED_MODULE = /^\s{0,8}- (?<spec>[\w.+-]{1,100}(?:\s{0,2}[<>=!]{1,2}\s{0,2}[\w.+-]{1,40})?)\s*$/;

/**
 * The modules listed after FindPkgConfig's "The following required packages were not found:", as hits naming each.
 * A spec with a version ("zlib>=99") may name a module that is installed but too old, which the list does not tell
 * apart: only modules asked for without a version count.
 */
function modulesListedUnder(hit: PatternHit): PatternHit[] {
  if (hit.pattern !== 'cmake-required-package' || !hit.text.includes('required packages were not found')) return [];
  const specs: string[] = [];
  for (const line of hit.after) {
    if (line.trim() === '') continue;
    const spec = LISTED_MODULE.exec(line)?.groups?.spec;
    if (!spec) break;
    specs.push(spec);
  }
  return specs.filter((spec) => /^[\w.+-]+$/.test(spec)).map((spec) => ({ ...hit, captures: { library: spec, _entityKind: 'pkg-config' } }));
}

/** A BoostConfig.cmake component that the Boost version being searched no longer ships (dependency-version-incompatible). */
function removedBoostComponent(hit: PatternHit): boolean {
  if (hit.captures._entityKind !== 'cmake') return false;
  return removedBoostComponentIn(hit.captures.library ?? '', [hit.text, ...hit.before, ...hit.after]) !== undefined;
}

/**
 * CMake prints a config-mode find_package that found nothing under "CMake Warning at" when the package is optional
 * (the configure goes on) and under "CMake Error at" when it is REQUIRED: only the error is a failure.
 */
function optionalCmakePackage(hit: PatternHit): boolean {
  if (!hit.pattern.endsWith(':cmake-no-package-config')) return false;
  const header = [...hit.before].reverse().find((l) => /^CMake (?:Error|Warning)\b/.test(l.trim()));
  return header !== undefined && header.trim().startsWith('CMake Warning');
}

// -l words no library is named after: a linker flag (-static, -shared) that reached the link line as a library.
const LINKER_FLAG_WORDS = new Set(['static', 'shared', 'dynamic', 'bstatic', 'bdynamic']);

// GNU make right after Debian's pg_config wrapper refused: a PGXS Makefile (`PGXS := $(shell $(PG_CONFIG) --pgxs)`) got
// no makefile to include, "make: *** No targets.  Stop." / "No rule to make target 'install'.  Stop.". That is a
// server-side extension, which needs postgresql-server-dev-NN (PGXS), not the client library libpq-dev the table names.
const PGXS_MAKE_STOPPED = /^make(?:\[\d+\])?: \*\*\* (?:No targets|No rule to make target)/;

/** Debian's pg_config wrapper in a PostgreSQL server-side extension build (see PGXS_MAKE_STOPPED). */
function serverExtensionBuild(hit: PatternHit): boolean {
  return hit.pattern.endsWith(':debian-pg-config-wrapper') && hit.after.slice(0, 2).some((l) => PGXS_MAKE_STOPPED.test(l.trim()));
}

/** The file a package manager's file search should look for, for an entity the table does not know. */
function searchFileOf(fact: EntityFact): string {
  if (fact.kind === 'header') return fact.name;
  if (fact.kind === 'cmake') return `${fact.name}Config.cmake`;
  if (fact.kind === 'pkg-config') return `${fact.name}.pc`;
  if (fact.kind === 'program') return `bin/${fact.name}`;
  return `lib${fact.name.replace(/^lib/, '')}.so`;
}

// The link command above the linker's "cannot find -lfoo" passes a -L directory named for that very library
// ("-L.../lib/libopenbsd -lopenbsd", as make echoes the command): the project builds the library itself, and it was not
// built or the path is wrong; no system package is missing.
function linksFromOwnLibraryDir(hit: PatternHit, library: string): boolean {
  const name = library.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // gcc/cc command lines echoed by make, CMake or libtool: "-L<dir>/libfoo" or "-L <dir>/foo" followed by a space or the end.
  const ownDir = new RegExp(String.raw`(?:^|\s)-L\s?(?:\S*[/\\])?(?:lib)?${name}(?:\s|$)`);
  return hit.before.some((l) => ownDir.test(l));
}

/**
 * Windows has no system package manager: a library comes from vcpkg, but a MinGW or gcc runtime library comes with the
 * MinGW-w64 toolchain itself (MSYS2's, used from its MINGW64/UCRT64 shell rather than the MSYS one, whose gcc links
 * for MSYS), and vcpkg has no port of it.
 */
function windowsInstallOf(library: string, runtime: boolean): { windows?: string } {
  const name = library.replace(/^lib/, '').toLowerCase();
  if (!runtime) return { windows: `vcpkg install ${library}:x64-windows   # then make the library directory visible to the linker (LIB / cargo:rustc-link-search)` };
  if (/^(?:mingw|moldname|msvcrt|gcc)/.test(name)) return { windows: 'pacman -S --needed mingw-w64-ucrt-x86_64-toolchain   # in MSYS2; then build from its UCRT64 (or MINGW64, with mingw-w64-x86_64-toolchain) shell, not the MSYS one' };
  return {};
}

export default defineRule({
  id: 'native-lib-missing',
  title: 'A system library is not installed',
  summary: 'The build needs a system library (to link, or through pkg-config) that is not installed or not on the search path.',
  category: 'system-library',
  captures: {
    library: { type: 'string', doc: 'the missing library (as pkg-config, the linker or the table names it)', optional: true },
    header: { type: 'string', doc: 'the missing header, when a header is what failed', optional: true },
    crate: { type: 'string', doc: 'the -sys crate whose build needed it', optional: true },
    crossTriple: { type: 'string', doc: 'the target triple of the cross linker that found no build of the library for its target', optional: true },
  },
  internal: ['packageNote', 'crateNote', 'program', 'tooOld', 'tooOld2', 'tooOld3'],
  signals: ['library-not-found', 'dependency-not-found', 'header-not-found', 'configure-check-failed', 'program-not-found'],
  contextBefore: 6,
  contextAfter: 5,
  patterns: [
    {
      id: 'cmake-required-package',
      // CMake FindPkgConfig after a REQUIRED pkg_check_modules probe failed: "A required package was not found" (CMake 2.8 to 3.x),
      // "The following required packages were not found:" then " - foo" (newer CMake, seen with 4.4) (support: makes the probe decisive)
      source: 'CMake FindPkgConfig',
      literals: ['A required package was not found', 'required packages were not found'],
      re: /A required package was not found|The following required packages were not found/,
      weight: 0.1,
    },
    {
      id: 'pkg-config-version-unsatisfied',
      // pkg-config found the module but older than required (support: sets aside that module's "not found" lines, which the
      // pkg-config crate prints for this case too): pkgconf 1.8 made here "Package dependency requirement 'zlib >= 9.0'
      // could not be satisfied." / "Package 'zlib' has version '1.2.13', required version is '>= 9.0'"; pkg-config 0.29
      // "Requested 'glib-2.0 >= 2.70' but version of GLib is 2.64.6".
      source: 'pkg-config / pkgconf',
      literals: ['could not be satisfied', "', required version is '", "Requested '"],
      re: /Package dependency requirement '(?<tooOld>[\w.+-]{1,100}) [<>=!]{1,2} ?[^']{1,40}' could not be satisfied|Package '(?<tooOld2>[\w.+-]{1,100})' has version '[^']{1,40}', required version is '|Requested '(?<tooOld3>[\w.+-]{1,100}) [<>=!]{1,2} ?[^']{1,40}' but version of /,
      weight: 0.01,
    },
    {
      id: 'python-extension-build',
      // maturin ("💥 maturin failed"), cibuildwheel and auditwheel runs, and the manylinux images they build in: a Python
      // extension module is being built (support: an extension never links libpython, which manylinux leaves out)
      source: 'maturin, cibuildwheel, auditwheel',
      literals: ['maturin failed', 'manylinux1', 'manylinux2010', 'manylinux2014', 'manylinux_', 'cibuildwheel', 'auditwheel'],
      re: /maturin failed|\bmanylinux(?:1|2010|2014|_\d+_\d+)|cibuildwheel|auditwheel/,
      weight: 0.01,
    },
  ],
  refine: (ctx) => {
    const extensionBuild = ctx.hits.some((h) => h.pattern === 'python-extension-build');
    const installedTooOld = new Set(ctx.hits.flatMap((h) => [h.captures.tooOld, h.captures.tooOld2, h.captures.tooOld3]).filter((m) => m !== undefined).map((m) => m.toLowerCase()));
    const named = [...ctx.hits, ...ctx.hits.flatMap(modulesListedUnder)]
      .map((hit) => ({ hit, fact: factOf(hit) }))
      .filter((h): h is { hit: PatternHit; fact: EntityFact } => h.fact !== null)
      // An entity another rule owns (Python.h, OpenSSL's headers) reached this rule only as the generic fallback.
      .filter(({ fact }) => fact.rule === 'native-lib-missing')
      // gcc's own runtime libraries or the Windows SDK's: their absence means an incomplete compiler installation
      // (Visual Studio's Windows SDK, a broken gcc), which the toolchain rules diagnose, or musl-specific on Alpine.
      .filter(({ fact }) => !(fact.kind === 'library' && TOOLCHAIN_LIBS.has(fact.name.toLowerCase().replace(/\.lib$/, ''))))
      // Apple's old deployment-target runtimes (-lgcc_s.10.5, -lcrt1.10.6.o, -lcrt1.3.1.o), which the linker asks for when
      // a build targets a macOS release the SDK no longer supports: a deployment target to raise, not a package.
      .filter(({ fact }) => !(fact.kind === 'library' && MACOS_LEGACY_RUNTIME.test(fact.name)))
      // node-gyp's own download, not a system library (node-headers-unavailable reads node-gyp's cache).
      .filter(({ hit, fact }) => !(fact.kind === 'library' && NODE_IMPORT_LIBRARY.test(fact.name) && /\.lib\b/i.test(hit.text)))
      // "-lstatic": a flag the project's build files passed as a library name.
      .filter(({ fact }) => !(fact.kind === 'library' && LINKER_FLAG_WORDS.has(fact.name.toLowerCase())))
      .filter(({ hit, fact }) => !(fact.kind === 'library' && linksFromOwnLibraryDir(hit, fact.name)))
      .filter(({ hit }) => !projectModuleMissesOnlyLibrary(hit))
      .filter(({ hit }) => !removedBoostComponent(hit))
      .filter(({ hit }) => !optionalCmakePackage(hit))
      // pkg-config found the module, older than the build requires: installing it would change nothing.
      .filter(({ fact }) => !installedTooOld.has(fact.name.toLowerCase()))
      .filter(({ hit }) => !serverExtensionBuild(hit))
      // An #include "..." of a header the table does not know is a file of the project (or of a submodule), not a system library.
      .filter(({ hit, fact }) => !(fact.kind === 'header' && !fact.known && hit.after.slice(0, 2).some((l) => QUOTED_INCLUDE.test(l))))
      // A header path into the build directory, a submodule or vendored directory, or "../": the project's own file.
      .filter(({ fact }) => !(fact.kind === 'header' && !fact.known && isProjectPath(fact.name)))
      // A header the table does not know under a directory of its own (<tree_sitter/parser.h>, <nuttx/arch.h>,
      // <include/secp256k1.h>): in the natural samples such names were the project's or a vendored library's own
      // headers (an include path not set) ten times in fourteen, so they are not claimed as a system library.
      .filter(({ fact }) => !(fact.kind === 'header' && !fact.known && fact.name.includes('/')))
      // An extension module built for a wheel must not link libpython (the interpreter provides its symbols; manylinux
      // images ship no libpython on purpose): the -lpython request is the fault, which installing a package would not fix.
      .filter(({ fact }) => !(extensionBuild && fact.kind === 'library' && LIBPYTHON.test(fact.name)));
    if (named.length === 0) return null;
    // The strongest line names the library the fix is about.
    const { hit, fact } = [...named].sort((a, b) => b.hit.weight - a.hit.weight || a.hit.line - b.hit.line)[0];
    // A header names its library by the table's short name (zlib for zlib.h), else by itself.
    const byTable = fact.component ? (COMPONENTS[fact.component].pkgConfig ?? fact.label) : fact.label;
    const library = (fact.kind === 'header' && fact.known) || fact.kind === 'program' ? byTable : fact.name;
    const captures: Record<string, string> = { library };
    if (hit.captures.crate) {
      captures.crate = hit.captures.crate;
      captures.crateNote = ` (required by the crate \`${hit.captures.crate}\`)`;
    }
    if (fact.kind === 'header') captures._via = ` (its header \`${fact.name}\` was not found)`;
    // (read from the line: a capture group after the module's would make the signal's regex backtrack)
    const versionRequired = hit.pattern.endsWith(':pkg-config-crate-probe-failed') ? PKG_CONFIG_REQUIREMENT.exec(hit.text)?.groups?.requirement : undefined;
    if (versionRequired) captures._via = ` (pkg-config refused \`${versionRequired}\`; its own message, not in this log, tells a missing module from an older one: an older one needs a newer release of the library, or an older release of the crate)`;
    if (hit.pattern.endsWith(':mkmf-not-loadable')) captures._via = " (Ruby's mkmf.rb, which Debian and Ubuntu shipped with the headers in the ruby-dev package of Rubies before 2.x, could not be loaded)";
    if (fact.kind === 'program') {
      captures._via = hit.pattern.endsWith(':debian-pg-config-wrapper')
        ? ' (Debian\'s `pg_config` wrapper found no development package to run it from)'
        : ` (its \`${fact.name}\` script, from the development package, was not found)`;
    }
    if (fact.kind === 'cmake') {
      captures._via = ` (CMake's find_package(${fact.name}) failed)`;
      captures._cmakeDir = ` or set \`${fact.name}_DIR\` to the directory that holds its ${fact.name}Config.cmake`;
    }
    const guessed = !fact.known && fact.kind !== 'header' && fact.kind !== 'cmake' && fact.kind !== 'program';
    if (guessed) captures.packageNote = ` (the package names are guessed from the library name: confirm them with your package manager's file search, e.g. apt-file search ${searchFileOf(fact)})`;
    if (!fact.known && !guessed) captures.packageNote = ` (the table of known libraries does not name \`${fact.name}\`: the commands below search for the package that ships it)`;
    let install: InstallFacts = fact.known || guessed ? { packages: fact.packages, ...(fact.platform ? { platform: fact.platform } : {}) } : { packages: {}, search: searchFileOf(fact) };
    // A cross linker searches the target's libraries only: the target's build of the package is what is missing
    // (Debian/Ubuntu multiarch `<pkg>:<arch>`), not the build machine's.
    const runtime = fact.kind === 'library' && TOOLCHAIN_RUNTIME_LIBRARIES.has(fact.name.replace(/^lib/, '').toLowerCase());
    if (runtime) {
      captures._via = ' (a runtime library of the compiler toolchain itself, installed with its compiler: missing when that toolchain is incomplete, or when the compiler that links is not the one the build expects, such as MSYS\'s or Cygwin\'s own gcc where MinGW-w64\'s is needed)';
      captures.packageNote = ' (the toolchain that ships it)';
    }
    install = { ...install, platform: { ...install.platform, ...windowsInstallOf(fact.name, runtime) } };
    const target = !runtime && fact.kind === 'library' ? crossLinkerTriple(hit.text) : undefined;
    if (target) {
      const arch = debianArchOf(target);
      captures.crossTriple = target;
      captures._via = ` for the target ${target} (the cross linker found no ${target} build of it)`;
      captures.packageNote = arch
        ? ` for ${arch}: on Debian/Ubuntu \`sudo dpkg --add-architecture ${arch} && sudo apt-get update\` first; or point the build at the target's sysroot, or let a -sys crate build its own copy (a static/vendored feature, with PKG_CONFIG_ALLOW_CROSS not set to 1)`
        : ' for the target: install it into the cross toolchain\'s sysroot, or let a -sys crate build its own copy (a static/vendored feature)';
      const apt = install.packages.apt;
      install = { packages: arch && apt ? { apt: apt.map((p) => `${p}:${arch}`) } : {} };
    }
    const required = ctx.hits.some((h) => h.pattern === 'cmake-required-package');
    const weak = (h: PatternHit) => h.weight < 0.5;
    // The wheel-build marker only vetoes libpython; it is no evidence of the library that is missing.
    const evidence = extensionBuild ? { evidence: named.map(({ hit: h }) => ({ line: h.line, text: h.text })) } : {};
    // An optional probe (CMake's "-- Could NOT find", pkg_check_modules, meson's "found: NO") alone is no failure.
    if (ctx.hits.every(weak)) return required && named.length > 0 ? { captures, install, ...evidence, confidence: 0.85 } : null;
    // A header the table does not know may still be the project's own: below any rule that names a cause outright.
    const confidence = fact.kind === 'header' && !fact.known ? 0.6 : undefined;
    return { captures, install, ...evidence, ...(confidence !== undefined ? { confidence } : {}) };
  },
  explanation:
    'The build needs the system library `{{library}}`{{crateNote|}}{{_via|}}, and it is not installed, or is installed without its development files ' +
    '(the unversioned .so link, the headers and the .pc file live in a separate -dev/-devel package), or is in a directory ' +
    'that the linker or pkg-config does not search. Nothing is wrong with the code: the environment lacks the library.',
  fix: {
    summary: 'Install the development package of `{{library}}`, or point the linker/pkg-config at where it is installed.',
    steps: [
      'Install the development package that provides `{{library}}` (below){{packageNote|}}.',
      // Each build tool has its own search paths; a fragment that shows no tool gets them all.
      {
        tool: 'cargo',
        step: 'If it is installed in a non-standard prefix, add its lib directory to the link search path (RUSTFLAGS="-L native=/path/lib" or a `cargo:rustc-link-search` line in a build script) and its pkgconfig directory to PKG_CONFIG_PATH.',
      },
      { tool: 'cmake', step: 'If it is installed in a non-standard prefix, add that prefix to CMAKE_PREFIX_PATH (`-DCMAKE_PREFIX_PATH=/path`){{_cmakeDir|}}.' },
      {
        tool: ['pip', 'node-gyp', 'make', 'meson'],
        step: 'If it is installed in a non-standard prefix, add its include and lib directories to CPATH and LIBRARY_PATH (or the -I/-L flags of the build) and its pkgconfig directory to PKG_CONFIG_PATH.',
      },
      {
        tool: 'r',
        step: "If it is installed in a non-standard prefix, add its pkgconfig directory to PKG_CONFIG_PATH, or pass its directories to the package's configure (many packages read `R CMD INSTALL --configure-vars='INCLUDE_DIR=/path/include LIB_DIR=/path/lib' <pkg>`; install.packages() takes the same as `configure.vars`).",
      },
      {
        tool: 'gem',
        step: "If it is installed in a non-standard prefix, pass that prefix to the gem's extconf.rb: `gem install <gem> -- --with-opt-dir=/path` (Bundler: `bundle config build.<gem> --with-opt-dir=/path`).",
      },
      {
        tool: 'cabal',
        step: 'If it is installed in a non-standard prefix, pass its directories to Cabal: `cabal build --extra-include-dirs=/path/include --extra-lib-dirs=/path/lib` (or `extra-include-dirs:`/`extra-lib-dirs:` in cabal.project, stack.yaml for stack).',
      },
      'If `{{library}}` is a library your own project builds, build it first or fix the -l name / link-search path.',
    ],
  },
});
