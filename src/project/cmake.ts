// Pure: what a CMake project's top-level CMakeLists.txt says it needs to configure and build: the CMake version,
// the languages it enables (so the compilers), and pkg-config when it asks for it.

export interface CmakeProject {
  /** `cmake_minimum_required(VERSION x)`: the lowest CMake that configures it (the low end of a `x...y` range). */
  minimumVersion: string | null;
  /** The languages `project()` and `enable_language()` enable; `project()` without any enables C and CXX. */
  languages: string[];
  /** `find_package(PkgConfig REQUIRED)` or a `pkg_check_modules(... REQUIRED ...)`: pkg-config is needed to configure. */
  needsPkgConfig: boolean;
}

/** The text without `#` comments and bracket comments, so that commented-out commands do not count. */
function stripComments(text: string): string {
  // One pass that jumps to each comment's end: a regex per `#[[` opener rescans the rest of the file for its close.
  let out = '';
  let at = 0;
  for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', at)) {
    out += text.slice(at, hash);
    const bracket = /^#\[(=*)\[/.exec(text.slice(hash, hash + 64));
    if (bracket) {
      // CMake bracket comment `#[==[ ... ]==]`; unclosed, it runs to the end of the file.
      const close = text.indexOf(`]${bracket[1]}]`, hash + bracket[0].length);
      out += ' ';
      at = close < 0 ? text.length : close + bracket[1].length + 2;
    } else {
      const eol = text.indexOf('\n', hash);
      at = eol < 0 ? text.length : eol;
    }
  }
  return out + text.slice(at);
}

/** Each call of `command` (names are case-insensitive in CMake) with its argument text; arguments have no nested parentheses in the commands read here. */
function calls(text: string, command: string): string[] {
  const re = new RegExp(`(?:^|[^\\w])${command}\\s*\\(([^()]*)\\)`, 'gi');
  return [...text.matchAll(re)].map((m) => m[1]);
}

const words = (args: string) => args.split(/\s+/).filter(Boolean).map((w) => w.replace(/^"(.*)"$/, '$1'));

// The keywords of project() that start a value, so that what follows is not taken for a language.
const PROJECT_KEYWORDS = new Set(['VERSION', 'DESCRIPTION', 'HOMEPAGE_URL', 'LANGUAGES']);

export function parseCmakeLists(text: string): CmakeProject {
  const code = stripComments(text);
  const minimum = calls(code, 'cmake_minimum_required').map(words).find((w) => w[0]?.toUpperCase() === 'VERSION')?.[1] ?? null;
  const languages = new Set<string>();
  const project = calls(code, 'project').map(words)[0];
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
  for (const args of calls(code, 'enable_language')) if (!/\bOPTIONAL\b/i.test(args)) for (const l of words(args)) languages.add(l.toUpperCase());
  const pkgConfigPackage = calls(code, 'find_package').map(words).some((w) => w[0] === 'PkgConfig' && w.some((x) => x.toUpperCase() === 'REQUIRED'));
  const pkgCheck = calls(code, 'pkg_check_modules').some((args) => /\bREQUIRED\b/i.test(args)) || calls(code, 'pkg_search_module').some((args) => /\bREQUIRED\b/i.test(args));
  return { minimumVersion: minimum ? minimum.split('...')[0] : null, languages: [...languages], needsPkgConfig: pkgConfigPackage || pkgCheck };
}
