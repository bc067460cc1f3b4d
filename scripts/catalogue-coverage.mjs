// How many of the C/C++ toolchain's own message templates, in every translation this machine's gettext catalogues hold,
// buildmedic recognises: one line per template and language is built from the .mo files (glibc's strerror, gcc's and
// cpplib's, binutils' ld and gold, bash, GNU make) and diagnosed; a form counts when the expected rule is the root cause.
// The lines are what the tools print from those templates (the arguments are fixed names: pcap.h, -lpcap, nasm).
//
// usage: node scripts/catalogue-coverage.mjs [--dist DIR] [--locale-dir DIR] [--misses]
//   --dist        a build of buildmedic (default ./dist; another checkout's dist compares releases)
//   --locale-dir  where the catalogues are (default /usr/share/locale; Debian: gcc-12-locales adds gcc's and cpplib's)
//   --misses      list every form not recognised
// Catalogues this machine lacks are skipped (and so not counted): the figures say which versions were read.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = resolve(option('--dist', 'dist'));
const localeDir = option('--locale-dir', '/usr/share/locale');

/** The msgid -> msgstr table of a GNU .mo file (both byte orders, in the charset its header names; plural forms keep their first string). */
function parseMo(buf) {
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (at) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(8);
  const entry = (base, i) => buf.subarray(u32(base + i * 8 + 4), u32(base + i * 8 + 4) + u32(base + i * 8));
  const raw = Array.from({ length: count }, (_, i) => [entry(u32(12), i), entry(u32(16), i)]);
  const header = raw.find(([id]) => id.length === 0)?.[1].toString('latin1') ?? '';
  const decoder = new TextDecoder(/charset=([\w-]+)/.exec(header)?.[1] ?? 'utf-8');
  const table = new Map();
  for (const [id, str] of raw) if (id.length) table.set(decoder.decode(id).split('\0')[0], decoder.decode(str).split('\0')[0]);
  return table;
}

/** Every language's catalogue of one gettext domain: language -> table. */
function readDomain(domain) {
  const out = new Map();
  if (!existsSync(localeDir)) return out;
  for (const lang of readdirSync(localeDir)) {
    const file = join(localeDir, lang, 'LC_MESSAGES', `${domain}.mo`);
    if (!lang.includes('@') && existsSync(file)) out.set(lang, parseMo(readFileSync(file)));
  }
  return out;
}

const libc = readDomain('libc');
const gcc = readDomain(readdirSync(join(localeDir, 'de', 'LC_MESSAGES')).find((f) => /^gcc(-\d+)?\.mo$/.test(f))?.slice(0, -3) ?? 'gcc');
const cpplib = readDomain(readdirSync(join(localeDir, 'de', 'LC_MESSAGES')).find((f) => /^cpplib(-\d+)?\.mo$/.test(f))?.slice(0, -3) ?? 'cpplib');
const ld = readDomain('ld');
const gold = readDomain('gold');
const bash = readDomain('bash');
const make = readDomain('make');

/** The translation of `id` in `lang` (English where the catalogue has none or lacks the message). */
const tr = (domain, lang, id) => domain.get(lang)?.get(id) || id;
/** The languages of a domain whose catalogue translates `id`, with English first. */
const langsOf = (domain, id) => ['en', ...[...domain.keys()].filter((l) => domain.get(l).get(id)).sort()];
/** printf's %s (and %N$s) filled in order. */
const fill = (template, ...values) => {
  if (/%\d\$s/.test(template)) return template.replace(/%(\d)\$s/g, (_, n) => values[Number(n) - 1]);
  let i = 0;
  return template.replace(/%s/g, () => values[i++]);
};

const ENOENT = 'No such file or directory';
const forms = [];
const add = (kind, lang, lines, expect) => forms.push({ kind, lang, lines, expect });

for (const L of langsOf(libc, ENOENT)) {
  add('gcc header, strerror translated', L, [`miss.c:2:10: fatal error: pcap.h: ${tr(libc, L, ENOENT)}`], 'native-lib-missing');
  add('make: program ENOENT', L, ['nasm -f elf64 x.asm', `make: nasm: ${tr(libc, L, ENOENT)}`, 'make: *** [Makefile:2: all] Error 127'], 'build-tool-missing');
}
for (const L of langsOf(gcc, 'fatal error: ')) {
  const severity = tr(gcc, L, 'fatal error: ').trimEnd();
  const message = fill(tr(cpplib, L, '%s: %s'), 'pcap.h', tr(libc, L, ENOENT));
  add('gcc header, gcc translated', L, [`miss.c:2:10: ${severity}${severity.endsWith('：') ? '' : ' '}${message}`], 'native-lib-missing');
}
for (const L of langsOf(ld, '%P: cannot find %s: %E\n')) {
  const line = (file) => tr(ld, L, '%P: cannot find %s: %E\n').replace('%P', '/usr/bin/ld').replace('%s', file).replace('%E', tr(libc, L, ENOENT)).trimEnd();
  add('ld 2.40: cannot find -l', L, [line('-lpcap')], 'native-lib-missing');
  add('ld 2.40: cannot find crt', L, [line('crti.o')], 'libc-headers-missing');
}
for (const L of langsOf(ld, '%P: cannot find %s\n')) {
  add('ld < 2.40: cannot find -l', L, [tr(ld, L, '%P: cannot find %s\n').replace('%P', '/usr/bin/ld').replace('%s', '-lpcap').trimEnd()], 'native-lib-missing');
}
for (const L of langsOf(gold, 'cannot find %s')) {
  add('gold: cannot find -l', L, [fill(tr(gold, L, '%s: error: '), '/usr/bin/ld.gold') + fill(tr(gold, L, 'cannot find %s'), '-lpcap')], 'native-lib-missing');
}
for (const L of langsOf(bash, '%s: command not found')) {
  const notFound = fill(tr(bash, L, '%s: command not found'), 'nasm');
  add('bash: command not found (script)', L, [fill(tr(bash, L, '%s: line %d: ').replace('%d', '3'), './build.sh') + notFound], 'build-tool-missing');
  add('bash: command not found (bash -c)', L, [`bash: ${notFound}`], 'build-tool-missing');
}
const stop = (L) => tr(make, L, '.  Stop.\n').trimEnd();
for (const L of langsOf(make, "%sNo rule to make target '%s', needed by '%s'%s")) {
  const message = fill(tr(make, L, "%sNo rule to make target '%s', needed by '%s'%s"), '', 'vendor/lib.o', 'app', stop(L));
  add('make: no rule, needed by', L, `make: *** ${message}`.split('\n'), 'source-file-missing');
}
for (const L of langsOf(make, "%sNo rule to make target '%s'%s")) {
  const message = fill(tr(make, L, "%sNo rule to make target '%s'%s"), '', 'build/config.mk', stop(L));
  add('make: no rule, included makefile', L, [`Makefile:1: build/config.mk: ${tr(libc, L, ENOENT)}`, `make: *** ${message}`], 'source-file-missing');
}
// gcc's %qs quotes in the locales whose catalogue translates the message (as gcc 12 prints them)
const QUOTES = { de: ['»', '«'], fr: ['«\u00a0', '\u00a0»'], sv: ['”', '”'] };
for (const L of langsOf(gcc, 'cannot execute %qs: %s')) {
  const [open, close] = QUOTES[L] ?? ['‘', '’'];
  const message = tr(gcc, L, 'cannot execute %qs: %s').replace('%qs', `${open}cc1plus${close}`).replace('%s', `execvp: ${tr(libc, L, ENOENT)}`);
  add('gcc: cannot execute backend', L, [`gcc: ${tr(gcc, L, 'fatal error: ')}${message}`], 'cxx-compiler-missing');
}

const { diagnoseText, defaultKnowledgeBase } = await import(pathToFileURL(join(dist, 'index.js')).href);
const kb = defaultKnowledgeBase();
const byKind = new Map();
const misses = [];
for (const form of forms) {
  const { rootCause } = diagnoseText(kb, `${form.lines.join('\n')}\n`);
  const tally = byKind.get(form.kind) ?? { recognised: 0, total: 0 };
  tally.total++;
  if (rootCause === form.expect) tally.recognised++;
  else misses.push(`${form.kind} [${form.lang}] -> ${rootCause ?? 'none'}: ${form.lines.join(' | ')}`);
  byKind.set(form.kind, tally);
}
for (const [kind, t] of byKind) console.log(`${`${t.recognised}/${t.total}`.padStart(7)}  ${kind}`);
const recognised = [...byKind.values()].reduce((n, t) => n + t.recognised, 0);
console.log(`${`${recognised}/${forms.length}`.padStart(7)}  catalogue forms recognised (${dist})`);
if (args.includes('--misses')) for (const m of misses) console.log(`  miss: ${m}`);
