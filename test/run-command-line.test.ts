import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { commandLine } from '../src/run/command-line.ts';
import { shellQuote as shellWord } from '../src/project/shell-quote.ts';

test('an argument a shell would split, expand or glob is single-quoted; a plain one is left bare', () => {
  assert.equal(commandLine(['cargo', 'build', '--release', '-p', 'app@0.1.0', 'FEATURES=a,b', './x/y.toml']), 'cargo build --release -p app@0.1.0 FEATURES=a,b ./x/y.toml');
  assert.equal(commandLine(['sh', '-c', 'exit 3']), "sh -c 'exit 3'");
  for (const arg of ['$HOME', 'a*b', 'a;b', '', '~', 'a b', '"x"', 'a\tb']) assert.equal(shellWord(arg), `'${arg}'`, arg);
});

test("a single quote inside an argument closes the quote, is escaped, and reopens it, as sh reads it back", () => {
  assert.equal(shellWord("it's"), `'it'\\''s'`);
});

test('sh reads the command line back into the same arguments', () => {
  const args = ['plain', 'two words', "it's", '$HOME', '*', 'a\nb', '', '--flag=$(id)', '\\'];
  const r = spawnSync('sh', ['-c', `printf '%s\\0' ${commandLine(args)}`], { encoding: 'utf8' });
  assert.deepEqual(r.stdout.split('\0').slice(0, -1), args);
});
