// Pure: what a CMake project's top-level CMakeLists.txt says it needs to configure and build: the CMake version,
// the languages it enables (so the compilers), and pkg-config when it asks for it.

export interface CmakeProject {
  /** `cmake_minimum_required(VERSION x)`: the lowest CMake that configures it (the low end of a `x...y` range). */
  minimumVersion: string | null;
  /** The languages `project()` and `enable_language()` enable; `project()` without any enables C and CXX. */
  languages: string[];
  /** `find_package(PkgConfig REQUIRED)` or a `pkg_check_modules(... REQUIRED ...)`: pkg-config is needed to configure. */
  needsPkgConfig: boolean;
  /** `pybind11_add_module(name ...)` / `nanobind_add_module(name ...)`: a Python extension module compiled against Python.h. */
  pythonModules: { via: string; conditional: boolean }[];
  /** Sources fetched to be built at configure or build time (FetchContent, ExternalProject, CPM), from this file and the files it includes. */
  fetches: CmakeFetch[];
  /** `include(path)` of project files (not CMake modules), in order; read by the caller, whose fetches it adds. */
  includes: { path: string; conditional: boolean }[];
  /** Packages the configure stops without: `find_package(X REQUIRED)` (a find of the system's copy) and the modules of a `pkg_check_modules(P REQUIRED ...)`. */
  requiredPackages: CmakeRequiredPackage[];
  /** Variables `set()` here and in the included files (`OPENSSL_ROOT_DIR`): a find hinted at a copy the project builds. */
  setVariables: string[];
}

export interface CmakeRequiredPackage {
  /** The find_package name (`OpenSSL`) or the pkg-config module (`libcurl`). */
  name: string;
  kind: 'find_package' | 'pkg-config';
  via: string;
  /** Inside an if(), a loop, or a function or macro body. */
  conditional: boolean;
}

export interface CmakeFetch {
  /** The source's URLs and repositories as written (`GIT_REPOSITORY`, `URL`, `GITHUB_REPOSITORY`, CPM's `gh:`). */
  sources: string[];
  /** The command that fetches it, for the report (`FetchContent_Declare(openssl)`). */
  via: string;
  /** The file it is in, relative to the project. */
  file: string;
  /** Inside an if(), a loop, or a function or macro body: whether it runs depends on what the configure decides. */
  conditional: boolean;
  /** `FIND_PACKAGE_ARGS`: FetchContent tries find_package() first and builds the source only when that fails. */
  findsFirst: boolean;
}

/**
 * The text without `#` comments and bracket comments, so that commented-out commands do not count; a `#` inside a
 * quoted argument (CPM's `"gh:owner/repo#tag"`) is text, not a comment.
 */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '#') {
      // CMake's bracket comment `#[[...]]` / `#[==[...]==]`, else a line comment.
      const bracket = /^#\[(=*)\[/.exec(text.slice(i, i + 64));
      const end = bracket ? text.indexOf(`]${bracket[1]}]`, i + bracket[0].length) : text.indexOf('\n', i);
      out += bracket ? ' ' : '';
      i = end < 0 ? text.length : bracket ? end + bracket[1].length + 2 : end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * A command's arguments as CMake separates them: by whitespace, a quoted argument (`"Roaring bitmaps in C (and C++)"`)
 * one argument however many blanks and parentheses it holds, its quotes taken off.
 */
const words = (args: string) => [...args.matchAll(/"((?:[^"\\]|\\.)*)"|[^\s"]+/g)].map((m) => m[1] ?? m[0]);

// The keywords of project() that start a value, so that what follows is not taken for a language.
const PROJECT_KEYWORDS = new Set(['VERSION', 'DESCRIPTION', 'HOMEPAGE_URL', 'LANGUAGES']);

// The commands that fetch a source to build (CMake's FetchContent and ExternalProject modules, CPM.cmake).
const FETCH_COMMANDS = /^(?:FetchContent_Declare|ExternalProject_Add|CPMAddPackage|CPMDeclarePackage|CPMFindPackage)$/i;
// pybind11's and nanobind's CMake helpers: each builds a Python extension module, whose sources include Python.h.
const PYTHON_MODULE_COMMANDS = /^(?:pybind11_add_module|nanobind_add_module)$/i;
// Commands opening and closing a block whose body may not run (CMake's flow-control commands).
const BLOCK_OPEN = /^(?:if|foreach|while|function|macro)$/i;
const BLOCK_CLOSE = /^(?:endif|endforeach|endwhile|endfunction|endmacro)$/i;
// A command invocation `name(`: CMake's command syntax (an identifier, optional blanks, a parenthesis).
const COMMAND = /(?:^|[^\w$])([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(/g;

/** Each command invocation with its whole argument text (nested parentheses and quoted strings kept) and whether a block holds it. */
function commands(code: string): { name: string; args: string; conditional: boolean }[] {
  const out: { name: string; args: string; conditional: boolean }[] = [];
  let depth = 0;
  COMMAND.lastIndex = 0;
  for (let m = COMMAND.exec(code); m; m = COMMAND.exec(code)) {
    const open = m.index + m[0].length - 1;
    let level = 0;
    let end = code.length;
    for (let i = open; i < code.length; i++) {
      const c = code[i];
      if (c === '"') {
        i++;
        while (i < code.length && code[i] !== '"') i += code[i] === '\\' ? 2 : 1;
      } else if (c === '(') level++;
      else if (c === ')' && --level === 0) {
        end = i;
        break;
      }
    }
    const name = m[1];
    if (BLOCK_CLOSE.test(name)) depth = Math.max(0, depth - 1);
    out.push({ name, args: code.slice(open + 1, end), conditional: depth > 0 });
    if (BLOCK_OPEN.test(name)) depth++;
    COMMAND.lastIndex = end;
  }
  return out;
}

// The keywords whose next argument names where a fetched source comes from.
const SOURCE_KEYWORDS = new Set(['GIT_REPOSITORY', 'URL', 'GITHUB_REPOSITORY', 'GITLAB_REPOSITORY', 'SVN_REPOSITORY', 'HG_REPOSITORY']);

function fetchesOf(code: string, file: string): { fetches: CmakeFetch[]; includes: { path: string; conditional: boolean }[] } {
  const fetches: CmakeFetch[] = [];
  const includes: { path: string; conditional: boolean }[] = [];
  for (const c of commands(code)) {
    const w = words(c.args);
    if (FETCH_COMMANDS.test(c.name)) {
      const sources: string[] = [];
      w.forEach((x, i) => {
        if (SOURCE_KEYWORDS.has(x.toUpperCase()) && w[i + 1]) sources.push(w[i + 1]);
        // CPM's shorthand: CPMAddPackage("gh:owner/repo@1.2") or NAME ... GITHUB_REPOSITORY (above).
        if (/^(?:gh|gl|bb):/.test(x)) sources.push(x);
      });
      fetches.push({ sources, via: `${c.name}(${w[0] ?? ''})`, file, conditional: c.conditional, findsFirst: w.some((x) => x.toUpperCase() === 'FIND_PACKAGE_ARGS') });
    } else if (/^include$/i.test(c.name) && w[0] && /\.cmake$/i.test(w[0])) {
      // A project file (a path with .cmake); a bare name is a CMake module found on CMAKE_MODULE_PATH. include()
      // keeps the current source directory, so a relative path is the top level's; CMAKE_CURRENT_LIST_DIR is this file's.
      const here = file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : '';
      const path = w[0].replace(/^\$\{(?:CMAKE_CURRENT_SOURCE_DIR|CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR)\}\//, '').replace(/^\$\{CMAKE_CURRENT_LIST_DIR\}\//, here);
      if (!path.includes('$')) includes.push({ path, conditional: c.conditional });
    }
  }
  return { fetches, includes };
}

// pkg_check_modules / pkg_search_module keywords (the rest after the prefix are modules, with optional versions).
const PKG_CHECK_KEYWORDS = new Set(['REQUIRED', 'QUIET', 'NO_CMAKE_PATH', 'NO_CMAKE_ENVIRONMENT_PATH', 'IMPORTED_TARGET', 'GLOBAL']);

/**
 * The packages a configure cannot go on without. A find_package() given PATHS, HINTS or NO_DEFAULT_PATH looks for a
 * copy the project points it at (one it builds), not the system's, and is left out.
 */
function requiredPackagesOf(code: string): CmakeRequiredPackage[] {
  const out: CmakeRequiredPackage[] = [];
  for (const c of commands(code)) {
    const w = words(c.args);
    const upper = w.map((x) => x.toUpperCase());
    if (!upper.includes('REQUIRED')) continue;
    if (/^find_package$/i.test(c.name) && w[0] && !upper.some((x) => x === 'PATHS' || x === 'HINTS' || x === 'NO_DEFAULT_PATH')) {
      out.push({ name: w[0], kind: 'find_package', via: `find_package(${w[0]} REQUIRED)`, conditional: c.conditional });
    } else if (/^pkg_(?:check|search)_modules?$/i.test(c.name)) {
      for (const m of w.slice(1).filter((x) => !PKG_CHECK_KEYWORDS.has(x.toUpperCase()))) {
        const name = m.replace(/[<>=].*$/, '');
        if (name && !name.includes('$')) out.push({ name, kind: 'pkg-config', via: `${c.name}(${w[0]} REQUIRED ${m})`, conditional: c.conditional });
      }
    }
  }
  return out;
}

function setVariablesOf(code: string): string[] {
  return commands(code).filter((c) => /^set$/i.test(c.name)).map((c) => words(c.args)[0]).filter((v): v is string => Boolean(v));
}

/** What a file included from CMakeLists.txt adds: its fetches, its own includes and the variables it sets. */
export function parseCmakeInclude(text: string, file: string): Pick<CmakeProject, 'fetches' | 'includes' | 'setVariables'> {
  const code = stripComments(text);
  return { ...fetchesOf(code, file), setVariables: setVariablesOf(code) };
}

export function parseCmakeLists(text: string): CmakeProject {
  const code = stripComments(text);
  // Whole commands, not a regex up to the first `)`: a quoted DESCRIPTION may hold parentheses ("... C (and C++)").
  const all = commands(code);
  const argsOf = (name: RegExp) => all.filter((c) => name.test(c.name)).map((c) => c.args);
  const minimum = argsOf(/^cmake_minimum_required$/i).map(words).find((w) => w[0]?.toUpperCase() === 'VERSION')?.[1] ?? null;
  const languages = new Set<string>();
  const project = argsOf(/^project$/i).map(words)[0];
  if (project) {
    const rest = project.slice(1);
    const at = rest.findIndex((w) => w.toUpperCase() === 'LANGUAGES');
    let named: string[];
    if (at >= 0) {
      const after = rest.slice(at + 1);
      const end = after.findIndex((w) => PROJECT_KEYWORDS.has(w.toUpperCase()));
      named = end >= 0 ? after.slice(0, end) : after;
    } else {
      // The short form: project(X C CXX), languages right after the name, before any keyword.
      const end = rest.findIndex((w) => PROJECT_KEYWORDS.has(w.toUpperCase()));
      named = end >= 0 ? rest.slice(0, end) : rest;
    }
    // project(X) and project(X VERSION 1.0) enable C and CXX; LANGUAGES NONE enables none.
    if (named.length === 0) named = ['C', 'CXX'];
    for (const l of named) if (l.toUpperCase() !== 'NONE') languages.add(l.toUpperCase());
  }
  // enable_language(X OPTIONAL) configures without X: only the required ones count.
  for (const args of argsOf(/^enable_language$/i)) if (!/\bOPTIONAL\b/i.test(args)) for (const l of words(args)) languages.add(l.toUpperCase());
  const pkgConfigPackage = argsOf(/^find_package$/i).map(words).some((w) => w[0] === 'PkgConfig' && w.some((x) => x.toUpperCase() === 'REQUIRED'));
  const pkgCheck = argsOf(/^pkg_(?:check_modules|search_module)$/i).some((args) => /\bREQUIRED\b/i.test(args));
  const pythonModules = all.filter((c) => PYTHON_MODULE_COMMANDS.test(c.name)).map((c) => ({ via: `${c.name}(${words(c.args)[0] ?? ''})`, conditional: c.conditional }));
  return { minimumVersion: minimum ? minimum.split('...')[0] : null, languages: [...languages], needsPkgConfig: pkgConfigPackage || pkgCheck, pythonModules, ...fetchesOf(code, 'CMakeLists.txt'), requiredPackages: requiredPackagesOf(code), setVariables: setVariablesOf(code) };
}
