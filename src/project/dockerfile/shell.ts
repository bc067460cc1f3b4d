// Splits the shell text of a Dockerfile RUN into commands and words with file offsets, and finds package-install commands; pure.

import type { PackageManager } from '../../kb/platforms.js';

export interface Word {
  /** The word as the shell sees it (quotes removed). */
  value: string;
  /** Offsets into the Dockerfile text. */
  start: number;
  end: number;
}

export interface ShellCommand {
  words: Word[];
  /** Set when a shell comment follows on the same logical line: text appended after it would be commented out. */
  commentAfter: boolean;
}

const SEPARATORS = ['&&', '||', ';', '|', '&', '(', ')', '{', '}'];

/**
 * Tokenises `text[start, end)`. In `heredoc` mode the text is a script (newlines end commands, `\`-newline joins
 * lines); otherwise it is an instruction's arguments, where Docker joins lines ending in its escape character and
 * drops comment lines inside the continuation.
 */
export function tokenizeShell(text: string, start: number, end: number, heredoc: boolean, escape = '\\'): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let cur: { value: string; start: number } | null = null;
  const endWord = (at: number) => {
    if (cur) words.push({ value: cur.value, start: cur.start, end: at });
    cur = null;
  };
  const endCommand = (comment = false) => {
    if (words.length) commands.push({ words, commentAfter: comment });
    words = [];
  };
  const lineBreakAt = (i: number): number => (text[i] === '\r' && text[i + 1] === '\n' ? 2 : text[i] === '\n' || text[i] === '\r' ? 1 : 0);
  let i = start;
  while (i < end) {
    const ch = text[i];
    // Docker's line continuation (or the shell's, inside a heredoc): the escape character, optional blanks, a newline.
    const contEscape = heredoc ? '\\' : escape;
    if (ch === contEscape) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      const br = lineBreakAt(j);
      if (br) {
        endWord(i);
        i = j + br;
        if (!heredoc) {
          // Docker drops comment lines and empty lines inside a continued instruction.
          for (;;) {
            let k = i;
            while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
            const b = lineBreakAt(k);
            if (b) { i = k + b; continue; }
            if (text[k] === '#') {
              while (k < end && !lineBreakAt(k)) k++;
              i = k + lineBreakAt(k);
              continue;
            }
            break;
          }
        }
        continue;
      }
    }
    const br = lineBreakAt(i);
    if (br) {
      endWord(i);
      endCommand();
      i += br;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord(i);
      i++;
      continue;
    }
    if (!cur && ch === '#') {
      // A shell comment runs to the end of the line (in a joined instruction: to its end).
      endWord(i);
      endCommand(true);
      while (i < end && !(heredoc && lineBreakAt(i))) {
        if (!heredoc && text[i] === escape && lineBreakAt(i + 1)) i += 1 + lineBreakAt(i + 1);
        else i++;
      }
      continue;
    }
    const sep = SEPARATORS.find((s) => text.startsWith(s, i));
    if (sep && !(cur && (sep === '{' || sep === '}'))) {
      endWord(i);
      endCommand();
      i += sep.length;
      continue;
    }
    if (!cur) cur = { value: '', start: i };
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 || close >= end ? end : close;
      cur.value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"') {
        if (text[j] === '$' && text[j + 1] === '(') {
          // A command substitution inside double quotes is parsed anew: its own quotes do not close these.
          const close = substitutionEnd(text, j, end);
          cur.value += text.slice(j, close);
          j = close;
          continue;
        }
        if (text[j] === '\\' && j + 1 < end) j++;
        cur.value += text[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '$' && text[i + 1] === '(') {
      // `$(...)` and `$((...))` are one word with their spaces, parentheses and quotes.
      const close = substitutionEnd(text, i, end);
      cur.value += text.slice(i, close);
      i = close;
      continue;
    }
    if (ch === '\\' && i + 1 < end) {
      cur.value += text[i + 1];
      i += 2;
      continue;
    }
    cur.value += ch;
    i++;
  }
  endWord(Math.min(i, end));
  endCommand();
  return commands;
}

/** The offset just past the `)` that closes the `$(` at `at` (nested parentheses and quotes skipped), or `end`. */
function substitutionEnd(text: string, at: number, end: number): number {
  let depth = 0;
  for (let j = at + 1; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === "'" || c === '"') {
      let k = j + 1;
      while (k < end && text[k] !== c) k += text[k] === '\\' && c === '"' ? 2 : 1;
      j = k;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return end;
}

export interface InstallCommand {
  manager: PackageManager;
  /** Package names (version pins and release suffixes removed). */
  packages: string[];
  /** The words naming packages, for splicing. */
  packageWords: Word[];
  command: ShellCommand;
}

// Words before the program that the shell reads as syntax (reserved words opening or continuing a compound command)
// or that run the program themselves.
const PREFIX_WORDS = new Set(['sudo', 'env', 'exec', 'if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', 'time']);

/** The program and its arguments, after reserved words (`then cargo build`), `sudo`, `env` and `VAR=value` prefixes. */
export function commandWords(cmd: ShellCommand): Word[] {
  let k = 0;
  const w = cmd.words;
  while (k < w.length && (PREFIX_WORDS.has(w[k].value) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[k].value))) k++;
  return w.slice(k);
}

// Options that take a separate argument, per package manager (apt-get, apk, dnf/yum, zypper, pacman man pages).
const OPTION_ARGS: Partial<Record<PackageManager, Set<string>>> = {
  apt: new Set(['-t', '--target-release', '-o', '--option', '-c', '--config-file']),
  apk: new Set(['-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir', '--keys-dir']),
  dnf: new Set(['--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-c', '--config', '--repo', '--exclude', '-x']),
  yum: new Set(['--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-c', '--config', '--exclude', '-x']),
  zypper: new Set(['-r', '--repo', '-t', '--type', '--from']),
  pacman: new Set(['--root', '--dbpath', '--cachedir', '--config']),
};

function installStart(words: Word[]): { manager: PackageManager; at: number } | null {
  if (!words.length) return null;
  // tonistiigi/xx's xx-apt-get / xx-apk install the target architecture's packages: the same lists.
  const prog = words[0].value.replace(/^.*\//, '').replace(/^xx-(?=apt-get$|apt$|apk$)/, '');
  const sub = (names: string[]) => words.findIndex((w, k) => k > 0 && names.includes(w.value));
  if (prog === 'apt-get' || prog === 'apt' || prog === 'aptitude') {
    const k = sub(['install']);
    return k > 0 ? { manager: 'apt', at: k + 1 } : null;
  }
  if (prog === 'apk') {
    const k = sub(['add']);
    return k > 0 ? { manager: 'apk', at: k + 1 } : null;
  }
  if (prog === 'dnf' || prog === 'microdnf' || prog === 'tdnf' || prog === 'yum') {
    const k = sub(['install']);
    return k > 0 ? { manager: prog === 'yum' ? 'yum' : 'dnf', at: k + 1 } : null;
  }
  if (prog === 'zypper') {
    const k = sub(['in', 'install']);
    return k > 0 ? { manager: 'zypper', at: k + 1 } : null;
  }
  if (prog === 'pacman') {
    const k = words.findIndex((w, j) => j > 0 && (/^-S[a-z]*$/.test(w.value) || w.value === '--sync'));
    return k > 0 ? { manager: 'pacman', at: k + 1 } : null;
  }
  return null;
}

/** The package-install command `cmd` runs, if it is one (apt-get/apt install, apk add, dnf/yum install, zypper in, pacman -S). */
export function parseInstall(cmd: ShellCommand): InstallCommand | null {
  const words = commandWords(cmd);
  const start = installStart(words);
  if (!start) return null;
  const takesArg = OPTION_ARGS[start.manager] ?? new Set<string>();
  const packageWords: Word[] = [];
  for (let k = start.at; k < words.length; k++) {
    const v = words[k].value;
    if (v.startsWith('-')) {
      if (takesArg.has(v)) k++;
      continue;
    }
    // Redirections end the package list ("apt-get install -y x > /dev/null").
    if (/^\d*[<>]/.test(v)) break;
    packageWords.push(words[k]);
  }
  const packages = packageWords.map((w) => w.value.replace(/[=/].*$/, '').replace(/[<>].*$/, ''));
  return { manager: start.manager, packages, packageWords, command: cmd };
}
