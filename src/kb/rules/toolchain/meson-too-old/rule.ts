// meson-too-old: the installed meson is older than the project's meson.build needs: meson says so (meson_version), or an
// old meson fails to parse or interpret syntax and functions that newer releases added.

import type { Refinement } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { mesonReleaseOfFunction, mesonReleaseOfOptionType } from '../../../tool-versions.js';

// Meson 1.0 (December 2022): a parse error under an older meson in a project's own meson.build is far likelier to be
// syntax that meson does not know yet than a typo that the project's CI (on a current meson) never saw.
const OLD_MESON_BEFORE_MAJOR = 1;

export default defineRule({
  id: 'meson-too-old',
  title: 'meson is older than the project requires',
  summary: "The installed meson is older than the version the project's meson.build needs.",
  category: 'toolchain',
  captures: {
    version: { type: 'version', doc: 'the meson version that ran', optional: true },
    required: { type: 'string', doc: "the project's meson_version requirement (`>=0.56.0`)", optional: true },
  },
  internal: ['program', 'optionType', 'function'],
  signals: ['tool-version-too-old'],
  contextAfter: 1,
  patterns: [
    {
      id: 'meson-option-type-unknown-old',
      // meson < 0.45 on an option type newer than itself prints the file on one line and the message on the next:
      // "Meson encountered an error in file meson_options.txt, line 2, column 0:" then "Unknown type feature." (meson
      // 0.45+ puts both on one line, which the tool-version-too-old signal reads)
      source: 'meson < 0.45 (mesonmain.py)',
      literals: ['Meson encountered an error in file meson_options.txt'],
      re: /^Meson encountered an error in file meson_options\.txt, line \d+, column \d+:$/,
      weight: 0.3,
    },
    {
      id: 'meson-build-unparsable',
      // meson's parser and interpreter on syntax or calls an old release lacks: "meson.build:237:14: ERROR: Expecting eol
      // got id." (an `in` / `not in` test, for example), "ERROR: Function does not take positional arguments.", 0.39's "Not enough
      // arguments to project(). Needs at least the project name and one language", "ERROR: Unknown function \"x\"."
      // (support: a typo reads the same; refine wants an old meson in the log)
      source: 'meson (parser / interpreter)',
      literals: [' got ', 'Function does not take positional arguments', 'Not enough arguments to project()', 'Unknown function "'],
      re: /^(?:\S*meson\.build:\d+:\d+: ERROR: )?(?:Expecting \w+ got \w+\.|Function does not take positional arguments\.|Not enough arguments to project\(\)|Unknown function "\w+")/,
      weight: 0.3,
    },
    {
      id: 'meson-banner',
      // meson setup's banner: "The Meson build system" then "Version: 0.45.1" (support: which meson ran)
      source: 'meson setup',
      literals: ['The Meson build system'],
      re: /^The Meson build system$/,
      weight: 0.05,
    },
  ],
  refine: (ctx): Refinement | null => {
    const required = ctx.hits.find((h) => h.pattern === 'tool-version-too-old:meson-version-required');
    if (required?.captures.version && required.captures.required) return { captures: { version: required.captures.version, required: required.captures.required, _requiredNote: ` (its project() asks for meson \`${required.captures.required}\`)` } };
    const banner = ctx.hits.find((h) => h.pattern === 'meson-banner');
    // The banner's next line: "Version: 0.45.1".
    const version = /^Version: (?<v>\d+(?:\.\d+){1,3})$/.exec(banner?.after[0] ?? '')?.groups?.v;
    // An option type of meson_options.txt that a later meson added: on the signal's line, or on the line after meson <
    // 0.45's "Meson encountered an error in file meson_options.txt, line 2, column 0:".
    const optionHit = ctx.hits.find((h) => h.pattern === 'tool-version-too-old:meson-option-type-unknown');
    const oldForm = ctx.hits.find((h) => h.pattern === 'meson-option-type-unknown-old');
    const optionType = optionHit?.captures.optionType ?? /^Unknown type (?<t>\w{1,20})\.$/.exec(oldForm?.after[0] ?? '')?.groups?.t;
    const since = optionType ? mesonReleaseOfOptionType(optionType) : undefined;
    if (since) {
      const hit = optionHit ?? oldForm!;
      const evidence = optionHit ? [{ line: hit.line, text: hit.text }] : [{ line: hit.line, text: hit.text }, { line: hit.line + 1, text: hit.after[0] }];
      return {
        captures: { ...(version ? { version } : {}), required: `>=${since}`, _requiredNote: ` (its meson_options.txt uses the \`${optionType}\` option type, added in meson ${since})` },
        confidence: 0.95,
        evidence,
      };
    }
    // A built-in function that a later meson added (the signal dates it from the kb table).
    const functionHit = ctx.hits.find((h) => h.pattern === 'tool-version-too-old:meson-function-unknown');
    const functionSince = functionHit ? mesonReleaseOfFunction(functionHit.captures.function ?? '') : undefined;
    if (functionHit && functionSince) {
      return {
        captures: { ...(version ? { version } : {}), required: `>=${functionSince}`, _requiredNote: ` (its meson.build calls \`${functionHit.captures.function}()\`, added in meson ${functionSince})` },
        confidence: 0.9,
        evidence: [{ line: functionHit.line, text: functionHit.text }],
      };
    }
    const unparsable = ctx.hits.find((h) => h.pattern === 'meson-build-unparsable');
    if (!unparsable || !version || Number(version.split('.')[0]) >= OLD_MESON_BEFORE_MAJOR) return null;
    return { captures: { version }, confidence: 0.8, evidence: [{ line: unparsable.line, text: unparsable.text }] };
  },
  explanation:
    'The project\'s meson.build needs a newer meson than {{version|the one that ran}}{{_requiredNote|}}: meson ' +
    'either says so (`meson_version` in project()), or, when the file uses syntax or functions added later (`in` / `not in`, ' +
    'keyword arguments, new built-in functions), an old meson fails to parse it before it ever reaches that check. ' +
    'Distribution packages lag behind (Ubuntu 18.04 ships meson 0.45, 20.04 ships 0.53), while projects follow current releases.',
  fix: {
    summary: 'Install a current meson (`python3 -m pip install --upgrade meson`) and make it the first meson on PATH.',
    steps: [
      '`python3 -m pip install --user --upgrade meson` (or `pipx install meson`); check with `meson --version` that it comes first on PATH.',
      'Remove the old build directory (or run `meson setup --wipe`), then configure again.',
      'If you cannot upgrade, build an older release of the project that supports meson {{version|the installed meson}}.',
    ],
    commands: ['python3 -m pip install --upgrade meson'],
  },
});
