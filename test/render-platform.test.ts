// The text output names the install command of the platform the build ran on and only that one (the others with
// --verbose, all in JSON), and says in one line when that platform is only a guess. Real case logs.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createColors } from 'picocolors';
import { diagnoseText } from '../src/diagnose/engine.ts';
import type { FixCommand } from '../src/kb/install.ts';
import type { PlatformId } from '../src/kb/platforms.ts';
import { selectFixCommands } from '../src/report/platform-commands.ts';
import { renderText } from '../src/report/text.ts';
import { KB } from './helpers/cases.ts';

const plain = createColors(false);
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
// perl-missing on a Debian machine: the log itself says Debian (apt, /usr/share/perl5 paths).
const DEBIAN_LOG = read('src/kb/rules/toolchain/perl-missing/cases/fail-openssl-configure-no-ipc-cmd.log');
// cargo with no C toolchain: nothing in the log says where it ran.
const SILENT_LOG = read('examples/cargo-no-c-toolchain.log');

const diagnose = (log: string, hostPlatform: PlatformId | null) => diagnoseText(KB, log, { hostPlatform });
const commandLines = (text: string) => text.split('\n').filter((l) => /^ {4}[^ -].*\((apt|dnf|yum|apk|pacman|zypper|brew|nix)\): /.test(l));

test('a log that says Debian: the apt command only, a count of the rest, and where the platform came from', () => {
  const d = diagnose(DEBIAN_LOG, 'fedora');
  assert.equal(d.platform.source, 'log');
  const text = renderText(d, plain);
  assert.deepEqual(commandLines(text), ['    Debian/Ubuntu (apt): sudo apt-get update && sudo apt-get install -y perl']);
  const others = d.findings[0].fix.commands.length - 1;
  assert.match(text, new RegExp(`\\n {4}\\(${others} for other platforms: --verbose or --json\\)\\n`));
  assert.match(text, /\nPlatform: debian \(from the log\)\.\n$/);
  assert.doesNotMatch(text, /guess/);
});

test('--verbose lists every platform, and the JSON diagnosis carries them all', () => {
  const d = diagnose(DEBIAN_LOG, null);
  const verbose = renderText(d, plain, { verbose: true });
  const lines = commandLines(verbose);
  assert.ok(lines[0].startsWith('    Debian/Ubuntu (apt): '), lines[0]);
  assert.ok(lines.some((l) => l.startsWith('    Fedora (dnf): ')));
  assert.ok(lines.some((l) => l.startsWith('    manylinux container (yum): ')));
  assert.doesNotMatch(verbose, /for other platforms/);
  const json = JSON.parse(JSON.stringify(d)) as typeof d;
  assert.equal(json.findings[0].fix.commands.length, lines.length + json.findings[0].fix.commands.filter((c) => !/\((apt|dnf|yum|apk|pacman|zypper|brew|nix)\)$/.test(c.label)).length);
});

test('a log that does not say: the machine diagnosing it is a guess, said in one line', () => {
  const text = renderText(diagnose(SILENT_LOG, 'debian'), plain);
  assert.deepEqual(commandLines(text), ['    Debian/Ubuntu (apt): sudo apt-get update && sudo apt-get install -y build-essential']);
  const guessLines = text.split('\n').filter((l) => /guess/.test(l));
  assert.deepEqual(guessLines, ['Platform: debian, guessed from this machine (the log does not say; --platform <id> sets it).']);
});

test('--platform and `run` (the build ran here) make the platform known: no guess line', () => {
  const flagged = renderText(diagnose(SILENT_LOG, 'fedora'), plain, { hostPlatform: 'flag' });
  assert.deepEqual(commandLines(flagged), ['    Fedora (dnf): sudo dnf install -y gcc binutils']);
  assert.match(flagged, /\nPlatform: fedora \(from --platform\)\.\n$/);
  const ran = renderText(diagnose(SILENT_LOG, 'alpine'), plain, { hostPlatform: 'build-machine' });
  assert.deepEqual(commandLines(ran).map((l) => l.split(':')[0]), ['    Alpine (apk)']);
  assert.match(ran, /\nPlatform: alpine \(the machine that ran the build\)\.\n$/);
});

test('no platform at all: the first three, as ranked, and the count of the rest', () => {
  const d = diagnose(SILENT_LOG, null);
  assert.equal(d.platform.detected, null);
  const text = renderText(d, plain);
  assert.equal(commandLines(text).length, 3);
  assert.match(text, /\nPlatform: unknown\.\n$/);
});

test('selectFixCommands: the platform\'s own first, then the platform-independent ones; a platform without its own falls back', () => {
  const cmd = (platform: FixCommand['platform'], command: string): FixCommand => ({ platform, label: platform, command });
  const commands = [cmd('any', 'rustup target add x'), cmd('debian', 'apt'), cmd('fedora', 'dnf'), cmd('macos', 'brew'), cmd('nix', 'nix')];
  assert.deepEqual(selectFixCommands(commands, 'fedora', false).shown.map((c) => c.command), ['dnf', 'rustup target add x']);
  assert.equal(selectFixCommands(commands, 'fedora', false).hidden, 3);
  // Windows has no command here: showing nothing would hide the fix, so the ranked first few stay.
  assert.deepEqual(selectFixCommands(commands, 'windows', false).shown.map((c) => c.command), ['rustup target add x', 'apt', 'dnf']);
  assert.deepEqual(selectFixCommands(commands, 'fedora', true), { shown: commands, hidden: 0 });
});
