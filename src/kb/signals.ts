// Signals: the universal failure shapes (a program, header, library or build dependency that was not found), written
// once. Each pattern extracts the missing entity; the kb table (kb/components.ts) says which rule owns it, so rules
// consume entities instead of re-listing every shell's, compiler's and build system's wording.
//
// Like rule patterns, every signal pattern has literals: the engine runs its regex only on lines that contain one.
//
// A wording is a tool's message template, in every translation the tool's catalogue ships (docs/catalogues.md lists
// them; scripts/catalogue-coverage.mjs counts what is recognised): the fixed parts come from the catalogues, the entity
// is the template's argument.

import { compilerTargetTriple, factForCmakePackage, factForHeader, factForLibrary, factForOutdatedProgram, factForProgram, isKnownCargoPlugin, isToolIncludedHeader, PYTHON_BUILD_MODULES, type EntityFact, type EntityKind } from './components.js';
import { isRemovedBoostComponent } from './boost-components.js';
import { msvcShipsHeader, msvcShipsLibrary } from './msvc-toolchain.js';
import { pythonReleaseThatRemoved } from './python-stdlib.js';
import type { LinePattern } from './rule.js';
import { cmakeReleaseOfCommand, cmakeReleaseOfPolicy, cmakeReleaseOfSubcommand, cmakeReleaseOfVsGenerator, mesonReleaseOfFunction, mesonReleaseOfOptionType } from './tool-versions.js';

export type SignalId = 'program-not-found' | 'header-not-found' | 'library-not-found' | 'dependency-not-found' | 'python-module-missing' | 'configure-check-failed' | 'tool-version-too-old';

/** One wording of a signal. The regex has a group `entity` (or `entity` is derived by `name`). */
export interface SignalPattern extends LinePattern {
  /** The entity's kind when it differs from the signal's (e.g. a CMake package among dependency forms). */
  kind?: EntityKind;
  /** Derives the entity name when the line does not spell it (CMake's "No CMAKE_C_COMPILER" names none). */
  name?: (groups: Record<string, string | undefined>) => string | undefined;
  /** Hits of unknown entities (not in the kb table) count only from wordings that surely name a program or header. */
  unknownOk?: boolean;
  /** Re-routes the entity by what this wording shows of the toolchain (null: the line names no missing component). */
  route?: (fact: EntityFact) => EntityFact | null;
  /** A weak line that becomes strong when the lines around it confirm it (checked once the log is read; `before` holds up to three). */
  confirm?: { weight: number; by: (after: readonly string[], entity: string, before: readonly string[], text: string) => boolean };
}

export interface Signal {
  id: SignalId;
  kind: EntityKind;
  patterns: readonly SignalPattern[];
  /** The entity's facts when they are not those of a missing entity of `kind` (a tool that is there but too old). */
  facts?: (entity: string) => EntityFact;
  /** The rule that takes a hit whose entity's own rule does not take this signal (default: the kind's generic rule). */
  fallback?: string;
}

/** A signal hit routed to a rule: the rule id, the entity's facts, and the weight this wording gives it. */
export interface RoutedSignal {
  rule: string;
  /** The generic rule of the entity's kind, for when `rule` does not take this signal (it reads the line its own way). */
  fallback: string;
  /** Rules that also judge the hit (an unknown header may be a system library's or the project's own file). */
  also: readonly string[];
  fact: EntityFact;
  weight: number;
}

/** What Haskell's process library prints after the program it could not start ("git"): the call, then the exec error. */
export const HASKELL_EXEC_FAILED = String.raw`: [A-Za-z]{1,40}: (?:runInteractiveProcess: exec|posix_spawnp): does not exist \(No such file or directory\)`;

// Words a "failed to execute X" wording puts where a program's name goes when it names none.
const NOT_PROGRAM_NAMES = new Set(['process', 'command', 'program', 'binary', 'executable', 'script', 'tool', 'it', 'the', 'a', 'subprocess', 'child']);

// A program name as shells and runtimes print it: no spaces, at most 64 characters.
const PROG = String.raw`[\w.+-]{1,64}`;
// cargo's hint under "no such command": >= 1.66 "help: a command with a similar name exists: `build-sbf`", older
// "Did you mean `build-sbf`?".
const CARGO_SIMILAR_COMMAND = /^(?:help: a command with a similar name exists: |\s*Did you mean )`(?<command>[\w-]{1,40})`/;

/**
 * Whether cargo's similar-name hint in these lines offers another plugin the table knows: that plugin is installed
 * (cargo offers only commands it has), so the one asked for is a renamed or retired name (build-bpf beside build-sbf),
 * not a program to install.
 */
export function cargoOffersInstalledPlugin(lines: readonly string[]): boolean {
  return lines.some((line) => {
    const command = CARGO_SIMILAR_COMMAND.exec(line)?.groups?.command;
    return command !== undefined && isKnownCargoPlugin(command);
  });
}

// What a build that goes on without an optional program says next: "Could not find nasm, building without SIMD".
const GOES_ON_WITHOUT = String.raw`\s*[,;:.-]?\s*(?:[Bb]uilding without|[Ss]kipping|[Dd]isabl|[Ff]all(?:ing)? ?back|[Uu]sing |[Cc]ontinu|[Nn]ot (?:using|building)|[Ww]ill (?:not|be)|[Aa]ssum|[Ii]gnor|[Ll]eft out|[Oo]mitt)`;
// A program name in a sentence: as PROG, but not ending in the sentence's full stop ("could not find make.").
const PROG_WORD = String.raw`[\w.+-]{0,63}[\w+]`;
// A path before a program name, kept out of the entity.
const DIR = String.raw`(?:[\w.~:+/\\-]{0,200}[/\\])?`;
// A header as #include names it: a relative path, usually ending in .h/.hpp (C++ headers such as <Eigen/Core> have none).
const HEADER = String.raw`[\w.+-]{1,100}(?:/[\w.+-]{1,100}){0,6}`;

// strerror(ENOENT) in English and in every translation glibc 2.36's libc.mo ships (as make, xargs, env, ld and the
// compilers print it), plus the wordings older glibc releases used ("No existe el archivo o el directorio" before es_ES
// said "fichero").
export const ENOENT_TEXTS = [
  'No such file or directory',
  'Datei oder Verzeichnis nicht gefunden',
  'Aucun fichier ou dossier de ce type',
  'No existe el archivo o el directorio',
  'No existe el fichero o el directorio',
  'Bestand of map bestaat niet',
  'Arquivo ou diretório inexistente',
  'Ficheiro ou pasta inexistente',
  'File o directory non esistente',
  'Нет такого файла или каталога',
  '没有那个文件或目录',
  '沒有此一檔案或目錄',
  'そのようなファイルやディレクトリはありません',
  '그런 파일이나 디렉터리가 없습니다',
  'Nie ma takiego pliku ani katalogu',
  'Böyle bir dosya ya da dizin yok',
  'Adresář nebo soubor neexistuje',
  'Adresár alebo súbor neexistuje',
  'Filen eller katalogen finns inte',
  'Ingen sådan fil eller filkatalog',
  'Ingen slik fil eller filkatalog',
  'Tiedostoa tai hakemistoa ei ole',
  'Nincs ilyen fájl vagy könyvtár',
  'Немає такого файла або каталогу',
  'Няма такъв файл или директория',
  'Няма такога файла ці каталога',
  'Нема такве датотеке или директоријума',
  'Nema takve datoteke ili direktorija',
  'Datoteka ali imenik s tem imenom ne obstaja',
  'Δεν υπάρχει τέτοιο αρχείο ή κατάλογος',
  'El fitxer o directori no existeix',
  'Non hai tal ficheiro ou directorio',
  'Tidak ada berkas atau direktori seperti itu',
  'Không có tập tin hoặc thư mục như vậy',
  'Toks failas ar aplankas neegzistuoja',
  'Dosiero aŭ dosierujo ne ekzistas',
  'Necun tal file o directorio',
];
const ENOENT = ENOENT_TEXTS.join('|');

// strerror(ENOMEM) in English and in the translations of this machine's glibc libc.mo (de, fr, es, pt_BR, it, ru,
// zh_CN, ja), as bash prints it after "fork: ".
export const ENOMEM_TEXTS = [
  'Cannot allocate memory',
  'Nicht genügend Hauptspeicher verfügbar',
  'Ne peut allouer de la mémoire',
  'No se pudo asignar memoria',
  'Não foi possível alocar memória',
  'Impossibile allocare memoria',
  'Невозможно выделить память',
  '无法分配内存',
  'メモリを確保できません',
];

// strerror(EXDEV) likewise, and Node's code for it ("EXDEV: cross-device link not permitted, rename 'a' -> 'b'").
export const EXDEV_TEXTS = [
  'Invalid cross-device link',
  'EXDEV: cross-device link not permitted',
  'Ungültiger Link über Gerätegrenzen hinweg',
  'Lien physique inter-périphérique invalide',
  'Enlace cruzado entre dispositivos no permitido',
  'Link entre dispositivos inválido',
  'Collegamento tra dispositivi non valido',
  'Неверная ссылка между устройствами',
  '无效的跨设备链接',
  '無効なクロスデバイスリンクです',
];

// make's "Error" in "*** [target] Error 127", in the translations GNU make 4.3's make.mo ships.
const MAKE_ERROR_WORDS = ['Fehler', 'Erreur', 'Errore', 'Erro', 'Ошибка', '错误', '錯誤', 'エラー', '오류', 'Błąd', 'Chyba', 'Fejl', 'Fout', 'Fel', 'Virhe', 'Помилка', 'Грешка', 'грешка', 'Greška', 'Lỗi', 'Earráid'];

// What follows a bare "X: not found" when X was a command: its exit status 127 (make's "Error 127", translated by make.mo:
// "Fehler 127", "Erreur 127", "错误 127"...; yarn's "Command failed with exit code 127.", npm's "code 127", Docker's
// "non-zero code: 127") or the package manager's script failure (pnpm "ELIFECYCLE  Command failed.", npm "code ELIFECYCLE").
const EXIT_127_OR_SCRIPT_FAILED = new RegExp(String.raw`(?:Error|code|status|${MAKE_ERROR_WORDS.join('|')})[: ]{1,3}127\b|\bELIFECYCLE\b`);

// Programs whose exit status may be that of a command they ran (a shell, a script runner, a package manager running a
// script, a container or environment runner): their 127 says nothing about the program itself.
const RUNS_OTHER_COMMANDS = new Set(['sh', 'bash', 'dash', 'zsh', 'env', 'sudo', 'doas', 'time', 'nohup', 'xargs', 'exec', 'eval', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'node', 'deno', 'nix', 'nix-shell', 'nix-build', 'docker', 'podman', 'uv', 'uvx', 'poetry', 'pipenv', 'pdm', 'hatch', 'tox', 'nox', 'conda', 'mamba', 'cross', 'wsl']);

/**
 * The program a command's exit status 127 says was not found: its first word, when the command is one simple command
 * (no `&&`, `;`, pipe or substitution, where the 127 may be any of them) run by no wrapper that passes a child's status on.
 */
function commandNotFoundIn(command: string): string | undefined {
  if (/&&|\|\||[;|`]|\$\(/.test(command)) return undefined;
  const words = command.trim().replace(/\\"/g, '"').split(/\s+/);
  const first = words[0]?.replace(/^["']|["']$/g, '').replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  if (!first || !/^[\w.+-]{1,64}$/.test(first) || RUNS_OTHER_COMMANDS.has(first)) return undefined;
  // `cargo run`, `cmake --build` and `go run` pass on the exit status of what they run
  if (/^(?:run|exec|x|xtask|--build|-E|-P)$/.test(words[1] ?? '')) return undefined;
  return first;
}

/** The program a CMake generator builds with (undefined for generators whose absence another rule explains). */
function buildProgramOfGenerator(generator: string): string | undefined {
  if (/^(?:[\w ]+ - )?Ninja(?: Multi-Config)?$/.test(generator)) return 'ninja';
  if (generator === 'NMake Makefiles JOM') return 'jom';
  if (generator === 'Watcom WMake') return 'wmake';
  return /^(?:[\w ]+ - )?(?:Unix|MinGW|MSYS) Makefiles$/.test(generator) ? 'make' : undefined;
}

// A buildpack's phase scripts as the platform runs them ("/tmp/buildpacks/<id>/bin/compile", "/app/tmp/buildpacks/<hash>/bin/compile").
const BUILDPACK_SCRIPT = /[/\\]buildpacks?[/\\][^/\\\s]{1,200}[/\\]bin[/\\](?:compile|supply|finalize|detect|release|build)$/;

// The directories a system package manager installs interpreters to (or none: the name alone).
const SYSTEM_BIN_DIR = /^(?:(?:\/usr(?:\/local)?|\/opt\/homebrew)?\/s?bin\/)?$/;

// bash's "%s: command not found" in every translation bash 5.2's bash.mo ships (nb's puts the name last: see below), the
// German of bash < 5 ("Befehl nicht gefunden"), dash's Spanish, and sudo's and older bash's Chinese ("命令未找到", "找不到命令").
const BASH_COMMAND_NOT_FOUND = [
  'Befehl nicht gefunden', 'Kommando nicht gefunden', 'commande introuvable', 'no se encontró la orden', 'orden no encontrada',
  'comando não encontrado', 'comando non trovato', 'команда не найдена', '未找到命令', '命令未找到', '找不到命令', '指令找不到',
  'コマンドが見つかりません', '명령어를 찾을 수 없음', 'nie znaleziono polecenia', 'komut yok', 'příkaz nenalezen', 'príkaz nenájdený',
  'kommandot finns inte', 'kommando ikke fundet', 'opdracht niet gevonden', 'команду не знайдено', 'командата не е открита',
  'нема такве наредбе', 'naredba nije pronađena', 'ukaza ni mogoče najti', 'parancs nem található', 'komentoa ei löydy',
  'käsku ei ole', 'komanda nerasta', 'comandă negăsită', 'εντολή δεν βρέθηκε', "no s'ha trobat l'ordre", 'non se atopou a orde',
  'perintah tidak ditemukan', 'không tìm thấy lệnh', 'Komando ne trovita', 'bevel nie gevind nie', 'níor aimsíodh an t-ordú',
];

// CMake >= 3.18 find_program/find_library/find_path/find_file with REQUIRED (cmFindBase.cxx): "Could not find <VAR>
// using the following names: a, b" (programs and libraries) or "... using the following files: a.h, b.h" (paths and
// files). The result variable's conventional name says what was looked for.
const CMAKE_FIND_NAMES = 'using the following names: ';
const CMAKE_FIND_FILES = 'using the following files: ';
const CMAKE_FIND_NAMES_RE = String.raw`Could not find (?<_var>[A-Za-z_][\w]{0,100}) using the following names: `;

const PROGRAM_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'dash-not-found',
    // dash/ash/busybox sh: "sh: 1: nasm: not found", "/bin/sh: 1: cmake: not found", "./configure: 123: bison: not found",
    // relayed by lxml's setup.py as "ERROR: b'/bin/sh: xslt-config: not found\n'",
    // busybox "/bin/sh: gcc: not found"; bash: "bash: line 1: make: command not found", "/tmp/x.sh: line 3: nasm: command not found";
    // dash < 0.5.11 repeats a script's name after the line number: "./autogen.sh: 2: ./autogen.sh: autoreconf: not found";
    // bash's exec builtin: "./autogen.sh: line 3: exec: autoreconf: not found"; a login shell "-bash: make: command not
    // found"; sudo "sudo: cmake: command not found". Not "ELF": a shell that runs a binary it
    // cannot execute as a script (dash < 0.5.11, busybox ash) reads its magic first, "./demo: line 1: ELF: not found"
    source: 'sh / dash / busybox ash / bash',
    literals: [': not found', 'command not found'],
    re: new RegExp(String.raw`^(?:ERROR: (?:b')?)?(?:(?<_script>[^\s:]{1,200}): (?:line )?\d+: (?:\k<_script>: |exec: )?|(?:\S{0,200}/)?-?(?:ba|da|k)?sh: |sudo: )(?!ELF: )(?<entity>${PROG}): (?:command )?not found(?:\\n')?\s*$`),
    // A buildpack's own script (Heroku, Cloud Foundry: bin/compile, bin/supply) installs what it runs itself: a program
    // it cannot find there is the buildpack's setup failing (a stale cache, a detection bug), nothing the user installs.
    name: (g) => (BUILDPACK_SCRIPT.test(g._script ?? '') ? undefined : g.entity),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'bash-bare-not-found',
    // bash without a script name (CI steps, interactive): "nasm: command not found"
    source: 'bash',
    literals: ['command not found'],
    re: new RegExp(String.raw`^(?<entity>${PROG}): command not found\s*$`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'localized-shell-not-found',
    // bash, localized (BASH_COMMAND_NOT_FOUND): de "bash: Zeile 1: nasm: Kommando nicht gefunden.", fr "bash: ligne 1:
    // nasm : commande introuvable" (a no-break space before the colon), zh_CN "bash: 行 1: nasm: 未找到命令", zh_TW
    // "bash: 列 1: nasm：指令找不到" (a full-width colon), tr "bash: satır 1: nasm: komut yok", ko "bash: 줄 1: …"; sudo zh
    // "sudo: nasm：找不到命令"; dash es "orden no encontrada". bash's "line N" is translated too, with the number before or
    // after the word ("第 1 行：", "1. satır:"): any short word beside the number; the script's name ends with a colon,
    // a comma (pt_BR "./build.sh, linha 3:"), " :" (fr) or a space (ca "./build.sh línia 3:"); nb names the program last
    // ("bash: fant ikke kommando nasm")
    source: 'bash (gettext translations)',
    literals: [...BASH_COMMAND_NOT_FOUND, 'fant ikke kommando '],
    re: new RegExp(
      String.raw`^(?:[^\s:：,]{1,200}(?:\s?[:：,] ?| )(?:(?:[^\s\d:：]{1,12} ?\d{1,6}ª?|(?:第 )?\d{1,6}\.? ?[^\s\d:：]{1,6})\s?[:：] ?)?)?` +
        String.raw`(?:(?<entity>${PROG})\s?[:：] ?(?:${BASH_COMMAND_NOT_FOUND.join('|')})\.?|fant ikke kommando (?<entityAfter>${PROG}))\s*$`,
    ),
    name: (g) => g.entity ?? g.entityAfter,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'bare-not-found-exit-127',
    // a shell's not-found line whose "sh: 1: " the wrapper or the paste dropped: pnpm "node-gyp: not found" then
    // " ELIFECYCLE  Command failed."; Rtools' sh under make "c:/rtools40/mingw32/bin/gcc: not found" then "make: ***
    // [dotsElt.o] Error 127". The bare words also end other lines ("libfoo.so: not found"), so the line counts only when
    // the next lines show the exit status 127 of a command not found or a package manager's script failure
    source: 'sh (prefix dropped) under make / pnpm / yarn / npm',
    literals: [': not found'],
    re: new RegExp(String.raw`^${DIR}(?<entity>${PROG}): not found\s*$`),
    weight: 0.3,
    confirm: { weight: 0.85, by: (after) => after.some((l) => EXIT_127_OR_SCRIPT_FAILED.test(l)) },
    unknownOk: true,
  },
  {
    id: 'shell-path-not-found',
    // a shell given a compiler or tool by a path that does not exist (Rtools' BINPREF, a stale CC): "sh: C:/rtools40/
    // mingw64/bin/g++: No such file or directory", "sh: line 1: C:/rtools40/usr/mingw_32/bin/gcc: No such file or
    // directory", dash "/bin/sh: 1: /opt/cross/bin/arm-linux-gnueabihf-gcc: not found". Known programs only: a path may
    // as well be one of the project's own scripts
    source: 'sh / dash / bash',
    literals: [': No such file or directory', ': not found'],
    re: new RegExp(String.raw`^(?:\S{0,200}/)?-?(?:ba|da|k)?sh: (?:line )?(?:\d+: )?(?:[A-Za-z]:)?[/\\]${DIR}(?<entity>${PROG}): (?:No such file or directory|not found)\s*$`),
    weight: 0.85,
  },
  {
    id: 'zsh-not-found',
    // zsh: "zsh: command not found: nasm" (zsh >= 5.x); older "zsh: command not found nasm"
    source: 'zsh',
    literals: ['zsh: command not found'],
    re: new RegExp(String.raw`^zsh: command not found:? (?<entity>${PROG})\s*$`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'fish-unknown-command',
    // fish >= 3: "fish: Unknown command: nasm"; fish 2: "fish: Unknown command 'nasm'"
    source: 'fish',
    literals: ['fish: Unknown command'],
    re: new RegExp(String.raw`^fish: Unknown command:? '?(?<entity>${PROG})'?`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cmd-not-recognized',
    // cmd.exe: "'nasm' is not recognized as an internal or external command," (npm quotes: "npm ERR! '\"node\"' is not ..."); de "'nasm' wird nicht als interner oder externer
    // Befehl, ..." (Windows 10 quotes with ", older German cmd: 'Der Befehl "nasm" ist entweder falsch geschrieben oder
    // konnte nicht gefunden werden.'); fr "'nasm' n'est pas reconnu en tant que commande interne", es "no se reconoce como
    // un comando interno o externo", pt "não é reconhecido como um comando interno", it "non è riconosciuto come comando
    // interno o esterno", ru "не является внутренней или внешней командой", zh "'nasm' 不是内部或外部命令",
    // ja "'nasm' は、内部コマンドまたは外部コマンド、…として認識されていません"
    source: 'cmd.exe',
    literals: ['is not recognized as an internal or external command', 'wird nicht als interner oder externer Befehl', "n'est pas reconnu en tant que commande interne", 'no se reconoce como un comando interno o externo', 'não é reconhecido como um comando interno', 'non è riconosciuto come comando interno o esterno', 'не является внутренней или внешней', '不是内部或外部命令', '内部コマンドまたは外部コマンド', 'ist entweder falsch geschrieben oder konnte nicht gefunden werden'],
    re: new RegExp(String.raw`(?:^|\s)(?:Der Befehl )?(?:'"?|")(?<entity>${PROG})(?:"?'|") ?(?:is not recognized as an internal or external command|wird nicht als interner oder externer Befehl|n'est pas reconnu en tant que commande interne|no se reconoce como un comando interno o externo|não é reconhecido como um comando interno|non è riconosciuto come comando interno o esterno|не является внутренней или внешней|不是内部或外部命令|は、内部コマンドまたは外部コマンド|ist entweder falsch geschrieben oder konnte nicht gefunden werden)`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'powershell-term-not-recognized',
    // PowerShell 5: "nasm : The term 'nasm' is not recognized as the name of a cmdlet, function, script file, or operable program."
    // PowerShell 7: "nasm: The term 'nasm' is not recognized as a name of a cmdlet, function, script file, or executable program."
    source: 'PowerShell',
    literals: ['is not recognized as the name of a cmdlet', 'is not recognized as a name of a cmdlet'],
    re: new RegExp(String.raw`The term '${DIR}(?<entity>${PROG})' is not recognized as (?:the|a) name of a cmdlet`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'make-enoent',
    // GNU make >= 4.3: "make: nasm: No such file or directory" (localized: de "make: nasm: Datei oder Verzeichnis nicht
    // gefunden", zh "make: nasm: 没有那个文件或目录"); older make: "make[1]: bison: Command not found"; a program named
    // by an absolute path that does not exist: "make[1]: /opt/sdk/bin/aarch64-linux-gnu-gcc: Command not found"
    // (a relative ./ path is the project's own file, not a tool)
    source: 'GNU make',
    literals: [...ENOENT_TEXTS, 'Command not found'],
    re: new RegExp(String.raw`^g?make(?:\[\d+\])?: (?:/[^\s:]{0,200}/)?(?<entity>${PROG}): (?:${ENOENT}|Command not found)\s*$`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'env-no-such-file',
    // coreutils env (a "#!/usr/bin/env perl" shebang): "/usr/bin/env: ‘perl’: No such file or directory"; macOS/BSD "env: perl: No such file or directory";
    // localized quotes and text: de 'env: „perl“: Datei oder Verzeichnis nicht gefunden', fr 'env: « perl »: …', ja "env: `perl': …"
    source: 'coreutils / BSD env',
    literals: ENOENT_TEXTS,
    re: new RegExp(String.raw`\benv: (?:['‘„"«\`]\s?)?(?<entity>${PROG})(?:\s?['’“"»])?: (?:${ENOENT})`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'xargs-no-such-file',
    // GNU findutils xargs: "xargs: nasm: No such file or directory" (the command it was given is not installed)
    source: 'GNU xargs',
    literals: ['xargs: '],
    re: new RegExp(String.raw`^xargs: ${DIR}(?<entity>${PROG}): (?:${ENOENT})\s*$`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-program-not-found',
    // meson find_program(..., required: true): "meson.build:12:0: ERROR: Program 'nasm' not found or not executable"
    // (meson >= 0.57), "ERROR: Program 'nasm' not found" (0.5x), "ERROR: Program(s) ['nasm'] not found or not
    // executable" (older; the first name tried is the entity)
    source: 'meson',
    literals: ['ERROR: Program'],
    re: new RegExp(String.raw`ERROR: Program(?:\(s\))? \[?'(?<entity>${PROG})'(?:, '[^']{1,100}')*\]? not found(?: or not executable)?\s*$`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'cmake-nasm-compiler-not-found',
    // CMake enable_language(ASM_NASM) (libjpeg-turbo, x264, aom, dav1d, openh264): "No CMAKE_ASM_NASM_COMPILER could be
    // found." The assembler it looks for is nasm (or yasm)
    source: 'CMake',
    literals: ['No CMAKE_ASM_NASM_COMPILER could be found'],
    re: /No CMAKE_ASM_NASM_COMPILER could be found/,
    name: () => 'nasm',
    weight: 0.9,
  },
  {
    id: 'could-not-find-known-program',
    // A build script's own words for a tool it looked for on PATH: "Could not find meson", "Unable to find nasm",
    // "error: cannot find protoc". A whole line naming nothing but the tool, and only a tool the facts table knows:
    // these words also name files and libraries
    source: 'build scripts (npm install scripts, setup.py, build.rs)',
    literals: ['ould not find ', 'nable to find ', 'annot find ', "an't find ", 'ailed to find '],
    re: new RegExp(String.raw`^(?:(?:error|ERROR|Error|fatal): )?(?:[Cc]ould not|[Uu]nable to|[Cc]annot|[Cc]an't|[Ff]ailed to) find (?:program |executable |the )?['"\`]?(?<entity>${PROG})['"\`]?(?: (?:executable|program|binary|on (?:your )?PATH|in (?:your )?PATH))?[.!]?\s*$`),
    weight: 0.6,
  },
  {
    id: 'make-error-program-not-found',
    // A Makefile's own check, `$(error pkg-config not found)`, which GNU make prints as "Makefile:13: *** pkg-config not
    // found -- install base-devel.  Stop." (make's "%s:%lu: *** %s.  Stop.", "Stop." translated by make.mo). Projects word
    // it "X not found", "X not found on PATH", "X is not installed"; known programs only, and not a name that is also a
    // library's ("$(error sqlite3 not found)" after a pkg-config probe means the library)
    source: 'GNU make ($(error) in a Makefile)',
    literals: [': *** '],
    re: new RegExp(String.raw`^[^\s:]{1,200}:\d{1,6}: \*\*\* ['"\x60]?(?<entity>${PROG})['"\x60]? (?:(?:was |is )?not found|is not installed|is required but was not found)(?: (?:on|in) (?:your )?(?:PATH|\$PATH))?(?:[.,;:!]| -{1,2} | — |\s*$)`),
    name: (g) => (g.entity && factForLibrary(g.entity, 'pkg-config').component ? undefined : g.entity),
    weight: 0.85,
  },
  {
    id: 'bad-interpreter',
    // bash running a script whose shebang names a missing interpreter: "./configure: /usr/bin/perl: bad interpreter: No such file or directory".
    // Only a system bin directory's interpreter is a program to install: a shebang into a versioned framework, a
    // virtualenv or another installation ("/System/Library/Frameworks/Ruby.framework/Versions/1.8/usr/bin/ruby") names
    // an installation that is gone, and the tool whose script it is is broken.
    source: 'bash',
    literals: ['bad interpreter'],
    re: new RegExp(String.raw`: (?<_dir>${DIR})(?<entity>${PROG}): bad interpreter: No such file or directory`),
    name: (g) => (SYSTEM_BIN_DIR.test(g._dir ?? '') ? g.entity : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'python-filenotfound',
    // Python subprocess (setup.py, build backends, meson, node-gyp's gyp): "FileNotFoundError: [Errno 2] No such file or directory: 'cmake'",
    // "OSError: [Errno 2] ...", Windows "[WinError 2] The system cannot find the file specified: 'nasm'" (rare: usually no name)
    source: 'Python (subprocess)',
    literals: ['No such file or directory:', 'The system cannot find the file specified'],
    re: new RegExp(String.raw`(?:FileNotFoundError|OSError|error): \[(?:Errno 2|WinError 2)\] (?:No such file or directory|The system cannot find the file specified): '${DIR}(?<entity>${PROG})'\s*$`),
    weight: 0.85,
  },
  {
    id: 'distutils-unable-to-execute',
    // setuptools/distutils (spawn.py's DistutilsExecError "command %r failed: %s"): "error: command 'swig' failed: No such
    // file or directory" (the quoted path may hold spaces: "error: command 'C:\\Program Files\\...\\cl.exe' failed: ...");
    // old distutils "unable to execute 'swig': No such file or directory". The compiler classes re-raise it as CompileError or
    // LinkError, which pyximport relays ("ImportError: Building module x failed: [\"CompileError: command 'gcc' failed: ..."),
    // and build_ext warns with it for an optional extension ("warning: build_ext: building extension \"x\" failed: command ...")
    source: 'setuptools / distutils',
    literals: ['failed: No such file or directory', 'unable to execute'],
    re: new RegExp(
      String.raw`(?:(?:^error: |(?:Compile|Link|DistutilsExec)Error: |^warning: build_ext: building extension "[\w.]{1,200}" failed: )command '(?:[^'\n]{0,200}[/\\])?|[Uu]nable to execute '?${DIR})(?<entity>${PROG})'?(?: failed)?: No such file or directory`,
    ),
    weight: 0.95,
  },
  {
    id: 'node-spawn-enoent',
    // Node child_process (npm scripts, node-gyp, node-pre-gyp, prebuild): "Error: spawn cmake ENOENT", "spawn python3 ENOENT"
    source: 'Node.js child_process',
    literals: ['ENOENT'],
    re: new RegExp(String.raw`\bspawn ${DIR}(?<entity>${PROG}) ENOENT`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'go-exec-not-found',
    // Go os/exec (cgo, go generate, Go build tools): 'exec: "gcc": executable file not found in $PATH' (%PATH% on Windows)
    source: 'Go os/exec',
    literals: ['executable file not found in'],
    re: new RegExp(String.raw`exec: "${DIR}(?<entity>${PROG})": executable file not found in`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'dart-process-not-found',
    // Dart's package:process (flutter_tools' LocalProcessManager: `flutter build linux` running cmake and ninja, `flutter
    // build windows`): 'ProcessException: Failed to find "cmake" in the search path. Command: cmake, OS error code: 0'
    source: 'Dart package:process (Flutter tool)',
    literals: ['in the search path'],
    re: new RegExp(String.raw`ProcessException: Failed to find "${DIR}(?<entity>${PROG})" in the search path`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'java-cannot-run-program',
    // Java ProcessBuilder (Gradle Exec tasks, Maven plugins, IDEs): 'java.io.IOException: Cannot run program "cargo"
    // (in directory "/src/rs"): error=2, No such file or directory' (Windows: "CreateProcess error=2, The system cannot
    // find the file specified"). OpenJDK 17 prints the same line when the working directory does not exist (as Node's
    // "spawn X ENOENT" does); build tools run in the project's existing directories, so the program is the usual cause.
    source: 'Java ProcessBuilder',
    literals: ['Cannot run program "'],
    re: new RegExp(String.raw`Cannot run program "${DIR}(?<entity>${PROG})"(?: \(in directory "[^"]{0,300}"\))?: (?:CreateProcess )?error=2,`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'is-not-installed',
    // cmake crate and old cc-rs: "is `cmake` not installed?"; cc-rs 1.0: "Failed to find tool. Is `gcc` installed?";
    // openssl-src: "Command 'perl' not found. Is perl installed?"
    source: 'cmake crate / cc-rs / openssl-src (Rust build scripts)',
    // (a paste may end the line before the question mark: "Failed to find tool. Is `musl-g++` installed")
    literals: ['not installed', ' installed?', 'Failed to find tool. Is `'],
    re: new RegExp(String.raw`(?:[Ii]s \x60(?<entity>${PROG})\x60 (?:not )?installed(?:\?|\s*$)|Command '(?<entity2>${PROG})' not found\. Is \S+ installed\?)`),
    name: (g) => g.entity ?? g.entity2,
    weight: 0.95,
  },
  {
    id: 'ccrs-failed-to-find-tool',
    // cc-rs >= 1.1: 'error occurred in cc-rs: failed to find tool "c++": No such file or directory (os error 2)'
    source: 'cc-rs >= 1.1 (Rust build scripts)',
    literals: ['failed to find tool'],
    re: new RegExp(String.raw`failed to find tool "${DIR}(?<entity>${PROG})": `),
    weight: 0.95,
  },
  {
    id: 'cargo-plugin-not-installed',
    // cargo (cli.rs execute_external_subcommand): >= 1.66 "error: no such command: `chef`", older "error: no such
    // subcommand: `chef`": `cargo X` runs the program cargo-X from PATH. Only plugins the kb table knows count (a
    // mistyped built-in command is wrong-build-invocation); cargo's "a command with a similar name exists" hint does
    // not tell them apart (it offers `check` for `chef`).
    source: 'cargo',
    literals: ['error: no such command: `', 'error: no such subcommand: `'],
    re: /^error: no such (?:sub)?command: `(?<_sub>[a-z][\w-]{0,40})`/,
    name: (g) => (g._sub ? `cargo-${g._sub}` : undefined),
    weight: 0.9,
  },
  {
    id: 'prose-program-not-installed',
    // A build script's or tool's own sentence about a program it needs: "Zig is not installed in your system." (cargo-lambda),
    // "Failed to find libtoolize or glibtoolize, please ensure it is installed" (an autogen.sh), "Could not find git in
    // PATH", "ninja was not installed". Any casing ("Zig", "CMake"). Only programs the kb table knows, and not a name that is
    // also a library (openssl, libclang): "Could not find OpenSSL" is about the library. Not CMake's status lines ("-- zig
    // is not installed: bindings left out"), which report an optional part the configure goes on without, nor a sentence
    // that goes on without it ("Could not find nasm, building without SIMD").
    source: 'build scripts and tools (prose)',
    literals: [' is not installed', ' was not installed', 'ailed to find ', 'nable to find ', 'ould not find ', 'ailed to locate ', 'nable to locate ', 'ould not locate '],
    re: new RegExp(
      String.raw`(?:^|[:(\x60]\s?|(?<!^--)\s)(?:(?:[Tt]he )?[\x60'"]?(?<entity>${PROG_WORD})(?![\w+-]|\.\w)[\x60'"]? (?:(?:command|program|binary|executable|tool) )?(?:is|was) not installed\b(?!${GOES_ON_WITHOUT})|(?:[Ff]ailed to|[Uu]nable to|[Cc]ould not|[Cc]ouldn't) (?:find|locate) (?:the )?(?:program |command |executable |binary |application )?[\x60'"]?(?<entity2>${PROG_WORD})(?![\w+-]|\.\w)[\x60'"]?(?: (?:command|program|binary|executable|tool))?(?: or [\x60'"]?[\w.+-]{1,40}[\x60'"]?)?\s*(?:[,.;!(](?!${GOES_ON_WITHOUT})|(?:in|on) (?:your |the )?\$?PATH\b|$))`,
    ),
    name: (g) => {
      const name = (g.entity ?? g.entity2)?.toLowerCase();
      return name && !factForLibrary(name).known ? name : undefined;
    },
    weight: 0.8,
  },
  {
    id: 'rust-spawn-not-found-named',
    // A Rust build script (or tool) that names the program in its own message around std's io::Error for a program that
    // is not there: Debug form 'Failed to execute git command: Os { code: 2, kind: NotFound, message: "No such file or
    // directory" }' (an .expect()), Display form "failed to run `nasm -v`: No such file or directory (os error 2)",
    // Windows "program not found" / "The system cannot find the file specified. (os error 2)". Only programs the kb
    // table knows count: "failed to execute process" or "command" names none.
    source: 'Rust std::process (build scripts)',
    literals: ['kind: NotFound', 'Os { code: 2, message:', '(os error 2)', ': program not found'],
    re: new RegExp(
      String.raw`(?:^|[\s'"(])(?:[Ff]ailed (?:to (?:execute|exec|run|spawn|start|launch|invoke|call)|in)|[Uu]nable to (?:execute|run|spawn|start|launch)|[Cc]ould not (?:execute|run|spawn|start|launch)) [\x60'"]?${DIR}(?<entity>${PROG})[\x60'"]?(?: (?:command|process|binary|executable|program))?\.?(?: [^:]{0,80})?: (?:(?:Error \{ repr: )?Os \{ code: 2,(?: kind: NotFound,)? message: |No such file or directory \(os error 2\)|program not found|The system cannot find the file specified\. \(os error 2\))`,
    ),
    // "failed to execute process: Error { repr: Os { code: 2, ... } }" names no program (an old build script's panic).
    name: (g) => (g.entity && !NOT_PROGRAM_NAMES.has(g.entity.toLowerCase()) ? g.entity : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'elixir-system-cmd-enoent',
    // Elixir's System.cmd when the program is not on PATH raises ":enoent" and the stack frame under it names the call:
    // "** (ErlangError) Erlang error: :enoent" then "    (elixir) lib/system.ex:605: System.cmd("make", [], ...)" (1.x;
    // "(elixir 1.14.0)" since 1.10). The frame alone is any System.cmd failure: it counts under the :enoent line.
    source: 'Elixir System.cmd (mix, elixir_make)',
    literals: ['System.cmd("'],
    re: new RegExp(String.raw`^\s*\(elixir(?: [\d.]+)?\) lib/system\.ex:\d+: System\.cmd\("${DIR}(?<entity>${PROG})", `),
    weight: 0.2,
    confirm: { weight: 0.85, by: (_after, _entity, before) => before.some((l) => /Erlang error: :enoent\s*$/.test(l)) },
  },
  {
    id: 'haskell-process-exec-does-not-exist',
    // Haskell's process library (cabal, stack, Template Haskell splices, Nix's Haskell builds) shows the program it could
    // not start before the call: "git: readCreateProcess: runInteractiveProcess: exec: does not exist (No such file or
    // directory)", "ghc: readCreateProcessWithExitCode: ...", "cabal: streamingProcess: ..."; process >= 1.6.? spawns
    // with posix_spawnp ("nw: createProcess: posix_spawnp: does not exist"). A path before the name is a stale reference
    // to one program (a build directory's recorded ghc-pkg), not a program missing from PATH, and is left alone.
    source: 'Haskell process library',
    literals: [': does not exist (No such file or directory)'],
    re: new RegExp(String.raw`(?:^|[\s:])(?<entity>${PROG})${HASKELL_EXEC_FAILED}`),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-could-not-execute-compiler',
    // meson's compiler detection for languages it probes with one command (Vala, Swift): "meson.build:1:0: ERROR: Could
    // not execute Vala compiler: valac" (meson 1.0.1 made here; "Could not execute Swift compiler: swiftc"), before 0.60
    // 'ERROR: Could not execute Vala compiler "valac"'.
    source: 'meson',
    literals: ['ERROR: Could not execute '],
    re: new RegExp(String.raw`ERROR: {1,2}Could not execute [\w#+-]{1,20} compiler(?:: | ")${DIR}(?<entity>${PROG})`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'cargo-could-not-execute',
    // cargo: "error: could not execute process `/usr/bin/nasm -f elf64 ...` (never executed)" (followed by "No such file or directory (os error 2)")
    source: 'cargo / Rust std::process',
    literals: ['(never executed)'],
    re: new RegExp(String.raw`could not execute process \x60${DIR}(?<entity>${PROG})(?: [^\x60]*)?\x60 \(never executed\)`),
    weight: 0.85,
  },
  // The exit status 127 ("command not found") of one simple command, as the tool that ran it reports it; the program is
  // the command's first word (see commandNotFoundIn for the commands whose 127 may be another program's). One pattern per
  // wording, each anchored so that it cannot backtrack across the line.
  {
    id: 'exit-127-r-system',
    // R's system(): "Warning: running command 'make -f "Makevars.win" ... SHLIB_LD='$(SHLIB_CXXLD)' ...' had status 127"
    // (or the line alone under "Warning message:"); R builds the command and quotes inside it, so only its first word is read
    source: 'R system()',
    literals: ['had status 127'],
    // (R quotes inside the command, so the regex reads only its start; the prefilter literal, which the engine requires
    // on the line, carries the status)
    re: /^(?:Warning: )?running command '(?<_cmd>[^\s']{1,300})[\s']/,
    name: (g) => commandNotFoundIn(g._cmd ?? ''),
    weight: 0.8,
  },
  {
    id: 'exit-127-docker-legacy',
    // docker build's legacy builder: "The command '/bin/sh -c cmake ..' returned a non-zero code: 127"
    source: 'docker build (legacy builder)',
    literals: ['returned a non-zero code: 127'],
    re: /^The command '(?:\/bin\/(?:ba)?sh -c )?(?<_cmd>[^'\n]{1,4000})' returned a non-zero code: 127/,
    name: (g) => commandNotFoundIn(g._cmd ?? ''),
    weight: 0.8,
  },
  {
    id: 'exit-127-buildkit',
    // BuildKit: 'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit
    // code: 127' (the step's own "#12 ERROR: process ..." once its prefix is peeled)
    source: 'BuildKit',
    literals: ['did not complete successfully: exit code: 127'],
    re: /^(?:ERROR: |error: )?(?:failed to solve: )?process "(?:\/bin\/(?:ba)?sh -c )?(?<_cmd>[^"\n]{1,4000})" did not complete successfully: exit code: 127/,
    name: (g) => commandNotFoundIn(g._cmd ?? ''),
    weight: 0.8,
  },
  {
    id: 'exit-127-execa',
    // execa (wrangler, Node build tools): "Error: Command failed with exit code 127: cargo build"
    source: 'execa (Node.js)',
    literals: ['Command failed with exit code 127: '],
    re: /Command failed with exit code 127: (?<_cmd>\S[^\n]{0,4000})/,
    name: (g) => commandNotFoundIn(g._cmd ?? ''),
    weight: 0.8,
  },
  {
    id: 'exit-127-python-subprocess',
    // Python's subprocess.CalledProcessError for a shell command: "Command 'meson setup b' returned non-zero exit status 127."
    // (a list form, "Command '['x', ...]'", never exits 127: Python raises FileNotFoundError instead)
    source: 'Python subprocess',
    literals: ['returned non-zero exit status 127'],
    re: /^(?:subprocess\.CalledProcessError: |CalledProcessError: )?Command '(?<_cmd>[^'\n[][^'\n]{0,4000})' returned non-zero exit status 127/,
    name: (g) => commandNotFoundIn(g._cmd ?? ''),
    weight: 0.8,
  },
  {
    id: 'cmake-notfound-command',
    // A command CMake generated from a find_program variable that holds `<VAR>-NOTFOUND`, as the build echoes it:
    // MSBuild's MSB3073 batch ("PYTHON_COMMAND-NOTFOUND D:/x/sync_folder.py -s ...", ending "exited with code 9009"),
    // make's VERBOSE and ninja's FAILED command lines ("cd /x && PYTHON_EXECUTABLE-NOTFOUND /x/gen.py"). That word is no
    // program anywhere, so running it fails; the variable names the program (programOfCmakeNotFound).
    source: 'CMake-generated commands',
    literals: ['-NOTFOUND '],
    re: /(?:^|&& )(?<entity>[A-Za-z][A-Za-z0-9_]{0,80}-NOTFOUND) /,
    weight: 0.8,
  },
  {
    id: 'elixir-make-not-found',
    // elixir_make, the Mix compiler that runs a NIF's Makefile: '** (Mix) "make" not found in the path. If you have set
    // the MAKE environment variable, please make sure it is correct.' ("nmake" on Windows, "gmake" on the BSDs). A MAKE
    // that names a directory or a path with spaces names no program (entityOf drops it).
    source: 'elixir_make (Mix)',
    literals: ['not found in the path'],
    re: new RegExp(String.raw`^\*\* \(Mix\) "(?<entity>${PROG})" not found in the path\b`),
    weight: 0.9,
  },
  {
    id: 'node-which-not-found',
    // the `which` npm package (node-gyp < 10, prebuild): "Error: not found: python2", "gyp ERR! stack Error: not found: make"
    source: 'which (npm package)',
    literals: ['not found: '],
    re: new RegExp(String.raw`(?:^(?:\w+: )?|Error: )not found: (?<entity>${PROG})\s*$`),
    weight: 0.7,
  },
  {
    id: 'binary-not-found',
    // build scripts and wrappers: "protoc binary not found", "Error: `nasm` binary not found"
    source: 'build scripts (various)',
    literals: ['binary not found'],
    re: new RegExp(String.raw`(?:^|error: |Error: )\x60?(?<entity>${PROG})\x60? binary not found`),
    weight: 0.75,
  },
  {
    id: 'couldnt-find-required-command',
    // shaderc-sys's build script (build/cmd_finder.rs), inside its panic: "couldn't find required command: \"cmake\""
    // (also "ninja", "python3"), when it falls back to building shaderc from source
    source: 'shaderc-sys build script',
    literals: ["couldn't find required command: "],
    re: new RegExp(String.raw`couldn't find required command: "(?<entity>${PROG})"`),
    weight: 0.85,
  },
  {
    id: 'nasm-rs-too-old-enoent',
    // nasm-rs (rav1e, cavif): "This version of NASM is too old: No such file or directory (os error 2)" when nasm is not there at all
    source: 'nasm-rs (Rust build scripts)',
    literals: ['This version of NASM is too old: '],
    re: /This version of NASM is too old: (?:No such file or directory|program not found|The system cannot find the file specified)/,
    name: () => 'nasm',
    weight: 0.9,
  },
  {
    id: 'configure-could-not-find-program',
    // autoconf scripts' own AC_MSG_ERROR: "configure: error: could not find GNU libtool >= 1.5.26", "configure: error: cannot find bison"
    // (known programs only: "cannot find install-sh" and the like are files of the project)
    source: 'autoconf configure',
    literals: ['configure: error: '],
    re: new RegExp(String.raw`^configure: error: (?:[Cc]ould not find|[Cc]annot find|no acceptable|[Pp]lease install) (?:GNU |an? )?(?<entity>${PROG})\b`),
    weight: 0.85,
  },
  {
    id: 'config-script-not-found',
    // psycopg2 setup.py: "Error: pg_config executable not found."; mysqlclient: "OSError: mysql_config not found"
    // (also "EnvironmentError: mysql_config not found" on Python 2)
    source: 'psycopg2 / mysqlclient setup.py',
    literals: ['_config executable not found', '_config not found', '-config not found'],
    re: /^(?:Error|OSError|EnvironmentError): (?<entity>[\w.+]{1,60}[-_]config)(?: executable)? not found/,
    weight: 0.9,
  },
  {
    id: 'debian-pg-config-wrapper',
    // postgresql-common's /usr/bin/pg_config wrapper (Debian, Ubuntu) when neither libpq-dev nor a server-dev package is
    // installed: "You need to install postgresql-server-dev-NN for building a server-side extension or libpq-dev for
    // building a client-side application." (older releases: "postgresql-server-dev-X.Y"); psycopg2's setup.py relays it
    // after "Error: ", node-gyp before "gyp: Call to 'pg_config --includedir' returned exit status 1"
    source: 'postgresql-common pg_config wrapper',
    literals: ['or libpq-dev for building a client-side application'],
    re: /You need to install postgresql-server-dev-[\w.]{1,8} for building a server-side extension or libpq-dev for building a client-side application/,
    name: () => 'pg_config',
    weight: 0.9,
  },
  {
    id: 'missing-dependency',
    // aws-lc-sys build script: "Missing dependency: cmake" (also relayed as "cargo:warning=Missing dependency: cmake")
    source: 'aws-lc-sys build script',
    literals: ['Missing dependency: '],
    re: new RegExp(String.raw`(?:^|cargo:warning=|: )Missing dependency: (?<entity>${PROG})\s*$`),
    weight: 0.85,
  },
  {
    id: 'cmake-find-program-required',
    // CMake >= 3.18 find_program(... REQUIRED) (cmFindBase): "Could not find NASM_EXECUTABLE using the following names:
    // nasm, yasm" under "CMake Error at CMakeLists.txt:3 (find_program):"; find_library prints the same words, so only
    // a result variable named as programs' are (..._EXECUTABLE, ..._PROGRAM, ..._BIN, ..._COMMAND) counts, and the
    // first name tried is the program
    source: 'CMake find_program',
    literals: [CMAKE_FIND_NAMES],
    re: new RegExp(String.raw`^\s*${CMAKE_FIND_NAMES_RE}(?<entity>${PROG})`),
    name: (g) => (g._var && /(?:EXECUTABLE|PROGRAM|_EXE|_BIN|_BINARY|_COMMAND|_TOOL)$/i.test(g._var) ? g.entity?.replace(/\.exe$/i, '') : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cmake-no-compiler',
    // CMake >= 3.x: "No CMAKE_C_COMPILER could be found." / "No CMAKE_CXX_COMPILER could be found." /
    // "No CMAKE_Fortran_COMPILER could be found." (project()/enable_language())
    source: 'CMake',
    literals: ['No CMAKE_C_COMPILER could be found', 'No CMAKE_CXX_COMPILER could be found', 'No CMAKE_Fortran_COMPILER could be found'],
    re: /No CMAKE_(?<_lang>C|CXX|Fortran)_COMPILER could be found/,
    name: (g) => (g._lang === 'CXX' ? 'c++' : g._lang === 'Fortran' ? 'gfortran' : 'cc'),
    weight: 0.95,
  },
  {
    id: 'cmake-no-build-program',
    // CMake (cmGlobalGenerator): 'CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE_PROGRAM
    // is not set.' for every generator that runs a build program: "Ninja", "Ninja Multi-Config" (3.17+), "Unix
    // Makefiles", "MinGW Makefiles", "MSYS Makefiles", "NMake Makefiles JOM", "Watcom WMake" ("NMake Makefiles" is a
    // Visual Studio environment not set up, which msvc-missing reads)
    source: 'CMake',
    literals: ['unable to find a build program corresponding to'],
    re: /unable to find a build program corresponding to "(?<_generator>[\w -]{1,60})"/,
    name: (g) => buildProgramOfGenerator(g._generator ?? ''),
    weight: 0.9,
  },
  {
    id: 'meson-unknown-compiler',
    // meson's list of the compilers it tried, formatted as a Python list: >= 0.50 one list per command line ("meson.build:1:0:
    // ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], ['nvc'], ...]"), before that one string per compiler ("ERROR:
    // Unknown compiler(s): ['cl', 'cc', 'gcc', 'clang', 'clang-cl']", with two spaces after "ERROR:" in meson < 0.47). The
    // first is the one meson prefers; on Windows its lists start with Intel's icl, then MSVC's cl, which is the one to name
    source: 'meson',
    literals: ['Unknown compiler(s)'],
    re: new RegExp(String.raw`ERROR: {1,2}Unknown compiler\(s\): \[(?:\['icl'\], |'icl', )?\[?'(?<entity>${PROG})'`),
    weight: 0.95,
  },
  {
    id: 'meson-compiler-probe-enoent',
    // The exceptions meson lists under that error, one per candidate it ran ("The following exception(s) were
    // encountered:"): "Running `gfortran --version` gave \"[Errno 2] No such file or directory: 'gfortran'\"" (also
    // WinError 2; behind pytest's "E" column when a test suite builds with meson). The first line names the compiler
    // meson prefers; the paste may keep these lines only.
    source: 'meson',
    literals: ['gave "[Errno 2]', 'gave "[WinError 2]'],
    re: new RegExp(String.raw`^(?:E +)?Running \x60(?<entity>${PROG})(?: -{1,2}\w+)?\x60 gave "\[(?:Errno|WinError) 2\]`),
    weight: 0.8,
  },
];


// A compiler line as printed (at the line start), or relayed by cc-rs ("cargo:warning="), cargo >= 1.77
// ("warning: crate@1.2.3: "); anchored so the regex does not retry every offset.
// A pasted line may also carry a short mark of punctuation the reporter put in front of it ("--->  ", "=> ", "* ").
const RELAYED = String.raw`^(?:cargo:warning=|warning: [\w.-]{1,100}@[\w.+-]{1,100}: |[^\s\w]{1,8}\s+)?`;

// gcc's "fatal error" in every translation gcc-12's gcc.mo ships (gcc-12-locales: da, de, el, es, fi, fr, hr, id,
// ja, nl, ru, sr, sv, tr, uk, vi, zh_CN, zh_TW; id keeps the English), and the Italian and Portuguese of older releases.
export const GCC_FATAL_ERROR = ['schwerwiegender Fehler', 'erreur fatale', 'error fatal', 'errore fatale', 'erro fatal', 'фатальная ошибка', '致命错误', '致命的エラー', 'fatal fejl', 'μοιραίο σφάλμα', 'vakava virhe', 'fatalna greška', 'fatale fout', 'кобна грешка', 'ödesdigert fel', 'ölümcül hata', 'критична помилка', 'lỗi nghiêm trọng', '嚴重錯誤'];

/**
 * The source of a regex for gcc's or clang's "<header> not found" after the severity (gcc "fatal error: x.h: No such file
 * or directory" with gcc's and glibc's translations, clang "fatal error: 'x.h' file not found"), for rules that read one
 * particular header; `header` is its source. The matching prefilter literals are HEADER_NOT_FOUND_LITERALS.
 */
export function compilerHeaderNotFound(header: string): string {
  return String.raw`(?:(?:fatal )?error|${GCC_FATAL_ERROR.join('|')})\s?[:：] ?['‘"«]?${header}['’"»]?\s?[:：]? ?(?:${ENOENT}|file not found)`;
}
export const HEADER_NOT_FOUND_LITERALS: readonly string[] = [...ENOENT_TEXTS, 'file not found'];

// The language names meson's compilers display (get_display_language) before "header"/"library".
const MESON_LANGUAGE = String.raw`(?:C|C\+\+|Objective-C|Objective-C\+\+|CUDA|Fortran|D|Vala|Rust|C#|Cython|NASM)`;

// MSVC's "Cannot open include file" in the languages Visual Studio ships (see msvc-c1083).
const MSVC_INCLUDE_PHRASES = [
  'Cannot open include file',
  String.raw`Datei \(Include\) kann nicht geöffnet werden`,
  "Impossible d'ouvrir le fichier include",
  '[Nn]o se puede abrir el archivo incluir',
  'Non è possibile aprire il file inclusione',
  'include ファイルを開けません',
  '无法打开包括文件',
  '無法開啟包含檔案',
  'Не удается открыть файл включение',
  '포함 파일을 열 수 없습니다',
  'içerme dosyası açılamıyor',
];
// The quotes around MSVC's file name: ASCII, the translations' typographic ones, or their GBK bytes as mojibake.
const MSVC_QUOTE = String.raw`(?:['"“”‘’«»]|\uFFFD{1,2}|¡[°±])?`;
// C1083 also reports source files, objects, precompiled headers and type libraries it cannot open: not headers.
const MSVC_NOT_A_HEADER = /\.(?:c|cc|cpp|cxx|c\+\+|m|mm|asm|s|cu|obj|o|pch|pdb|tlb|idl|rc|res|def|lib)$/i;

// Directories where a project keeps the dependencies it bundles (meson subprojects, CMake _deps, git submodules,
// vendored copies): a file under one is the project's own, not a system package's.
// Where projects keep other projects' sources, usually as git submodules (isVendoredPath), and where build tools put the
// dependencies they fetch (meson's subprojects/, CMake FetchContent's _deps/): together, what a project bundles.
const SUBMODULE_DIR_NAMES = String.raw`third[_-]?party|3rdparty|vendor(?:ed)?|external|extern|deps|submodules?`;
const BUNDLED_DIR_NAMES = String.raw`subprojects|_deps|${SUBMODULE_DIR_NAMES}`;
const BUNDLED_DIR = new RegExp(String.raw`[/\\](?:${BUNDLED_DIR_NAMES})[/\\]`, 'i');

// node-gyp's cache of a runtime's headers and import libraries (~/.node-gyp/<version>, ~/.electron-gyp, ~/.cache/node-gyp,
// %LOCALAPPDATA%\node-gyp\Cache, ~/Library/Caches/node-gyp), which node-gyp downloads and fills itself.
const NODE_GYP_CACHE = /[/\\](?:\.node-gyp|\.electron-gyp|\.cache[/\\]node-gyp|node-gyp[/\\]Cache|Caches[/\\]node-gyp)[/\\]/i;

/**
 * An unknown header included from a file of a bundled dependency is that dependency's own (generated, or not checked
 * out); included from node-gyp's copy of the runtime's headers or from an npm package's header (nan.h), it is a file of
 * that download or package, which does not match the build (a version mismatch), not a system package.
 */
function bundledOwnHeader(header: string, includer: string | undefined): boolean {
  if (includer === undefined || factForHeader(header).known || msvcShipsHeader(header)) return false;
  return BUNDLED_DIR.test(includer) || NODE_GYP_CACHE.test(includer) || isToolIncludedHeader(includer.replace(/^.*[/\\]/, ''));
}

/**
 * Where MSVC's missing header belongs: a header MSVC or the Windows SDK ships is the toolchain's (msvc-missing); a C
 * library header that MSVC never had (unistd.h, pthread.h, sys/socket.h) means code written for POSIX only, which
 * no package installs (no rule); any other header keeps the table's verdict.
 */
function msvcHeaderRoute(fact: EntityFact): EntityFact | null {
  if (msvcShipsHeader(fact.name)) {
    return { kind: 'header', name: fact.name, component: null, rule: 'msvc-missing', label: 'the MSVC and Windows SDK headers', packages: {}, known: true };
  }
  return fact.rule === 'libc-headers-missing' ? null : fact;
}

const HEADER_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'gcc-no-such-header',
    // gcc: "src/x.c:1:10: fatal error: zlib.h: No such file or directory" (also ‘zlib.h’ in some locales, relayed as
    // "cargo:warning=..." by cc-rs and inside pip's "│" boxes, which normalisation strips); strerror(ENOENT) is
    // translated with the C library's locale: de, fr, es, nl, pt, it, ru, zh, ja, and with gcc's translations installed
    // "fatal error" too (de "schwerwiegender Fehler", zh "致命错误：zlib.h：…" with full-width colons, fr "erreur fatale:
    // zlib.h : …" with a no-break space)
    source: 'gcc',
    literals: ENOENT_TEXTS,
    re: new RegExp(String.raw`${RELAYED}(?<_includer>[^\s:]{1,300}):\d+(?::\d+)?: (?:(?:fatal )?error|${GCC_FATAL_ERROR.join('|')})\s?[:：] ?['‘«]?(?<entity>${HEADER})['’»]?\s?[:：] ?(?:${ENOENT})`),
    name: (g) => (g.entity && !bundledOwnHeader(g.entity, g._includer) ? g.entity : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'clang-header-not-found',
    // clang / Apple clang (DiagnosticLexKinds.td err_pp_file_not_found): "src/x.c:1:10: fatal error: 'zlib.h' file not
    // found". Not its two recoverable forms, which say the file is there under another spelling: "'Foo.h' file not found,
    // did you mean 'foo.h'?" (a typo or a case) and "'x.h' file not found with <angled> include; use "quotes" instead"
    // (a file of the project included as a system header)
    source: 'clang',
    literals: ["' file not found"],
    re: new RegExp(String.raw`${RELAYED}(?<_includer>[^\s:]{1,300}):\d+(?::\d+)?: (?:fatal )?error: '(?<entity>${HEADER})' file not found(?!, did you mean| with <angled>)`),
    name: (g) => (g.entity && !bundledOwnHeader(g.entity, g._includer) ? g.entity : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'msvc-c1083',
    // MSVC cl.exe: "src\\x.c(1): fatal error C1083: Cannot open include file: 'zlib.h': No such file or directory"; VS 2019+
    // adds the column ("x.cpp(48,10)"), VS 2008 a space ("pyconfig.h(68) : fatal error"), MSBuild its project number
    // ("6>D:\\src\\x.h(10,10): ..."), the IDE's error list a tab ("Error\tC1083\tCannot open include file: ..."). The
    // message is translated with Visual Studio's language (strerror stays English): de 'Datei (Include) kann nicht geöffnet
    // werden: "io.h"', fr "Impossible d'ouvrir le fichier include : 'x.h'", es "No se puede abrir el archivo incluir: 'x.h'",
    // it "Non è possibile aprire il file inclusione: 'x.h'", ja "include ファイルを開けません。'x.h':No such ...", zh-CN
    // "无法打开包括文件: “x.h”", zh-TW "無法開啟包含檔案: 'x.h'", ru "Не удается открыть файл включение: x.h: No such ...",
    // ko "포함 파일을 열 수 없습니다. 'x.h'", tr "içerme dosyası açılamıyor: 'x.h'"; a Chinese console's GBK read as UTF-8
    // or Latin-1 turns the phrase and the quotes into mojibake ("�޷��򿪰����ļ�: ��zlib.h��"), matched as any run of
    // non-ASCII text. The headers MSVC and the Windows SDK ship are the toolchain's (msvcHeaderRoute).
    source: 'MSVC cl.exe',
    literals: ['C1083'],
    re: new RegExp(
      String.raw`${RELAYED}(?:\d{1,4}>)?(?:(?<_includer>[^\s(]{1,300}|[A-Za-z]:[\\/][^\n]{1,300}?)\(\d+(?:,\d+)?\) ?: (?:fatal\s{1,2})?error C1083: |(?:\S{1,20}\s{1,8}(?:\d{1,5}\s{1,8})?)?(?:fatal\s{1,2})?error C1083: |(?:\S{1,20}\s{1,8})?C1083\s{1,8})` +
        String.raw`(?:${MSVC_INCLUDE_PHRASES.join('|')}|[^\x00-\x7F'"“”‘’«»:：]{3,60})\s?[:：.。]?\s?${MSVC_QUOTE}(?<entity>${HEADER.replace('(?:/', '(?:[/\\\\]')})${MSVC_QUOTE}\s?[:：]\s?(?:No such file or directory|$)`,
    ),
    name: (g) => (g.entity && !MSVC_NOT_A_HEADER.test(g.entity) && !bundledOwnHeader(g.entity, g._includer) ? g.entity : undefined),
    route: msvcHeaderRoute,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'mkmf-no-ruby-headers',
    // Ruby's mkmf (lib/mkmf.rb, 1.8 to 3.x) stops before any check when the interpreter's own headers are absent:
    // "mkmf.rb can't find header files for ruby at /usr/lib/ruby/include/ruby.h" (a gem's extconf.rb, then "extconf
    // failed"); the header is always ruby.h, whatever directory the line names, and a paste may wrap before the path.
    source: 'Ruby mkmf',
    literals: ["can't find header files for ruby"],
    re: /^mkmf\.rb can't find header files for ruby(?: at |$)/,
    name: () => 'ruby.h',
    weight: 0.9,
  },
  {
    id: 'mkmf-not-loadable',
    // A gem's extconf.rb under a Debian or Ubuntu Ruby before 2.x, whose mkmf.rb came with the headers in ruby1.8-dev /
    // ruby1.9.1-dev: "extconf.rb:1:in `require': no such file to load -- mkmf (LoadError)" (1.8), ".../custom_require.rb:36:in
    // `require': cannot load such file -- mkmf (LoadError)" (1.9). Only mkmf itself: "-- nmatrix/mkmf" is a gem's own file.
    source: 'Ruby require (1.8, 1.9)',
    literals: ['-- mkmf (LoadError)'],
    re: /in [`']require': (?:no such file to load|cannot load such file) -- mkmf \(LoadError\)/,
    name: () => 'ruby.h',
    weight: 0.9,
  },
  {
    id: 'cmake-find-path-required',
    // CMake >= 3.18 find_path(... REQUIRED): "Could not find PCAP_INCLUDE_DIR using the following files: pcap.h,
    // pcap/pcap.h" (CMake wraps the list onto the next lines); only an include-directory variable (..._INCLUDE_DIR,
    // ..._INCLUDE_DIRS, ..._INCLUDE_PATH, ..._INCLUDES) names a header, the first one tried
    source: 'CMake find_path',
    literals: [CMAKE_FIND_FILES],
    re: new RegExp(String.raw`^\s*Could not find (?<_var>[A-Za-z_]\w{0,100}) using the following files: (?<entity>${HEADER})`),
    name: (g) => (g._var && /_INCLUDE(?:_DIRS?|_PATH|S)?$/i.test(g._var) ? g.entity : undefined),
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-header-required',
    // meson >= 0.50 compiler.has_header/check_header(..., required: true) (interpreter/compiler.py "{lang} header {name!r}
    // not found"): "meson.build:3:3: ERROR: C header 'pcap.h' not found" (also "C++ header", "Objective-C header")
    source: 'meson (compiler.has_header, required)',
    literals: [" header '"],
    re: new RegExp(String.raw`ERROR: {1,2}${MESON_LANGUAGE} header '(?<entity>${HEADER})' not found`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'cabal-missing-header',
    // Cabal's configure check of a package's `includes:` (Setup configure, cabal-install, stack): under "Missing
    // dependency on a foreign library:" ("Missing dependencies on foreign libraries:"), "* Missing (or bad) header
    // file: zlib.h"; Cabal 1.x "* Missing header file: foo.h" ("- " bullets before 1.10). Unanchored: stack puts
    // "pkg-name   > " before each line of a dependency's build. Not "* Bad header file: foo.h": found, but it does
    // not compile.
    source: 'Cabal (configure)',
    literals: ['Missing (or bad) header file: ', 'Missing header file: '],
    re: new RegExp(String.raw`[*-] Missing (?:\(or bad\) )?header file: (?<entity>${HEADER})`),
    weight: 0.85,
    unknownOk: true,
  },
];

// A library name as it appears after -l or in pkg-config (letters, digits, . _ + -).
const LIB = String.raw`[\w.+-]{1,100}`;

/** A link library MSVC or the Windows SDK ships (kernel32.lib, LIBCMT.lib) missing is the toolchain's (msvc-missing). */
function msvcLibraryRoute(fact: EntityFact): EntityFact | null {
  if (!msvcShipsLibrary(fact.name)) return fact;
  return { kind: 'library', name: fact.name, component: null, rule: 'msvc-missing', label: 'the MSVC and Windows SDK libraries', packages: {}, known: true };
}

// ld's "cannot find %s" (ldfile.c, "%P: cannot find %s: %E" since 2.40) and gold's "cannot find %s" in the
// translations binutils 2.40 ships (ld.mo: bg da es fi fr ga id it ja pt_BR ru sr sv tr uk vi zh_CN zh_TW; gold.mo: es fi
// fr id it ja ro sr uk vi), and the German of older ld.mo ("kann -lfoo nicht finden"), the library before or after the
// phrase. Finnish and Serbian wrap it ("kohdetta -lfoo ei löydy", 'не могу да нађем „-lfoo“'): the words before it suffice.
const LD_CANNOT_FIND_BEFORE = [
  'cannot find', '找不到', 'kann', 'ne peut trouver', 'ne peut pas trouver', 'no se puede encontrar', 'невозможно найти',
  'não foi possível localizar', 'impossibile trovare', 'kan inte hitta', 'kan ikke finde', 'не вдалося знайти', 'không tìm thấy',
  'tidak dapat menemukan', 'не се намира', 'ní féidir', 'kohdetta', 'kohteen', 'не могу да нађем „', 'nu se poate găsi',
];
const LD_CANNOT_FIND_AFTER = ['が見つかりません', 'bulunamadı', 'introuvable'];
// The "error" word gold and the gcc driver put before a message, in gcc-12's and binutils' translations.
export const TOOL_ERROR_WORDS = ['error', 'eroare', 'fejl', 'Fehler', 'σφάλμα', 'erreur', 'errore', 'greška', 'エラー', 'fout', 'ошибка', 'грешка', 'fel', 'hata', 'помилка', 'lỗi', '错误', '錯誤', 'virhe', 'erro', 'błąd', 'chyba', '오류'];

/**
 * The source of a regex for GNU ld's or gold's "cannot find <file>" in any of their translations, the file before or after
 * the phrase: `file(suffix)` is the file's source with a named group whose name ends in `suffix` ("" before, "After" after).
 * Rules that read a particular file (crti.o, -lgcc_s) build their patterns with it, so they read what the signal reads.
 */
export function ldCannotFind(file: (suffix: '' | 'After') => string): string {
  return (
    String.raw`ld(?:\.\w+)?(?:\.exe)?\s?[:：] ?(?:(?:${TOOL_ERROR_WORDS.join('|')})\s?[:：] ?)?` +
    String.raw`(?:(?:${LD_CANNOT_FIND_BEFORE.join('|')}) ?${file('')}|${file('After')} (?:${LD_CANNOT_FIND_AFTER.join('|')}))`
  );
}

/** The prefilter literals of an ldCannotFind pattern whose file starts with `start` ("-l", "crt"). */
export function ldCannotFindLiterals(start: string): string[] {
  // (Serbian opens its quote right before the name: 'не могу да нађем „-lfoo“')
  return [...LD_CANNOT_FIND_BEFORE.map((phrase) => (phrase.endsWith('„') ? `${phrase}${start}` : `${phrase} ${start}`)), ...LD_CANNOT_FIND_AFTER];
}

const LIBRARY_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'ld-cannot-find-lib',
    // GNU ld / gold (binutils >= 2.40 adds ": No such file or directory"): "/usr/bin/ld: cannot find -lfoo",
    // MinGW "ld.exe: cannot find -lfoo", also under rustc's "= note:" and cc-rs "cargo:warning=" prefixes. Translated
    // (LD_CANNOT_FIND: ld.mo and gold.mo), gold with its translated "error:" and a full-width colon in zh_CN
    // ("ld.gold：错误：cannot find -lfoo", "ld.gold : erreur : -lfoo introuvable")
    source: 'GNU ld / gold / MinGW ld',
    literals: ldCannotFindLiterals('-l'),
    re: new RegExp(ldCannotFind((suffix) => String.raw`-l:?(?<entity${suffix}>${LIB})`)),
    name: (g) => g.entity ?? g.entityAfter,
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'lld-unable-to-find-library',
    // LLVM lld (ld.lld, rust-lld, ld64.lld): "rust-lld: error: unable to find library -lfoo"
    source: 'lld',
    literals: ['unable to find library -l'],
    re: new RegExp(String.raw`error: unable to find library -l:?(?<entity>${LIB})`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'apple-ld-library-not-found',
    // Apple ld64 (Xcode <= 14): "ld: library not found for -lfoo"
    source: 'Apple ld64',
    literals: ['library not found for -l'],
    re: new RegExp(String.raw`library not found for -l(?<entity>${LIB})`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'apple-ld-prime-library-not-found',
    // Apple ld-prime (Xcode >= 15): "ld: library 'foo' not found"
    source: 'Apple ld-prime',
    literals: ['ld: library '],
    re: /\bld: library '(?<entity>[^']{1,100})' not found/,
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'mold-library-not-found',
    // mold: "mold: fatal: library not found: foo"
    source: 'mold',
    literals: ['library not found: '],
    re: new RegExp(String.raw`mold: fatal: library not found: (?<entity>${LIB})`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'msvc-lnk1181',
    // MSVC link.exe: "LINK : fatal error LNK1181: cannot open input file 'foo.lib'" (a name from the command line or a
    // #pragma comment(lib)), and "LNK1104: cannot open file 'foo.lib'" (one from the LIB search, default libraries such
    // as LIBCMT.lib); a full path may hold spaces. Translated with Visual Studio's language, always with the name
    // quoted: zh 'LNK1104: 无法打开文件“kernel32.lib”', de 'LNK1181: Eingabedatei "foo.lib" kann nicht geöffnet werden',
    // es "LNK1104: no se puede abrir el archivo 'msvcrt.lib'", ja "LNK1104: ファイル 'foo.lib' を開くことができません。";
    // also through rustc's "= note:" and lld-link ("lld-link: error: could not open 'foo.lib': no such file or directory").
    // Only .lib names: LNK1104 on an .exe or .pdb is a file in use, on an .obj an earlier compile that failed. The
    // libraries of MSVC and the Windows SDK are the toolchain's (msvcLibraryRoute).
    source: 'MSVC link.exe / lld-link',
    literals: ['LNK1181', 'LNK1104', "lld-link: error: could not open '"],
    re: /(?:\bLNK11(?:81|04): [^'"“”«»\n]{0,80}|lld-link: error: could not open )['"“«](?<entity>[^'"“”«»\n]{1,300})['"”»]/i,
    // (the file name after any directory; one with an extension must be a .lib, one without is a library named on the
    // command line)
    name: (g) => {
      const file = g.entity?.replace(/^.*[/\\]/, '');
      if (!file || !/^[\w.+-]{1,100}$/.test(file)) return undefined;
      // node.lib (iojs.lib) from node-gyp's download of the runtime's headers is no system library: a wrong target or
      // version directory in that cache, which node-gyp fills.
      if (NODE_GYP_CACHE.test(g.entity ?? '')) return undefined;
      return /\.lib$/i.test(file) ? file.slice(0, -4) : file.includes('.') ? undefined : file;
    },
    route: msvcLibraryRoute,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cmake-find-library-required',
    // CMake >= 3.18 find_library(... REQUIRED): "Could not find PCAP_LIBRARY using the following names: pcap, wpcap"
    // under "CMake Error at ... (find_library):"; only a library variable (..._LIBRARY, ..._LIBRARIES, ..._LIB,
    // ..._LIBRARY_RELEASE) counts. The first name is a link name ("pcap") or a file name ("libpcap.a": its link name)
    source: 'CMake find_library',
    literals: [CMAKE_FIND_NAMES],
    re: new RegExp(String.raw`^\s*${CMAKE_FIND_NAMES_RE}(?<entity>${LIB})`),
    name: (g) => {
      if (!g._var || !/_LIB(?:RARY|RARIES|S)?(?:_(?:RELEASE|DEBUG))?$/i.test(g._var) || !g.entity) return undefined;
      const file = /^(?:lib)?(?<link>[\w.+-]+?)\.(?:a|so|lib|dylib|dll\.a)$/.exec(g.entity);
      return file?.groups?.link ?? g.entity.replace(/,$/, '');
    },
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-library-required',
    // meson compiler.find_library(..., required: true) (interpreter/compiler.py): >= 0.51 "meson.build:3:0: ERROR: C shared
    // or static library 'pcap' not found" ("shared"/"static" with static:), older "ERROR: C library 'pcap' not found"
    source: 'meson (compiler.find_library, required)',
    literals: [" library '"],
    re: new RegExp(String.raw`ERROR: {1,2}${MESON_LANGUAGE} (?:(?:shared or static|shared|static) )?library '(?<entity>${LIB})' not found`),
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'rustc-native-static-lib',
    // rustc: "error: could not find native static library `foo`, perhaps an -L flag is missing?" (static=foo link requests)
    source: 'rustc',
    literals: ['could not find native static library'],
    re: /could not find native static library `(?<entity>[^`]{1,100})`/,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cabal-missing-c-library',
    // Cabal's configure check of a package's `extra-libraries:`: "* Missing (or bad) C library: cairo", several as
    // "* Missing (or bad) C libraries: ssl, crypto" (the first one is named); Cabal 1.x "* Missing C library: IL" ("- "
    // bullets before 1.10), also behind stack's "pkg-name   > " prefix. Windows' own libraries (kernel32) are not
    // missing packages there but a toolchain Cabal could not link with (native-lib-missing leaves them alone).
    source: 'Cabal (configure)',
    literals: ['Missing (or bad) C librar', 'Missing C librar'],
    re: new RegExp(String.raw`[*-] Missing (?:\(or bad\) )?C librar(?:y|ies): (?<entity>${LIB})`),
    weight: 0.9,
    unknownOk: true,
  },
];

const DEPENDENCY_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'pkg-config-crate-not-found',
    // pkg-config crate >= 0.3.26: "The system library `dbus-1` required by crate `libdbus-sys` was not found."
    source: 'pkg-config crate >= 0.3.26 (Rust build scripts)',
    literals: ['The system library `'],
    re: /The system library `(?<entity>[^`]{1,100})` required by crate `(?<crate>[^`]{1,100})` was not found/,
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'pkg-config-crate-not-found-old',
    // pkg-config crate < 0.3.26: "could not find system library 'dbus-1' required by the 'libdbus-sys' crate" (often inside an escaped panic line)
    source: 'pkg-config crate < 0.3.26',
    literals: ['could not find system library'],
    re: /could not find system library '(?<entity>[^']{1,100})' required by the '(?<crate>[^']{1,100})' crate/,
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'pkg-config-crate-probe-failed',
    // pkg-config crate (0.3.x; cargo relays it as "warning: glib-sys@0.18.1: ..." or, before cargo 1.77, "warning: ..."):
    // "`PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=\"1\" \"pkg-config\" \"--libs\" \"--cflags\" \"glib-2.0\" \"glib-2.0 >= 2.70\"` did not
    // exit successfully: exit status: 1" (0.3.25 made here; older: "exit code: 1"). pkg-config ran and refused the
    // module; its own stderr, which says whether the module is absent or too old, often follows or was cut off.
    source: 'pkg-config crate (Rust build scripts)',
    literals: ['"pkg-config" "--libs" "--cflags" "'],
    re: /"pkg-config" "--libs" "--cflags" "(?<entity>[\w.+-]{1,100})"[^`]{0,300}` did not exit successfully: exit (?:status|code): 1\b/,
    weight: 0.7,
    unknownOk: true,
  },
  {
    id: 'pkg-config-package-not-found',
    // pkg-config 0.29: "Package foo was not found in the pkg-config search path." (also inside escaped panic strings)
    source: 'pkg-config 0.29 / pkgconf',
    literals: ['was not found in the pkg-config search path'],
    re: new RegExp(String.raw`Package (?<entity>${LIB}) was not found in the pkg-config search path`),
    weight: 0.8,
    unknownOk: true,
  },
  {
    id: 'pkg-config-no-package',
    // pkg-config 0.28/0.29: "No package 'foo' found"; pkgconf >= 1.5: "Package 'foo', required by 'virtual:world', not found",
    // and for a module another .pc file requires (pkgconf, and pkg-config >= 0.24 the same words): "Package 'libpcap',
    // required by 'capture', not found" (the required one is missing). Not after CMake's "--" (an optional
    // pkg_check_modules probe, see below).
    source: 'pkg-config / pkgconf',
    literals: ['No package ', "', required by '"],
    re: /^(?:No package '(?<entity>[^']{1,100})' found|Package '(?<entity2>[^']{1,100})', required by '[^']{1,200}', not found)/,
    name: (g) => g.entity ?? g.entity2,
    weight: 0.8,
    unknownOk: true,
  },
  {
    id: 'pillow-headers-not-found',
    // Pillow setup.py (RequiredDependencyException): "The headers or library files could not be found for jpeg,"
    source: 'Pillow setup.py',
    literals: ['The headers or library files could not be found for'],
    re: /The headers or library files could not be found for (?<entity>[\w.+-]{1,60}),/,
    kind: 'library',
    weight: 0.9,
    unknownOk: true,
  },
  {
    id: 'autoconf-package-requirements',
    // autoconf PKG_CHECK_MODULES (pkg.m4): "configure: error: Package requirements (glib-2.0 >= 2.56) were not met:"
    source: 'autoconf (pkg.m4)',
    literals: ['Package requirements ('],
    re: /configure: error: Package requirements \((?<entity>[\w.+-]{1,100})(?: [^)]{0,200})?\) were not met/,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-dependency-not-found',
    // meson >= 0.49 (dependencies/detect.py): 'meson.build:12:0: ERROR: Dependency "foo" not found, tried pkgconfig and cmake'
    // (", tried pkgconfig, framework and cmake" on macOS); meson 0.4x printed two spaces after ERROR: ('ERROR:  Dependency
    // "foo" not found, tried pkgconfig', "ERROR:  Native dependency 'foo' not found"); a dependency() with fallback names
    // (interpreter/dependencyfallbacks.py): "ERROR: Dependency 'foo' is required but not found."
    source: 'meson',
    literals: [' Dependency "', " Native dependency '", "' is required but not found"],
    re: /ERROR: {1,2}(?:Dependency "(?<entity>[^"]{1,100})" not found|Native dependency '(?<entity2>[^']{1,100})' not found|Dependency '(?<entity3>[^']{1,100})' is required but not found)/,
    name: (g) => g.entity ?? g.entity2 ?? g.entity3,
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'meson-dependency-found-no',
    // meson >= 0.50: "Run-time dependency zlib found: NO (tried pkgconfig and cmake)"; older meson "Dependency zlib
    // found: NO" / "Native dependency zlib found: NO". Printed for optional dependencies too, so weak unless meson
    // stopped right after it (see mesonStoppedAfter). "Dependency zlib found: NO found 1.2.13 but need: '>=9.0'" is a
    // version too old (the library is installed), not a missing one.
    source: 'meson',
    literals: ['found: NO'],
    re: /^(?:(?:Run-time|Build-time|Native) dependency|Dependency) (?<entity>[\w.+-]{1,100}) found: NO\b(?! found [^ ]{1,40} but need)/,
    weight: 0.3,
    confirm: { weight: 0.8, by: (after, entity) => mesonStoppedAfter(after, entity) },
    unknownOk: true,
  },
  {
    id: 'cmake-pkg-check-modules',
    // CMake FindPkgConfig (pkg_check_modules) relays pkg-config: "--   No package 'foo' found" (pkg-config 0.2x),
    // "--   Package 'foo', required by 'virtual:world', not found" (pkgconf 1.x), "--   Package 'foo' not found" (newer pkgconf,
    // seen under CMake 4.4); older CMake (2.8 to early 3.x) prints its own "--   package 'foo' not found" (the module may
    // carry its version: 'xproto>=7.0.15').
    // Often an optional probe: support only (a REQUIRED probe adds "A required package was not found", which native-lib-missing reads).
    source: 'CMake FindPkgConfig',
    // A module that another .pc file requires reads "--   Package 'libpcap', required by 'capture', not found".
    literals: ['No package ', "', required by '", "ackage '"],
    re: /^--\s+(?:No package '(?<entity>[^']{1,100})' found|[Pp]ackage '(?<entity2>[^']{1,100})'(?:, required by '[^']{1,200}',)? not found)/,
    name: (g) => (g.entity ?? g.entity2)?.replace(/\s*[<>=!].*$/, ''),
    weight: 0.45,
    unknownOk: true,
  },
  {
    id: 'cmake-could-not-find',
    // CMake FindPackageHandleStandardArgs, REQUIRED: "Could NOT find ZLIB (missing: ZLIB_LIBRARY ZLIB_INCLUDE_DIR)" under
    // "CMake Error at ..." (CMake >= 3.x; "(Required is at least version ...)" when too old)
    source: 'CMake (FindPackageHandleStandardArgs)',
    literals: ['Could NOT find '],
    re: /^(?:CMake Error[^:]{0,200}: )?Could NOT find (?<entity>[\w.+-]{1,100})(?: \(missing:| \(Required is)/,
    kind: 'cmake',
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cmake-could-not-find-status',
    // CMake: "-- Could NOT find ZLIB (missing: ZLIB_LIBRARY)": the status line of a find_package that may be optional (support only)
    source: 'CMake (FindPackageHandleStandardArgs)',
    literals: ['Could NOT find '],
    re: /^--\s+Could NOT find (?<entity>[\w.+-]{1,100})(?: \(missing:| \(Required is)/,
    kind: 'cmake',
    weight: 0.3,
    unknownOk: true,
  },
  {
    id: 'cmake-boost-libraries-not-found',
    // CMake's FindBoost (module mode, before Boost shipped BoostConfig.cmake): "Unable to find the requested Boost
    // libraries." then "Could not find the following Boost libraries:" ("...following static Boost libraries:" with
    // Boost_USE_STATIC_LIBS) and the component names, one a line ("boost_filesystem"); CMake <= 3.0 (and projects'
    // copies of its FindBoost): "The following Boost libraries could not be found:"
    source: 'CMake (FindBoost.cmake)',
    literals: ['Boost libraries:', 'Boost libraries could not be found:'],
    re: /^(?:Could not find the following (?:static )?Boost libraries|The following (?:static )?Boost libraries could not be found):/,
    kind: 'cmake',
    name: () => 'Boost',
    weight: 0.85,
    unknownOk: true,
  },
  {
    id: 'cmake-no-package-config',
    // CMake config-mode find_package: 'Could not find a package configuration file provided by "Foo" with any of the following names:'
    // (an error for REQUIRED packages, a warning otherwise: strong, but below a hard error)
    source: 'CMake (find_package config mode)',
    literals: ['Could not find a package configuration file provided by'],
    re: /Could not find a package configuration file provided by "(?<entity>[\w.+-]{1,100})"/,
    kind: 'cmake',
    weight: 0.75,
  },
];

// meson stops at the first required dependency it cannot find. After an optional one it goes on: another dependency,
// program or header check, a subproject it executes as the fallback, or its "Build targets in project" summary (meson
// 0.50-1.x wordings). "Looking for a fallback subproject" followed by "Neither a subproject directory nor a fmt.wrap file
// was found" is still that dependency failing.
const MESON_GOES_ON =
  /^(?:(?:Run-time|Build-time|Native) dependency |Dependency |Program |Found |Has header |Header |Checking |Library |Message: |Build targets in project|Compiler for |Configuring |Fetching |Subproject |Executing subproject |Did not find |Determining |Fallback |Build type: |Project |Check usable header |Fetching value )/;

/** Whether meson went on after a "found: NO" only to fail on that dependency (or the paste ends there). */
function mesonStoppedAfter(after: readonly string[], entity: string): boolean {
  const lines = after.map((l) => l.trim()).filter(Boolean);
  // meson 0.5x-1.x: "ERROR: Dependency lookup for zlib with method 'pkgconfig' failed: Invalid version, need 'zlib' ['>=9.0']
  // found '1.2.13'." (older: "ERROR: Invalid version of dependency, need ...") ends a too-old library: it is installed.
  const tooOld = lines.some((l) => /\bERROR:.{0,200}Invalid version\b/.test(l));
  return !tooOld && !lines.some((l) => MESON_GOES_ON.test(l)) && lines.every((l) => !/\bERROR:/.test(l) || l.includes(entity));
}

// autoconf (and Ruby's mkmf, which prints the same lines) says "checking for X... no" for optional checks too: such a
// line counts only when one of the next lines is an error that names X (the configure script's own AC_MSG_ERROR,
// "configure: error: ...", a gem's "Can't find the 'libpq-fe.h header"), or when mkmf's extconf.rb stopped right after
// it ("*** extconf.rb failed ***" before any other check: the check an extconf.rb aborts on is the one that failed).
function confirmedByError(after: readonly string[], entity: string): boolean {
  const name = entity.replace(/^lib/, '').replace(/\.h$/, '').toLowerCase();
  if (after.slice(0, 3).some((l) => /error|not found|missing|required|can'?t find|cannot find|could not find|unable to find/i.test(l) && l.toLowerCase().includes(name))) return true;
  for (const line of after.slice(0, 4)) {
    if (/^checking /.test(line.trim())) return false;
    if (line.includes('*** extconf.rb failed ***')) return true;
  }
  return false;
}

const AUTOCONF_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'autoconf-check-lib-no',
    // autoconf AC_CHECK_LIB / AC_SEARCH_LIBS: "checking for pcap_open_live in -lpcap... no"; Ruby mkmf's have_library:
    // "checking for ZSTD_compress() in -lzstd... no"
    source: 'autoconf configure, Ruby mkmf',
    literals: ['checking for '],
    re: new RegExp(String.raw`^checking for (?:[\w.]{1,100}(?:\(\))? in )?-l(?<entity>${LIB})\.\.\. no$`),
    kind: 'library',
    weight: 0.2,
    confirm: { weight: 0.8, by: confirmedByError },
    unknownOk: true,
  },
  {
    id: 'autoconf-check-header-no',
    // autoconf AC_CHECK_HEADER(S): "checking for zlib.h... no" (or "checking pcap.h presence... no" in autoconf < 2.70)
    source: 'autoconf configure',
    literals: ['checking for ', 'presence... no'],
    re: new RegExp(String.raw`^checking (?:for )?(?<entity>${HEADER}\.h)(?: usability| presence)?\.\.\. no$`),
    kind: 'header',
    weight: 0.2,
    confirm: { weight: 0.8, by: confirmedByError },
    unknownOk: true,
  },
  {
    id: 'autoconf-check-prog-no',
    // autoconf AC_CHECK_PROG / AC_PATH_PROG: "checking for pkg-config... no" (function checks read the same: known programs only)
    source: 'autoconf configure',
    literals: ['checking for '],
    re: new RegExp(String.raw`^checking for (?<entity>${PROG})\.\.\. no$`),
    kind: 'program',
    weight: 0.2,
    confirm: { weight: 0.85, by: confirmedByError },
  },
];

const PYTHON_MODULE_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'module-not-found',
    // Python >= 3.6: "ModuleNotFoundError: No module named 'Cython'" (Python 2 / < 3.6: "ImportError: No module named Cython")
    source: 'Python',
    literals: ['No module named'],
    re: /(?:ModuleNotFoundError|ImportError): No module named '?(?<entity>[\w]{1,100})(?:[.'\s]|$)/,
    weight: 0.8,
  },
  {
    id: 'invalid-command-bdist-wheel',
    // setuptools without the wheel package: "error: invalid command 'bdist_wheel'"
    source: 'setuptools / distutils',
    literals: ["invalid command 'bdist_wheel'"],
    re: /error: invalid command 'bdist_wheel'/,
    name: () => 'wheel',
    weight: 0.9,
  },
];

// Bison's "require bison X, but have Y" (%require) in the translations bison.mo ships (3.8): en, de, fr, nl, sv, da, ja, zh_TW.
const BISON_REQUIRE = ['require bison ', 'erfordere bison ', 'exige bison ', 'behöver bison ', 'kræver bison ', 'が必要ですが', '的 bison'];

/** A dated Visual Studio generator a CMake error names ("... named generator Visual Studio 15 2017 Win64"), with its release. */
export interface TooNewVsGenerator {
  name: string;
  release: string;
}

/**
 * The Visual Studio generator an unknown-generator error asks for, when a CMake for Windows listed under it only older
 * Visual Studio generators (its "Generators" list starts with its newest): that CMake is older than the generator.
 * "Visual Studio 16 2019 Win64" above a listed "Visual Studio 16 2019" is the arch suffix that VS 2019 generators no
 * longer take (`-A x64`), and a list without Visual Studio entries a CMake for another platform: undefined for both.
 */
export function vsGeneratorTooNew(text: string, after: readonly string[]): TooNewVsGenerator | undefined {
  const asked = /Could not create named generator Visual Studio (\d{1,2}) (\d{4})\b/.exec(text);
  const release = asked && cmakeReleaseOfVsGenerator(asked[1], asked[2]);
  if (!asked || !release) return undefined;
  const newest = after.slice(0, 6).map((l) => /^\s*\*?\s*Visual Studio (\d{1,2}) \d{4}\b/.exec(l)?.[1]).find(Boolean);
  return newest !== undefined && Number(asked[1]) > Number(newest) ? { name: `Visual Studio ${asked[1]} ${asked[2]}`, release } : undefined;
}

// Why CMake could not read a presets file, when the reason is a schema or minimum CMake newer than the one that ran.
const PRESETS_TOO_NEW_REASON =
  /(?:Unrecognized "version" (?:field|(?<_schema>\d{1,2}): must be >=\d{1,2} and <=\d{1,2})|"cmakeMinimumRequired" (?:version too new|(?:major|minor|patch) version \d+ must be less than \d+))/;
const PRESETS_TOO_NEW = new RegExp(String.raw`Could not read presets from\b.{0,300}?${PRESETS_TOO_NEW_REASON.source}`);

/**
 * What a presets error says CMake lacks: the schema version the file asks for (when the line names it) and whether
 * the file's cmakeMinimumRequired is the reason; undefined when none of the lines gives a too-new reason.
 */
export function presetsTooNew(lines: readonly string[]): { schema?: string; minimumRequired: boolean } | undefined {
  for (const line of lines) {
    const m = PRESETS_TOO_NEW_REASON.exec(line);
    if (m) return { ...(m.groups?._schema ? { schema: m.groups._schema } : {}), minimumRequired: m[0].startsWith('"cmakeMinimumRequired"') };
  }
  return undefined;
}

// "Tool T is version A, the project needs B": each tool's own wording of its version check, across its releases. The
// entity is the tool; `version` (what ran) and `required` (what the project asks) are captured where the line says
// them. Lines that name a feature instead of a version (a CMake policy or command, a meson option type) count only for
// features the kb table (tool-versions.ts) dates, so a typo stays silent.
const TOOL_VERSION_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'cmake-minimum-required',
    // CMake 2.6-4.x cmake_minimum_required (cmCMakeMinimumRequired.cxx): "CMake 3.15 or higher is required.  You are
    // running version 3.10.2" under "CMake Error at CMakeLists.txt:1 (cmake_minimum_required):"
    source: 'CMake cmake_minimum_required',
    literals: ['or higher is required.'],
    re: /CMake (?<required>\d+(?:\.\d+){1,3}) or higher is required\.\s+You are running version (?<version>\d+(?:\.\d+){1,3})/,
    name: () => 'cmake',
    weight: 0.95,
  },
  {
    id: 'cmake-policy-unknown',
    // CMake 2.6-4.x cmake_policy(SET ...) on a policy newer than itself (cmMakefile.cxx): 'Policy "CMP0156" is not known
    // to this version of CMake.'; cmake_policy(GET ...) (cmCMakePolicyCommand.cxx): 'GET given policy "CMP0156" which is
    // not known to this version of CMake.'
    source: 'CMake cmake_policy',
    literals: ['is not known to this version of CMake'],
    re: /(?:^|\s)(?:Policy|given policy) "(?<policy>CMP\d{4})"(?: which)? is not known to this version of CMake\./,
    name: (g) => (g.policy && cmakeReleaseOfPolicy(g.policy) ? 'cmake' : undefined),
    // CMake reports the line and goes on configuring: a later error it does not explain (a package not found) ranks first
    weight: 0.8,
  },
  {
    id: 'cmake-command-unknown',
    // CMake 2.x-4.x (cmMakefile.cxx): 'Unknown CMake command "add_compile_definitions".' under "CMake Error at
    // CMakeLists.txt:85 (add_compile_definitions):". Only built-in commands count: a module's function
    // (FetchContent_Declare, check_cxx_compiler_flag) reads the same when its include() is missing.
    source: 'CMake',
    literals: ['Unknown CMake command "'],
    re: /(?:^|\s)Unknown CMake command "(?<command>\w{1,64})"\./,
    name: (g) => (g.command && cmakeReleaseOfCommand(g.command) ? 'cmake' : undefined),
    // CMake reports the line and goes on configuring: a later error it does not explain (a package not found) ranks first
    weight: 0.8,
  },
  {
    id: 'cmake-subcommand-unknown',
    // CMake (cmListCommand.cxx, cmStringCommand.cxx, cmFileCommand.cxx): "list does not recognize sub-command
    // TRANSFORM" under "CMake Error at CMakeLists.txt:12 (list):". Only sub-commands a later release added count
    // (CMAKE_SUBCOMMANDS): any other is a typo in the project.
    source: 'CMake',
    literals: ['does not recognize sub-command '],
    re: /(?:^|\s)(?<_subOf>list|string|file) does not recognize sub-command (?<_sub>[A-Z_]{2,40})\b/,
    name: (g) => (g._subOf && g._sub && cmakeReleaseOfSubcommand(g._subOf, g._sub) ? 'cmake' : undefined),
    weight: 0.8,
  },
  {
    id: 'cmake-presets-version',
    // CMake 3.19+ reading a CMakePresets.json / CMakeUserPresets.json whose schema "version" is newer than it knows, or
    // whose "cmakeMinimumRequired" is newer than itself. 3.19-3.26 (cmCMakePresets(Graph).cxx ResultToString): "CMake
    // Error: Could not read presets from DIR: Unrecognized "version" field" / '"cmakeMinimumRequired" version too new';
    // 3.27+ (cmCMakePresetsErrors.cxx): 'Unrecognized "version" 10: must be >=1 and <=9' / '"cmakeMinimumRequired"
    // minor version 28 must be less than 25'. The schema's release comes from tool-versions.ts when the line has it.
    // "File version must be N or higher for X support" is the opposite (the file's version is too low): not this.
    source: 'CMake presets',
    literals: ['Could not read presets from'],
    re: PRESETS_TOO_NEW,
    name: () => 'cmake',
    weight: 0.95,
  },
  {
    id: 'cmake-presets-version-wrapped',
    // The same, where the directory (a Windows path with spaces, a console's wrap) pushes the reason onto the next line:
    // "CMake Error: Could not read presets from " / "C:/Users/.../cpptest: Unrecognized "version" field"
    source: 'CMake presets',
    literals: ['Could not read presets from'],
    re: /Could not read presets from\b(?!.*(?:Unrecognized "version"|"cmakeMinimumRequired"))/,
    name: () => 'cmake',
    weight: 0.3,
    confirm: { weight: 0.95, by: (after) => after.slice(0, 2).some((l) => PRESETS_TOO_NEW_REASON.test(l)) },
  },
  {
    id: 'cmake-vs-generator-newer',
    // CMake for Windows asked for a Visual Studio generator newer than itself: "CMake Error: Could not create named generator
    // Visual Studio 15 2017 Win64", then its "Generators" list, which has older Visual Studio entries only. Counts with that
    // list (a CMake for Windows); without one, or on a CMake without Visual Studio generators, it is the wrong generator
    // for the platform (wrong-build-invocation). The generator's release comes from tool-versions.ts.
    source: 'CMake (Visual Studio generators)',
    literals: ['Could not create named generator Visual Studio '],
    re: /^CMake Error: Could not create named generator Visual Studio (?<_vs>\d{1,2}) (?<_year>\d{4})\b/,
    name: (g) => (g._vs && g._year && cmakeReleaseOfVsGenerator(g._vs, g._year) ? 'cmake' : undefined),
    weight: 0.3,
    confirm: { weight: 0.9, by: (after, _entity, _before, text) => vsGeneratorTooNew(text, after) !== undefined },
  },
  {
    id: 'ninja-required-version',
    // ninja 1.2+ (version.cc, build.ninja's ninja_required_version): "ninja: fatal: ninja version (1.5.1) incompatible
    // with build file ninja_required_version version (1.7)." (a git build says "1.12.0.git")
    source: 'ninja',
    literals: ['incompatible with build file ninja_required_version'],
    re: /ninja version \((?<version>\d+(?:\.\d+){1,3})(?:\.?[a-z][\w.-]{0,20})?\) incompatible with build file ninja_required_version version \((?<required>\d+(?:\.\d+){0,3})\)/,
    name: () => 'ninja',
    weight: 0.95,
  },
  {
    id: 'cmake-ninja-features',
    // CMake 3.17+ Ninja generator (cmGlobalNinjaGenerator.cxx) for Fortran, ISPC or C++20 modules: "The Ninja generator
    // does not support Fortran using Ninja version" / "    1.9" / "due to lack of required features.  Ninja 1.10 or
    // higher is required." (the version that ran stands two lines above; build-tool-too-old reads it). Not CMake's
    // "The detected version of Ninja () is less than ...": in public logs its version is mostly empty or not ninja's.
    source: 'CMake Ninja generator',
    literals: ['due to lack of required features'],
    re: /(?:^|\s)due to lack of required features\.\s+Ninja (?<required>\d+(?:\.\d+){1,3}) or higher is required\./,
    name: () => 'ninja',
    weight: 0.9,
  },
  {
    id: 'meson-version-required',
    // meson 0.27+ project(meson_version:) (interpreter.py): "meson.build:1:0: ERROR: Meson version is 1.0.1 but project
    // requires >=1.4.0" (0.27 ended it with a period; a development build says "1.5.0.dev1")
    source: 'meson (project meson_version)',
    literals: ['but project requires'],
    re: /Meson version is (?<version>\d+(?:\.\d+){1,3})(?:\.?[a-z]+\d*)? but project requires (?<required>[<>=!]{0,2}\s?\d+(?:\.\d+){0,3})/,
    name: () => 'meson',
    weight: 0.95,
  },
  {
    id: 'meson-option-type-unknown',
    // meson 0.45-1.0 (optinterpreter.py) on an option type newer than itself: "meson_options.txt:3:0: ERROR: Unknown type
    // feature." (array 0.44, integer 0.45, feature 0.47; meson < 0.45 says it on a line of its own, which meson-too-old reads)
    source: 'meson (meson_options.txt)',
    literals: ['ERROR: Unknown type '],
    re: /meson_options\.txt:\d+:\d+: ERROR: Unknown type (?<optionType>\w{1,20})\.$/,
    name: (g) => (g.optionType && mesonReleaseOfOptionType(g.optionType) ? 'meson' : undefined),
    weight: 0.9,
  },
  {
    id: 'meson-function-unknown',
    // meson (interpreterbase) on a built-in function newer than itself: "meson.build:37:0: ERROR: Unknown function
    // "install_symlink"." (0.45+; 0.49 prints two spaces after "ERROR:"; 1.x may add ' Did you mean "..."?'); before
    // 0.45 the message stands on the line after "Meson encountered an error in file meson.build, line 23, column 0:".
    // Only functions the kb table dates count: a typo reads the same.
    source: 'meson (interpreter)',
    literals: ['Unknown function "'],
    re: /^(?:\S{0,300}meson\.build:\d+:\d+: ERROR:\s{1,3})?Unknown function "(?<function>\w{1,64})"\./,
    name: (g) => (g.function && mesonReleaseOfFunction(g.function) ? 'meson' : undefined),
    weight: 0.85,
  },
  {
    id: 'autoconf-prereq',
    // autoconf AC_PREREQ (m4sugar.m4 since 2.52): "configure.ac:1: error: Autoconf version 2.71 or higher is required";
    // 2.50 and older: "... or higher is required for this script"
    source: 'autoconf (autom4te)',
    literals: ['Autoconf version '],
    re: /(?:^|\s)Autoconf version (?<required>\d+\.\d+[a-z]?) or higher is required(?: for this script)?\s*$/,
    name: () => 'autoconf',
    weight: 0.95,
  },
  {
    id: 'automake-required',
    // automake 1.5+ AM_INIT_AUTOMAKE([1.17]) or AUTOMAKE_OPTIONS (Automake/Options.pm): "configure.ac:2: error: require
    // Automake 1.17, but have 1.16.5"
    source: 'automake',
    literals: ['require Automake '],
    re: /(?:^|\s)require Automake (?<required>\d+\.\d+(?:\.\d+)?[a-z]?), but have (?<version>\d+\.\d+(?:\.\d+)?[a-z]?)\s*$/,
    name: () => 'automake',
    weight: 0.95,
  },
  {
    id: 'bison-require',
    // bison 2.3+ %require (parse-gram.y): "parse.y:1.10-14: error: require bison 3.9, but have 3.8.2" (bison 2.x without
    // "error: "); bison.mo: de "erfordere bison 3.9, habe aber 3.8.2", fr "exige bison 3.9 mais a 3.8.2", sv "behöver
    // bison 3.9, men har 3.8.2", da "kræver bison 3.9, men har 3.8.2", ja "bison 3.9 が必要ですが、3.8.2 です。",
    // zh_TW "需要版本為 3.9 的 bison，卻只有 3.8.2 版本"
    source: 'bison',
    literals: BISON_REQUIRE,
    re: /\.y{1,2}(?:p{2})?:[\d.-]{1,40}: (?:\S{1,20}: )?(?:(?:require|erfordere|exige|behöver|kræver) bison (?<required>\d+(?:\.\d+){0,2}),? (?:but have|habe aber|mais a|men har) (?<version>\d+(?:\.\d+){0,2})|bison (?<required2>\d+(?:\.\d+){0,2}) が必要ですが、(?<version2>\d+(?:\.\d+){0,2}) です|需要版本為 (?<required3>\d+(?:\.\d+){0,2}) 的 bison，卻只有 (?<version3>\d+(?:\.\d+){0,2}) 版本)/,
    name: () => 'bison',
    weight: 0.95,
  },
  {
    id: 'msrv-package-requires-rustc',
    // cargo 1.56-1.82: "error: package `home v0.5.9` cannot be built because it requires rustc 1.70.0 or newer,
    // while the currently active rustc version is 1.62.1" (also inside "Caused by:" of cargo install)
    source: 'cargo 1.56-1.82',
    literals: ['cannot be built because it requires rustc'],
    re: /package [`'](?<package>[^`' ]+)(?: v(?<packageVersion>\d[\w.+-]*))?(?: \([^`'()]*\))?[`'] cannot be built because it requires rustc (?<required>[\d.]+)(?:-\w+)? or newer, while the currently active rustc version is (?<current>[\w.-]+)/,
    name: () => 'rustc',
    weight: 0.97,
  },
  {
    id: 'msrv-cargo-install-requires-rustc',
    // cargo install 1.70+: "error: cannot install package `cargo-foo 1.2.0`, it requires rustc 1.74 or newer,
    // while the currently active rustc version is 1.70.0"
    source: 'cargo install 1.70+',
    literals: ['cannot install package'],
    re: /cannot install package [`'](?<package>[^`' ]+)(?: v?(?<packageVersion>[^`' ]+))?[`'], it requires rustc (?<required>[\d.]+) or newer, while the currently active rustc version is (?<current>[\w.-]+)/,
    name: () => 'rustc',
    weight: 0.97,
  },
  {
    id: 'cargo-directive-reserved',
    // cargo 1.71-1.76 on a build script's `cargo::` directive (the two-colon syntax of cargo 1.77+): "error: unsupported
    // output in build script of `psm v0.1.22`: `cargo::rustc-check-cfg=...`" then "Found a `cargo::key=value` build
    // directive which is reserved for future use." and "Either change the directive ... or upgrade your version of Rust."
    // (one line or three, as pasted)
    source: 'cargo 1.71-1.76',
    literals: ['build directive which is reserved for future use'],
    re: /Found a [`']cargo::key=value[`'] build directive which is reserved for future use/,
    name: () => 'cargo',
    weight: 0.9,
  },
];

export const SIGNALS: readonly Signal[] = [
  { id: 'program-not-found', kind: 'program', patterns: PROGRAM_PATTERNS },
  { id: 'header-not-found', kind: 'header', patterns: HEADER_PATTERNS },
  { id: 'library-not-found', kind: 'library', patterns: LIBRARY_PATTERNS },
  { id: 'dependency-not-found', kind: 'pkg-config', patterns: DEPENDENCY_PATTERNS },
  { id: 'python-module-missing', kind: 'python-module', patterns: PYTHON_MODULE_PATTERNS },
  { id: 'configure-check-failed', kind: 'library', patterns: AUTOCONF_PATTERNS },
  { id: 'tool-version-too-old', kind: 'program', patterns: TOOL_VERSION_PATTERNS, facts: factForOutdatedProgram, fallback: 'build-tool-too-old' },
];

// Where a header path shows it belongs to the source tree, not to a system package: a relative "./" or "../" path, a
// build directory (CMake's build/, cmake-build-*/, meson's builddir, generated/ and gen/ output), or a directory where
// projects keep the dependencies they bundle (BUNDLED_DIR_NAMES: subprojects/, third_party/, vendor/...).
const PROJECT_PATH = new RegExp(
  String.raw`^\.{1,2}[/\\]|[/\\]\.\.[/\\]|(?:^|[/\\])(?:build|builddir|_build|cmake-build-[\w-]{1,40}|generated|gen|autogen|${BUNDLED_DIR_NAMES})[/\\]`,
  'i',
);

// The submodule directories, with modules/, contrib/ and libs/, and a -sys crate's directory (its bundled C library,
// `libgit2-sys/libgit2`, is a submodule of the crate's repository).
const VENDORED_DIR = new RegExp(String.raw`(?:^|[/\\])(?:${SUBMODULE_DIR_NAMES}|modules|contrib|libs?|[\w.-]{1,60}-sys)[/\\]`, 'i');

/** Whether a path lies in a directory that usually holds a git submodule or a vendored copy of another project. */
export function isVendoredPath(path: string): boolean {
  return VENDORED_DIR.test(path);
}

/** Whether a header or file path names a file of the project itself (its tree, its build dir, its submodules). */
export function isProjectPath(path: string): boolean {
  return PROJECT_PATH.test(path);
}

/** The capture that carries an entity's name in a hit (rules' templates use it). */
export const CAPTURE_OF_KIND: Record<EntityKind, string> = { program: 'program', header: 'header', library: 'library', 'pkg-config': 'library', cmake: 'library', 'python-module': 'module' };

// No program, header, library, pkg-config/CMake package or Python module a tool names holds a shell metacharacter
// or whitespace (none does in any kept log); one that seems to was never a name, and install commands and file
// searches built from it (`apt-get install -y libfoo;touch x-dev`) would run the rest when pasted.
const NOT_A_NAME = /[\s;&|$`'"<>(){}[\]*?!#]/;

/** The entity named by a signal hit, or undefined when the line names none. */
export function entityOf(pattern: SignalPattern, groups: Record<string, string | undefined>): string | undefined {
  const entity = (pattern.name ? pattern.name(groups) : groups.entity)?.trim();
  return entity && !NOT_A_NAME.test(entity) ? entity : undefined;
}

/** Which rule a signal hit belongs to (null: not a missing system component, e.g. a path inside the project). */
export function routeSignal(signal: Signal, pattern: SignalPattern, entity: string): RoutedSignal | null {
  const kind = pattern.kind ?? signal.kind;
  const table = signal.facts ? signal.facts(entity) : factFor(kind, entity);
  const fact = table && pattern.route ? pattern.route(table) : table;
  if (!fact) return null;
  // A name the table does not know counts only where the wording surely names a missing program, header or library.
  if (!fact.known && !pattern.unknownOk) return null;
  const also = kind === 'header' && !fact.known ? ['source-file-missing'] : alsoVersionIncompatible(kind, entity) ? ['dependency-version-incompatible'] : [];
  if (alsoCrossToolchain(kind, entity, fact)) also.push('cross-toolchain-misconfigured');
  return { rule: fact.rule, fallback: signal.fallback ?? GENERIC_RULE[kind], also, fact, weight: pattern.weight };
}

// The Windows SDK's own headers, which MinGW-w64 and MSVC ship and a compiler for any other target lacks.
const WINDOWS_SDK_HEADER = /^(?:windows|winsock2?|ws2tcpip|windef|winbase|winnt|wincrypt|winerror)\.h$/i;

/**
 * Entities that, when the log shows a build for another target, mean its cross toolchain is missing or not in effect
 * (cross-toolchain-misconfigured decides from the log): a target-prefixed compiler (`aarch64-linux-gnu-gcc`), a
 * Windows SDK header that the compiler in use does not have, and a library ld skipped as built for another architecture.
 */
function alsoCrossToolchain(kind: EntityKind, entity: string, fact: EntityFact): boolean {
  if (kind === 'program') return (fact.rule === 'c-compiler-missing' || fact.rule === 'cxx-compiler-missing') && compilerTargetTriple(entity) !== null;
  // Any library: the rule reads it only after ld's "skipping incompatible" for the same library.
  if (kind === 'library') return true;
  return kind === 'header' && WINDOWS_SDK_HEADER.test(entity);
}

// Modules a setuptools release dropped (pkg_resources in 82.0.0): their absence beside an installed setuptools is a
// setuptools too new for the package, which dependency-version-incompatible checks; without one, a setuptools missing.
const REMOVED_FROM_SETUPTOOLS = new Set(['pkg_resources']);

/** Entities whose absence may be a dependency release that dropped them (the rule checks the version in the log). */
function alsoVersionIncompatible(kind: EntityKind, entity: string): boolean {
  return (kind === 'python-module' && REMOVED_FROM_SETUPTOOLS.has(entity)) || (kind === 'cmake' && isRemovedBoostComponent(entity));
}

// CMake's find_program leaves `<VAR>-NOTFOUND` in its variable when the program is absent, and a custom command built
// from the variable runs that word: "gmake[2]: PYTHON_EXECUTABLE-NOTFOUND: No such file or directory", "/bin/sh: 1:
// GIT_EXECUTABLE-NOTFOUND: not found", "'PYTHON_COMMAND-NOTFOUND' is not recognized ...". The variable is named after
// the program (the find modules' <NAME>_EXECUTABLE, Protobuf_PROTOC_EXECUTABLE, a project's own PERL_COMMAND): its
// stem, or the stem's last word, read as a program name.
const CMAKE_NOTFOUND = /^(?<stem>[A-Za-z][A-Za-z0-9_]*?)(?:_(?:EXECUTABLE|COMMAND|PROGRAM|BIN|BINARY|EXE|TOOL|CMD))?-NOTFOUND$/;

/** The program a CMake `<VAR>-NOTFOUND` word stands for, when the table knows a program of that name. */
function programOfCmakeNotFound(word: string): string | undefined {
  const stem = CMAKE_NOTFOUND.exec(word)?.groups?.stem;
  if (!stem) return undefined;
  const lower = stem.toLowerCase();
  const candidates = [lower.replace(/_/g, '-'), lower.split('_').at(-1) ?? lower];
  return candidates.find((name) => factForProgram(name).known);
}

// The POSIX utilities a shell itself relies on, present wherever /bin/sh is (coreutils, sed, busybox); a build may lack
// others of coreutils or diffutils (`install`, `cmp` on a bare Chromebrew), so those stay programs to install.
const BASE_UTILITIES = new Set(['sh', 'rm', 'mkdir', 'rmdir', 'sed', 'uname', 'cat', 'ls', 'cp', 'mv', 'ln', 'chmod', 'echo', 'test', 'expr', 'basename', 'dirname', 'tr', 'cut', 'head', 'tail', 'sort', 'touch', 'env']);

/** A script named like one of the project's own (`setup.py: command not found`) that the table knows as no program: run without its interpreter or `./`, not a tool to install. */
function unknownProjectScript(entity: string): boolean {
  return /\.(?:py|sh|pl|rb)$/i.test(entity) && !factForProgram(entity).known;
}

// ISO C's freestanding headers, which gcc and clang install in their own include directory.
const COMPILER_OWN_HEADERS = new Set(['stddef.h', 'stdarg.h', 'stdbool.h', 'float.h', 'iso646.h', 'stdalign.h', 'stdnoreturn.h']);

// GNU make's own file names and the included makefiles' usual suffixes.
const MAKEFILE_NAME = /^(?:GNUmakefile|[Mm]akefile(?:\.[\w.-]{1,20})?|[\w.+-]{1,60}\.(?:mk|mak|make))$/;

const NOT_BUILD_TOOLS = new Set(['apk', 'apt', 'apt-get', 'dpkg', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'pacman', 'brew', 'port', 'choco', 'winget', 'scoop', 'sudo', 'doas']);

/** The rule that takes an entity of each kind when no dedicated rule owns it. */
const GENERIC_RULE: Record<EntityKind, string> = {
  program: 'build-tool-missing',
  header: 'native-lib-missing',
  library: 'native-lib-missing',
  'pkg-config': 'native-lib-missing',
  cmake: 'native-lib-missing',
  'python-module': 'python-build-dependency-missing',
};

function factFor(kind: EntityKind, entity: string): EntityFact | null {
  switch (kind) {
    case 'program':
      // "./configure: not found" or "/opt/x/bin/tool": a file of the project or a path, not a program missing from PATH.
      if (/^\.{1,2}[/\\]/.test(entity)) return null;
      // A package manager or sudo that is not there means a script written for another image or system: not a build tool.
      if (NOT_BUILD_TOOLS.has(entity.toLowerCase().replace(/\.exe$/, ''))) return null;
      // make names a makefile it cannot read the way it names a program it cannot run ("gmake[2]: Makefile: No such file
      // or directory", then "No rule to make target 'Makefile'"): a build file not generated yet, not a program.
      if (MAKEFILE_NAME.test(entity)) return null;
      // "-o: command not found": the variable that held the command (CC, CXX, LD) expanded empty and the shell ran its
      // first option; no program is missing, the build's configuration is.
      if (entity.startsWith('-')) return null;
      // The base utilities every shell environment has (sh, rm, mkdir, sed): not found, the PATH or the root filesystem
      // is broken (a PATH overwritten in a Dockerfile, a sandbox without /bin, a cwd that does not exist for Node's
      // spawn), and no package to install fixes it.
      if (BASE_UTILITIES.has(entity.replace(/^.*[/\\]/, ''))) return null;
      return unknownProjectScript(entity) ? null : factForProgram(programOfCmakeNotFound(entity) ?? entity);
    case 'header':
      // An npm package's header (nan.h, napi.h) or the Erlang runtime's (erl_nif.h), whose directory the build tool
      // passes itself, is no system component and no file of the tree: no rule knows the fix yet.
      if (isToolIncludedHeader(entity)) return null;
      // The freestanding headers come with the compiler itself (gcc's include directory, clang's resource directory),
      // not with the C library: missing, the compiler's own installation is broken or misplaced (clang without its
      // resource directory, a relocated toolchain), which no libc package fixes.
      if (COMPILER_OWN_HEADERS.has(entity)) return null;
      return factForHeader(entity);
    case 'library':
    case 'pkg-config':
      // CMake's FindThreads (CheckLibraryExists) always tries -lpthreads, HP-UX's name, before -lpthread: a probe in
      // CMakeError.log, never a library a Linux or macOS build lacks.
      if (kind === 'library' && entity === 'pthreads') return null;
      return factForLibrary(entity, kind);
    case 'cmake':
      return factForCmakePackage(entity);
    case 'python-module': {
      // A standard-library module this Python removed: the code predates the Python, not a package to install.
      if (pythonReleaseThatRemoved(entity)) return { kind, name: entity, component: null, rule: 'python-version-unsupported', label: entity, packages: {}, known: true };
      const pypi = PYTHON_BUILD_MODULES[entity];
      const known = pypi !== undefined;
      return { kind, name: entity, component: null, rule: 'python-build-dependency-missing', label: pypi ?? entity, packages: {}, known };
    }
  }
}
