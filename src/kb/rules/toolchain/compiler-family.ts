// The compiler-missing family (C and C++): the same tools print the same messages for both languages and only the
// compiler's name tells them apart, so the patterns and the refine are written once here and each rule names its
// language. A fix to one of these shapes lands in both rules.

import { compilerTargetTriple, crossToolchainFor } from '../../components.js';
import type { InstallFacts } from '../../platforms.js';
import { GCC_FATAL_ERROR } from '../../signals.js';
import { confidenceOf, type CaptureSpec, type LinePattern, type PatternHit, type Refinement, type RefineContext } from '../../rule.js';

export interface CompilerLanguage {
  /** The pattern id stem: `c` or `cxx`. */
  key: 'c' | 'cxx';
  /** CMake's variable suffix and the environment variable: C / CC, CXX / CXX. */
  cmakeLang: 'C' | 'CXX';
  envVar: 'CC' | 'CXX';
  /** gcc's backend for the language (cc1, cc1plus), which the gcc driver execs. */
  backend: 'cc1' | 'cc1plus';
  backendLiterals: readonly string[];
  /** The language's compiler drivers, with an optional target prefix, version suffix or .exe. */
  drivers: RegExp;
  /** The compiler to name when no line does. */
  defaultCompiler: (hits: RefineContext['hits']) => string;
}

export const C_LANGUAGE: CompilerLanguage = {
  key: 'c',
  cmakeLang: 'C',
  envVar: 'CC',
  backend: 'cc1',
  // (the name with its closing quote, as every translation prints it: 'cc1', ‘cc1’, »cc1«, « cc1 » with no-break
  // spaces, ”cc1”)
  backendLiterals: ["cc1'", 'cc1’', 'cc1«', 'cc1\u00a0»', 'cc1 »', 'cc1”'],
  // "cc", "gcc-12", "aarch64-linux-gnu-gcc", "arm-none-eabi-gcc-12", "x86_64-w64-mingw32-gcc.exe", "clang"
  drivers: /^(?:[\w.-]*-)?(?:gcc|cc|clang)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/,
  defaultCompiler: () => 'cc',
};

export const CXX_LANGUAGE: CompilerLanguage = {
  key: 'cxx',
  cmakeLang: 'CXX',
  envVar: 'CXX',
  backend: 'cc1plus',
  backendLiterals: ['cc1plus'],
  // "c++", "g++-12", "aarch64-linux-gnu-g++", "x86_64-w64-mingw32-g++.exe", "clang++"
  drivers: /^(?:[\w.-]*-)?(?:g\+\+|c\+\+|clang\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/,
  // gcc's missing C++ backend means g++ is what is missing.
  defaultCompiler: (hits) => (hits.some((h) => h.pattern === 'gcc-cannot-exec-cc1plus') ? 'g++' : 'c++'),
};

/** The captures both rules publish. */
export function compilerCaptures(language: string): Record<string, CaptureSpec> {
  return {
    compiler: { type: 'string', doc: `the ${language} compiler that was not found (a cross compiler has its target prefix)` },
    program: { type: 'string', doc: 'the compiler the shell did not find, when a shell said so', optional: true },
    crossTriple: { type: 'string', doc: 'the target triple of a cross compiler\'s name (other than x86_64-linux-gnu)', optional: true },
  };
}

/** CMake: "The CMAKE_<LANG>_COMPILER:\n\n    gcc-13\n\n  is not a full path and was not found in the PATH." (the first line is checked in refine) */
export function cmakeCompilerNotInPath(lang: CompilerLanguage): LinePattern {
  return {
    id: `cmake-${lang.key}-compiler-not-in-path`,
    source: 'cmake',
    literals: ['is not a full path and was not found in the PATH'],
    // CMake (all 3.x): the line after the compiler's name
    re: /is not a full path and was not found in the PATH/,
    weight: 0.9,
  };
}

/** CMake: "Could not find compiler set in environment variable CC:\n\n  clang." (CXX likewise) */
export function cmakeCompilerEnvNotFound(lang: CompilerLanguage): LinePattern {
  return {
    id: `cmake-${lang.key === 'c' ? 'cc' : 'cxx'}-env-not-found`,
    source: 'cmake',
    literals: [`environment variable ${lang.envVar}:`],
    // CMake (all 3.x): the compiler named by CC/CXX does not exist
    re: new RegExp(`Could not find compiler set in environment variable ${lang.envVar}:`),
    weight: 0.95,
  };
}

/**
 * gcc driver present but the language's backend is not: "gcc: fatal error: cannot execute 'cc1plus': execvp: No such
 * file or directory" (gcc >= 4.6; older: "gcc: error trying to exec 'cc1plus': execvp: No such file or directory").
 * gcc.mo translates "cannot execute %qs: %s" (gcc 12: de "»cc1plus« kann nicht ausgeführt werden", fr "ne peut exécuter
 * « cc1plus »", sv "det går inte att köra ”cc1plus”", uk "не вдалося виконати ‘cc1plus’"; zh_CN keeps the English
 * between translated "致命错误："), and the quotes %qs prints follow the locale.
 */
export function gccBackendMissing(lang: CompilerLanguage): LinePattern {
  const quoted = String.raw`['‘’"“”«»‹›]\s?${lang.backend}\s?['‘’"“”«»‹›]`;
  return {
    id: `gcc-cannot-exec-${lang.backend}`,
    source: 'gcc',
    literals: lang.backendLiterals,
    // gcc driver; the driver that printed it comes first ("arm-linux-gnueabihf-gcc: error trying to exec 'cc1': ...",
    // "aarch64-linux-gnu-gcc:error trying to exec ...")
    re: new RegExp(
      String.raw`(?:(?:^|[\s'"])(?<_driver>(?:[A-Za-z]:)?[\w./\\+-]{1,200}): ?(?:(?:fatal error|error|${GCC_FATAL_ERROR.join('|')})\s?[:：] ?)?)?` +
        // (the verb before the name, or de's after it: one of the two, the name written once)
        String.raw`(?:(?:cannot execute|error trying to exec|ne peut exécuter|det går inte att köra|не вдалося виконати) ?)?${quoted}(?: kann nicht ausgeführt werden)? ?: execvp`,
    ),
    weight: 0.9,
  };
}

/** Keeps the CMake "not in PATH" hits of this language only, and names the compiler (and a cross compiler's triple). */
export function refineCompilerMissing(lang: CompilerLanguage, ctx: RefineContext): Refinement | null {
  const notInPath = `cmake-${lang.key}-compiler-not-in-path`;
  // CMake prints "The CMAKE_C_COMPILER:" / "The CMAKE_CXX_COMPILER:" a few lines before the shared line.
  const header = `The CMAKE_${lang.cmakeLang}_COMPILER:`;
  const hits = ctx.hits.filter((h) => h.pattern !== notInPath || h.before.some((l) => l.includes(header)));
  if (hits.length === 0) return null;
  const compiler = hits.map((h) => compilerNamedBy(lang, h)).find(Boolean) ?? lang.defaultCompiler(hits);
  // CMake's NMake generator names MSVC's cl: a missing Visual C++ (or a shell without vcvarsall), which msvc-missing reads.
  if (/^cl(?:\.exe)?$/i.test(compiler)) return null;
  const triple = compilerTargetTriple(compiler) ?? undefined;
  // Python's build_ext runs the compiler the interpreter was built with, which Debian names by its own triple
  // (arm-linux-gnueabihf-gcc on Raspberry Pi OS): the machine's native compiler, from build-essential.
  const viaPython = hits.some((h) => h.pattern.endsWith(':distutils-unable-to-execute'));
  const cross = triple && triple !== 'x86_64-linux-gnu' && !viaPython ? triple : undefined;
  // A wrapper without a triple in its name that the cross-toolchain table knows (cc-rs's musl-gcc and musl-g++ for a
  // *-linux-musl target on a glibc host) is installed from its own package too.
  const wrapper = !triple && crossToolchainFor(compiler, lang.key) !== null;
  return {
    confidence: confidenceOf(hits),
    captures: { compiler, ...(cross ? { crossTriple: cross } : {}) },
    evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    // A cross compiler comes from its target's toolchain package, not build-essential; a triple without known packages
    // gets none (the steps say what to install).
    ...(cross || wrapper ? { install: crossInstall(compiler, lang.key) } : {}),
  };
}

/** The install facts for a target-prefixed compiler or linker: its cross toolchain's packages, or none when not known. */
export function crossInstall(program: string, language: 'c' | 'cxx'): InstallFacts {
  const found = crossToolchainFor(program, language);
  return found ? { packages: found.packages, ...(found.platform ? { platform: found.platform } : {}) } : { packages: {} };
}

/**
 * The compiler of this language that a hit of the family's shapes names: the program a shell or tool did not find, the
 * gcc driver whose backend is missing, or the compiler CMake's CMAKE_<LANG>_COMPILER names; undefined when it names none.
 */
export function compilerNamedBy(lang: CompilerLanguage, hit: PatternHit): string | undefined {
  const named = hit.captures.program ?? hit.captures.compiler ?? cmakeNamedCompiler(hit.before, `The CMAKE_${lang.cmakeLang}_COMPILER:`);
  if (named) return named;
  // gcc's driver for the backend: either language's driver execs cc1 for C and cc1plus for C++, and the backend names
  // the compiler that is missing ("gcc: error trying to exec 'cc1plus'" is g++ missing, "aarch64-linux-gnu-g++" for a cross gcc).
  const driver = hit.captures._driver?.replace(/^.*[/\\]/, '');
  if (!driver || !(C_LANGUAGE.drivers.test(driver) || CXX_LANGUAGE.drivers.test(driver))) return undefined;
  return lang.key === 'cxx'
    ? driver.replace(/(^|-)(gcc|cc|clang)(?=$|-\d|\.exe$)/, (_, dash: string, c: string) => `${dash}${c === 'gcc' ? 'g++' : c === 'cc' ? 'c++' : 'clang++'}`)
    : driver.replace(/(^|-)(g\+\+|c\+\+|clang\+\+)(?=$|-\d|\.exe$)/, (_, dash: string, c: string) => `${dash}${c === 'g++' ? 'gcc' : c === 'c++' ? 'cc' : 'clang'}`);
}

/** The compiler CMake names between "The CMAKE_C_COMPILER:" and "is not a full path ...": the indented line after the header. */
function cmakeNamedCompiler(before: readonly string[], header: string): string | undefined {
  const at = before.findIndex((l) => l.includes(header));
  if (at < 0) return undefined;
  // CMake (3.x) indents the name by four spaces on its own line; a full path keeps only its file name.
  const name = before.slice(at + 1).map((l) => l.trim()).find((l) => l.length > 0);
  return name && /^[\w.+\/\\:-]{1,200}$/.test(name) ? name.replace(/^.*[/\\]/, '') : undefined;
}
