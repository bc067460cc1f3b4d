// Turns raw log text into the text rules match on: no colours, no CI/BuildKit prefixes, no quoting or boxes.
// Pure. Cleaning a whole chunk never adds or removes a newline, so line numbers stay those of the input.

import stripAnsi from 'strip-ansi';

export interface NormalizedLine {
  /** The message with decorations removed and surrounding whitespace trimmed. */
  text: string;
  /** A line of source code the tool quoted (a snippet under a compiler error, BuildKit's Dockerfile excerpt): kept as
   *  context for the lines around it, never matched as the tool's own output. */
  quotedSource: boolean;
  /** Leading whitespace of the message after prefixes were removed (nesting depth of tool output). */
  indent: number;
}

// GitHub Actions / Azure Pipelines raw logs: "2024-05-01T12:34:56.7890123Z "; GitLab Runner >= 17 with FF_TIMESTAMPS
// follows the timestamp with the stream number, its type and a continuation mark: "2024-05-14T11:19:20.000000Z 00O+";
// Cloudflare's Workers Builds log puts a tab after it: "2026-01-17T02:28:09.922Z\t[custom build] Running: pnpm build"
const CI_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: [0-9a-f]{2}[EO][+ ]?|\t| ?)/;
// BuildKit plain progress: "#12 3.456 " (step number, seconds since the step started)
const BUILDKIT_PREFIX = /^#\d+ (?:\d+\.\d+ )?/;
// BuildKit's time column without the step number, as the failed step's summary after "------ / > [stage 3/7] RUN ...:"
// prints it (progressui: 3 decimals under 10 s, 2 under 100 s, 1 beyond): "0.512 ", "12.34 ", "163.9 "
const BUILDKIT_TIME = /^(?:\d\.\d{3}|\d\d\.\d\d|\d{3,}\.\d) /;
// Google Cloud Build: "Step #1: ", "Step #0 - \"build\": " (the docker builder's own "Step 1/9 : RUN" has no "#")
const CLOUD_BUILD_STEP = /^Step #\d+(?: - "[^"]*")?: ?/;
// VS Code CMake Tools' output channel: "[cmake] -- Configuring incomplete", "[build] make: *** ...", "[proc] ..."
const CMAKE_TOOLS_CHANNEL = /^\[(?:cmake|build|proc|driver|main|ctest)\] /;
// wrangler (3.x-4.x) relays the output of a Worker's [build] command behind "[custom build] " (an empty line of it is
// the bare tag): "[custom build] /bin/sh: 1: cargo: not found"
const WRANGLER_CUSTOM_BUILD = /^\[custom build\](?: |$)/;
// Visual Studio's Error List, copied: the severity column and an empty code column before a tool's own message ("Error\t\t
// CMake Error at ..."), in the IDE's English, German, French and Spanish. A line with a code keeps it ("Error\tC1083\t
// Cannot open include file: ..."): the code is what the MSVC signals read.
const VS_ERROR_LIST = /^(?:Error|Warning|Message|Fehler|Warnung|Erreur|Avertissement|Advertencia)\t\t/;
// The Android Gradle plugin relays its native build's output (CMake, ndk-build, ninja, clang) behind "C/C++: ",
// with the variant and ABI after it in some versions: "C/C++: ninja: error: ...", "C/C++: debug|arm64-v8a :CMake Error at"
const AGP_NATIVE = /^C\/C\+\+: (?:[\w-]{1,60}\|[\w-]{1,30} ?: ?)?/;
// Visual Studio's Output window: the build node's number, and on the CMake integration's lines its channel ("1>
// [CMake] CMake Error at C:/src/vcpkg/scripts/buildsystems/vcpkg.cmake:337 (message):", "1>  [CMake] -- Running vcpkg
// install"); MSVC's own markers also take the bare node number ("6>x.cpp(3): error C2143")
const VS_OUTPUT_CMAKE = /^\d{1,4}> *\[CMake\] /;
// listr / listr2's plain renderers (Electron Forge's steps, on CI or with a non-TTY stdout): "[STARTED] Preparing native
// dependencies", "[FAILED] Error: request to https://... failed", "[DATA] ...", "[OUTPUT] ..."
const LISTR_LEVEL = /^\[(?:STARTED|COMPLETED|SUCCESS|FAILED|SKIPPED|OUTPUT|DATA|TITLE|RETRY|ROLLBACK|PAUSED|PROMPT)\] ?/;
// Timestamp plugins: Vercel's build log "[16:03:16.703] ", Jenkins' timestamper "[2024-05-01T12:34:56.789Z] "
const BRACKETED_TIME = /^\[(?:\d{4}-\d\d-\d\dT)?\d\d:\d\d:\d\d(?:\.\d+)?Z?\] /;
// GitLab's collapsible sections and Travis CI's folds, when the carriage return after them was lost in a paste:
// "section_start:1717171717:step_script[0K", "travis_fold:start:install[0K", "travis_time:end:0a1b:start=1,finish=2,duration=1[0K"
const SECTION_MARKER = /^(?:section_(?:start|end):\d+:[\w.-]+(?:\[[\w=,]*\])?|travis_(?:fold|time):(?:start|end):[\w.:=,-]*)(?:\[0K)?/;
// Docker Compose's service column before each line of a container's output: v2 "web-1  | ", v1 "web_1  | " (the
// service name padded to the longest, then " | "; the colour compose gives it is gone by now)
const COMPOSE_PREFIX = /^[\w.-]{1,64}[-_]\d{1,3} +\| ?/;
// Jenkins' Timestamper on a console page: the clock ("12:34:56  ") or the elapsed time ("00:04:25.492 "),
// Vercel's older build log ("20:52:05.025 | ") and Cloudflare Pages' build log, copied ("04:48:47.418\t")
const CLOCK_COLUMN = /^\d\d:\d\d:\d\d(?:\.\d{1,3})?(?: \| | {1,2}|\t)/;
// A TeamCity build log as downloaded: the time, the message's status ("W" stderr, "E" error, "i" internal), a tab per
// level of nesting and the block's name: "[14:36:30] :\t [Step 1/5] ...", "[23:54:29]W:\t\t [Build/x] CompileWeb"
// Its web console, copied, keeps the time and the block: "[10:38:30][npm install] > node-pre-gyp install"
const TEAMCITY_PREFIX = /^\[\d\d:\d\d:\d\d\](?:[ WEFi]:(?:\t+ \[[^\]\t]{1,200}\])? ?|\[[^\]]{1,200}\] ?)/;
// The Open Build Service's build log: the seconds since the build started, "[   27s] gcc -pthread ..."
const OBS_TIME = /^\[ {0,6}\d{1,7}s\] /;
// A clock with AM/PM: Render's dashboard, copied ("Dec 9 03:03:10 PM  Dockerfile.render:25"), Netlify's deploy log
// and IntelliJ's build window ("4:27:44 PM: Task execution finished 'build'.")
const DAY_CLOCK = /^[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d [AP]M {1,2}/;
const AMPM_CLOCK = /^\d{1,2}:\d\d:\d\d [AP]M: /;
// npm-debug.log's numbered lines: "2274 error gyp ERR! node-gyp -v v3.8.0", "11 verbose stack Error: ..." (not clang's
// own count, "1 error generated.")
const NPM_DEBUG_LINE = /^\d{1,7} (?:error|warn|verbose|info|silly|http|timing|notice) (?!generated\.)/;
// npm >= 7 relays a failed install script's output behind its own prefix ("npm ERR! " up to npm 9, "npm error " from
// npm 10); npm's own lines keep it, since they are npm speaking: "npm ERR! code 1", "npm error command sh -c ...",
// "npm ERR! x@1.0.0 install: `node-gyp rebuild`", "npm ERR! Failed at the x@1.0.0 install script.", its engine refusal
// "npm ERR! notsup Required: {...}" / "npm error engine Unsupported engine" / npm 1's "npm ERR! Required: {...}" (its
// warning says "npm WARN notsup")
const NPM_PREFIX = /^npm (?:ERR!|error) (?!(?:code|errno|notsup|engine|Required|syscall|path|dest|signal|command|network|Exit status|Failed at|A complete log|Log files|This is probably|Tell the author|You can get|npm owner|There is likely|Missing script|enoent|notarget|404|403|ERESOLVE|peer|Could not resolve|While resolving|Found|Fix the upstream|Conflicting peer)\b|\S{1,214}@[\w.+-]{1,100} \w{1,40}: )/;
// Windows PowerShell 5.1 turns a native command's first stderr line into an error record, "cargo : error: linker
// `link.exe` not found" (then "At line:1 char:1", "+ CategoryInfo ... NativeCommandError"): the command as the user
// typed it, lowercase, before the line as the tool printed it, indented or not ("cargo :   thread 'main' panicked at"
// when that first line is a build script's output); MSVC's own "LINK : fatal error" and "NMAKE : fatal error" are
// upper case and stay
const POWERSHELL_STDERR = /^(?:cargo|rustc|rustup|cross|maturin|pip3?|python3?|py|uv|poetry|pdm|tox|npm|npx|yarn|pnpm|bun|node|node-gyp|cmake|make|mingw32-make|ninja|meson|gcc|g\+\+|clang|clang\+\+|go|conan|vcpkg)(?:\.exe)? : (?=[ \t]*\S)/;
// pnpm's append-only reporter (CI, a stdout that is no terminal) puts the package's directory and the script's stage
// before each line a dependency's lifecycle script prints: ".../node_modules/sharp install: gyp info it worked if it
// ends with ok", "node_modules/.pnpm/esbuild@0.15.0/node_modules/esbuild postinstall: ..." ("." for the root package).
// The command it echoes ("install$ node-gyp rebuild") is pnpm speaking and keeps its prefix.
// A progress spinner's frame (a Braille character) and its status, with the output of a build it runs glued on
// after it, as a terminal that got no newline shows it: npminstall's (cnpm) "⠴ [23/64] Installing redeyed@~1.0.0",
// electron-rebuild's "⠦ Building module: x, Completed: 0", pipenv's "⠋ Installing llama-cpp-python...". The status
// goes; what follows it is the build's own line. (A version glued to digits keeps its longest reading.)
const SPINNER_STATUS = /^[\u2800-\u28ff]\s{1,4}(?:\[\d{1,6}\/\d{1,6}\]\s{1,4}Installing\s{1,4}\S{1,214}?@(?:[~^<>=]{0,2}\d{1,9}(?:\.\d{1,9}){0,2}(?![\d.])|\*|latest)|Building module: [^,]{1,200}, Completed: \d{1,6}|Installing [^\s.]{1,214}\.\.\.)(?=\S|\s{1,4}\S)\s{0,4}/;
const PNPM_LIFECYCLE = /^(?:\.|(?:\.\.\.)?[^\s:]{0,300}node_modules\/[^\s:]{1,300}) (?:preinstall|install|postinstall|prepare|prepack|prepublish|build): /;
const INDENTED_PNPM = /^[ \t]+(?:\.\.\.\/|node_modules\/)/;
// git's sideband, which carries a remote build's output to `git push` (Heroku, Dokku, Piku): "remote:        -----> Building"
const GIT_REMOTE = /^remote: ?/;
// Canonical's craft tools (charmcraft, snapcraft, rockcraft via craft-cli) put ":: " before a subprocess's lines, once
// per level of nesting: "::    ::   error: subprocess-exited-with-error" (GitHub's "::error::" commands have no space)
const CRAFT_STREAM = /^::(?: +::)* /;
// A quoted source line, never tool output: BuildKit's Dockerfile excerpt after a failure ("  12 | >>> RUN make",
// "   5 |     # comment"), and the snippets of GCC >= 9, Clang >= 16 and rustc ("   12 | #include <x.h>", "3 |     foo();")
const SOURCE_EXCERPT = /^\d{1,6} \| /;
// Markdown around a line pasted into an issue: bold ("**configure: error: ...**", "***...***") and a line break tag
const MARKDOWN_BOLD = /^\*{2,3}(?=[^\s*])(.*[^\s*])\*{2,3}$/;
// ... and the HTML inline tags of a log copied out of a web page: "<b>error: failed to run custom build command</b>"
const HTML_INLINE_OPEN = /^<(?:b|strong|code|tt|pre|samp|kbd)>/i;
const HTML_INLINE_CLOSE = /<\/(?:b|strong|code|tt|pre|samp|kbd)>$/i;
const TRAILING_BREAK = /(?:\s*<br\s*\/?>)+$/i;
// GitHub Actions workflow markers: "##[group]", "##[error]"
const GHA_MARKER = /^##\[(?:group|endgroup|error|warning|debug|notice|command|section)\]/;
// Markdown quoting of pasted logs ("> "), and nix's builder log tail ("       > "), which is indented
const QUOTE = /^\s*> ?/;
// BitBake's task log ("| make[2]: *** [x.o] Error 1", Yocto/OpenEmbedded) and meson's relay of a CMake subproject's
// output put "| " before every line; a Markdown table row ("| a | b |") ends with the bar and keeps it.
const BAR_PREFIX = /^\|(?: |$)/;
// The same column indented by a tool that relays it (pip's 6 spaces around meson-python), when a message follows the
// bar: rustc's and gcc's snippet gutters ("   |     ^^^ not found", "   | |___^", "      |     ^~~") have spaces or
// markers after it.
const INDENTED_BAR = /^([ \t]+)\| (?=[^\s^~|_-])/;
// pip >= 22's subprocess error boxes: "│ ", "╰─> ", "× "; uv's (miette) cause chain: "× Failed to build `x`",
// "├─▶ The build backend returned an error", "╰─▶ Call to `setuptools.build_meta.build_wheel` failed", and its ASCII
// form on consoles without Unicode: "|-> ...", "`-> ..."
const PIP_BOX = /^\s*(?:│|╰─>|╰─▶|├─▶|×|║|\|->|`->)\s?/;
// Escape sequences strip-ansi leaves: APC, PM and SOS strings up to BEL or ESC \ (Buildkite's per-line timestamp
// "ESC _bk;t=1745322209921 BEL"); a bare ESC _ with no terminator on the line is left alone
const ESC_STRING = /\x1b[_^X][^\x07\x1b\n]{0,200}(?:\x07|\x1b\\)/g;
// Colour codes whose ESC byte was lost in a copy-paste, e.g. "[1m[91merror[0m"
const BROKEN_SGR = /\[(?:\d{1,3};){0,4}\d{1,3}m/g;
const HTML_ENTITY = /&(?:lt|gt|amp|quot|#39|#x27|#96|#x60|nbsp);/g;
// Numeric character references an issue importer or a web page leaves in a paste ("/bin/sh&#8203;: cc&#8203;: not
// found"): decoded, and the zero-width characters they (or a rich-text copy) put between a tool's words are dropped.
const NUMERIC_ENTITY = /&#(?:(\d{1,6})|[xX]([0-9a-fA-F]{1,6}));/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const ENTITY_TEXT: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&#96;': '`',
  '&#x60;': '`',
  '&nbsp;': ' ',
};

/**
 * Removes what spans a line's content in place: ANSI sequences (and their ESC-less remnants) and HTML entities.
 * Runs on whole chunks, so the literal prefilter sees clean text; it never touches newlines.
 */
export function cleanText(text: string): string {
  let out = text;
  if (out.includes('\x1b')) out = stripAnsi(out.includes('\x1b_') || out.includes('\x1b^') || out.includes('\x1bX') ? out.replace(ESC_STRING, '') : out);
  if (out.includes('[0m')) out = out.replace(BROKEN_SGR, '');
  if (out.includes('&')) out = out.replace(HTML_ENTITY, (e) => ENTITY_TEXT[e] ?? e);
  if (out.includes('&#')) out = out.replace(NUMERIC_ENTITY, (e, dec: string | undefined, hex: string | undefined) => fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16)) ?? e);
  // (two substring searches keep a clean chunk's cost to that: the joiners U+200C/U+200D and U+2060 come with these)
  if (out.includes('\u200b') || out.includes('\ufeff')) out = out.replace(ZERO_WIDTH, '');
  return out;
}

/** The character of a numeric reference, or undefined for one that names none (or a control: never decoded into the text). */
function fromCodePoint(code: number): string | undefined {
  if (!Number.isInteger(code) || code < 0x20 || code > 0x10ffff || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** Keeps what a terminal would show after carriage-return redraws: the last non-empty segment. */
function lastRedraw(line: string): string {
  const parts = line.split('\r');
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].trim() !== '') return parts[i];
  return '';
}

/** Peels one prefix that starts a line at its first column; `state.timeColumn` allows one time column per line. */
function peelAnchored(text: string, state: { timeColumn: boolean }): string {
  let out = text.replace(CI_TIMESTAMP, '');
  const first = out.charCodeAt(0);
  const unstamped = out;
  if (first === 35 /* # */) out = out.replace(GHA_MARKER, '').replace(BUILDKIT_PREFIX, '');
  else if (first === 91 /* [ */) out = out.replace(CMAKE_TOOLS_CHANNEL, '').replace(WRANGLER_CUSTOM_BUILD, '').replace(LISTR_LEVEL, '').replace(TEAMCITY_PREFIX, '').replace(BRACKETED_TIME, '').replace(OBS_TIME, '');
  else if (first >= 65 && first <= 90 /* A-Z */) out = out.replace(CLOUD_BUILD_STEP, '').replace(DAY_CLOCK, '').replace(VS_ERROR_LIST, '').replace(AGP_NATIVE, '');
  else if (first === 115 /* s */ || first === 116 /* t */) out = out.replace(SECTION_MARKER, '');
  else if (first === 58 /* : */) out = out.replace(CRAFT_STREAM, '');
  else if (first === 114 /* r */) out = out.replace(GIT_REMOTE, '');
  else if (first === 110 /* n */) out = out.replace(NPM_PREFIX, '').replace(PNPM_LIFECYCLE, '');
  else if (first === 46 /* . */) out = out.replace(PNPM_LIFECYCLE, '');
  else if (first >= 0x2800 && first <= 0x28ff) out = out.replace(SPINNER_STATUS, '');
  else if (first >= 48 && first <= 57 && VS_OUTPUT_CMAKE.test(out)) out = out.replace(VS_OUTPUT_CMAKE, '');
  else if (first === 124 /* | */ && out.length > 1 && out.charCodeAt(out.length - 1) !== 124) out = out.replace(BAR_PREFIX, '');
  // One time column at most: a second number is the message's own
  else if (!state.timeColumn && first >= 48 && first <= 57) {
    out = out.replace(BUILDKIT_TIME, '').replace(AMPM_CLOCK, '').replace(CLOCK_COLUMN, '').replace(NPM_DEBUG_LINE, '');
    state.timeColumn = out !== unstamped;
  }
  if (out === unstamped && isWordStart(first)) out = out.replace(COMPOSE_PREFIX, '');
  if (out === unstamped && first >= 97 && first <= 122) out = out.replace(POWERSHELL_STDERR, '');
  return out;
}

function stripPrefixes(line: string): string {
  let text = line;
  // (INDENTED_BAR needs leading blanks, so a column-0 bar is peelAnchored's; a table row ends with its bar)
  if (INDENTED_BAR.test(text) && !text.trimEnd().endsWith('|')) text = text.replace(INDENTED_BAR, '$1');
  const state = { timeColumn: false };
  // Prefixes nest (a quoted GitHub log of a BuildKit build), so peel them until nothing changes.
  for (let round = 0; round < 4; round++) {
    const before = text;
    text = peelAnchored(text, state);
    // Once an outer prefix is gone, the next one may sit behind the outer tool's indentation: Heroku's buildpack
    // indents what it runs by 7 spaces ("remote:        #12 3.4 ..."), pnpm's "│ " column leaves spaces. That
    // indentation was the wrapper's, so it goes with the prefix; an indented line with no prefix keeps it.
    // pnpm's lifecycle prefix is always its own, however far the wrapper around pnpm indents it.
    if ((round > 0 || INDENTED_PNPM.test(text)) && text === before && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9)) {
      const body = text.trimStart();
      const peeled = peelAnchored(body, state);
      if (peeled !== body) text = peeled;
    }
    if (text.trimStart().charCodeAt(0) === 62 /* > */) text = text.replace(QUOTE, '');
    text = text.replace(PIP_BOX, (m) => ' '.repeat(m.length));
    if (text === before) break;
  }
  return text;
}

/** True when the start of a line may carry a prefix; most lines of a big log take the fast path. */
function mayHavePrefix(line: string): boolean {
  for (let i = 0; i < line.length && i < 40; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    // '#', '>', '[', digits (timestamps), box-drawing characters, '×', and the words that start CI prefixes
    if (c === 35 || c === 62 || c === 91 || (c >= 48 && c <= 57) || c === 0x2502 || c === 0x2570 || c === 0x251c || c === 0xd7 || c === 0x2551) return true;
    if ((c === 124 /* | */ || c === 96) /* ` */ && line.startsWith('->', i + 1)) return true;
    if (c === 124 && line.charCodeAt(i + 1) === 32) return true;
    if ((c === 46 && line.startsWith('.../', i)) || (c === 110 && line.startsWith('node_modules/', i))) return true;
    if (i !== 0) return false;
    if (c >= 0x2800 && c <= 0x28ff) return true;
    if (line.startsWith('Step #') || line.startsWith('remote:') || line.startsWith(':: ') || line.startsWith('section_') || line.startsWith('travis_') || line.startsWith('npm ')) return true;
    if (line.startsWith('...') || line.startsWith('. ') || line.startsWith('node_modules/')) return true;
    if (c >= 65 && c <= 90 && (DAY_CLOCK.test(line) || VS_ERROR_LIST.test(line) || line.startsWith('C/C++: '))) return true;
    // Docker Compose's "web-1  | ": a name, a replica number, then the column; PowerShell's "cargo : "
    // (searched from a bound backwards, so a long line costs no more than a short one)
    if (isWordStart(c) && line.lastIndexOf(' | ', 80) > 0) return true;
    return c >= 97 && c <= 122 && line.lastIndexOf(' : ', 20) > 0;
  }
  return false;
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Markdown an issue's author put around a pasted line: backticks of inline code, bold, a `<br>` line break. */
function stripMarkdown(text: string): string {
  let out = text;
  const last = out.charCodeAt(out.length - 1);
  if (last === 62 /* > */) out = out.replace(TRAILING_BREAK, '').replace(HTML_INLINE_CLOSE, '');
  if (out.charCodeAt(0) === 60 /* < */) out = out.replace(HTML_INLINE_OPEN, '');
  // GitHub's editor escapes the third of three leading stars ("**\* extconf.rb failed ***", "make: **\* ..."): the
  // tool printed "***".
  if (out.startsWith('**\\*')) out = `***${out.slice(4)}`;
  if (out.charCodeAt(0) === 42 /* * */) out = out.replace(MARKDOWN_BOLD, '$1');
  if (out.charCodeAt(0) === 96 /* ` */) out = out.replace(/^`{1,3}\s*/, '');
  // The backtick closing inline code opened at the start or on a line before; a message's own backticks come in
  // pairs (cargo's "could not compile `foo`"), so only an odd one at the end is the paste's.
  if (out.endsWith('`') && (out.match(/`/g)?.length ?? 0) % 2 === 1) out = out.replace(/\s*`{1,3}$/, '');
  return out;
}

/** Whether a trimmed line may carry markdown decorations at its ends; most lines take the fast path. */
function mayHaveMarkdown(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first === 96 || first === 42 || first === 60 || last === 96 || last === 62;
}

/** Normalises one line that `cleanText` has already cleaned. */
export function normalizeCleanLine(line: string): NormalizedLine {
  let text = line;
  if (text.includes('\r')) text = lastRedraw(text);
  if (mayHavePrefix(text)) text = stripPrefixes(text);
  const trimmed = text.trimStart();
  let message = trimmed.trimEnd();
  if (message !== '' && mayHaveMarkdown(message)) message = stripMarkdown(message).trim();
  return { text: message, indent: text.length - trimmed.length, quotedSource: SOURCE_EXCERPT.test(message) };
}

/** Normalises one raw line. */
export function normalizeLine(raw: string): NormalizedLine {
  return normalizeCleanLine(cleanText(raw));
}

/** A line as shown in an excerpt: decorations removed, indentation kept. */
export function displayLine(line: string): string {
  const { text, indent } = normalizeCleanLine(line);
  return text === '' ? '' : ' '.repeat(indent) + text;
}
