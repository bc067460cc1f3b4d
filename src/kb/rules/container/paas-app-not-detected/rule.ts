// paas-app-not-detected: a platform builder (Heroku's buildpacks, dokku's herokuish, Cloud Native Buildpacks, Nixpacks) looked at the
// files at the root of what it was given and recognised no kind of app it can build, so no build ran at all.

import { defineRule } from '../../../rule.js';

type Builder = 'heroku' | 'herokuish' | 'cnb' | 'nixpacks';

/** What each builder looks for at the root of the source it was given. */
const LOOKS_FOR: Record<Builder, string> = {
  heroku:
    'Heroku runs each buildpack\'s `bin/detect` against the root of the pushed commit: the Node.js buildpack needs package.json, Python requirements.txt, pyproject.toml or Pipfile, Ruby a Gemfile, Go go.mod, PHP composer.json, Java pom.xml or build.gradle',
  herokuish:
    'dokku\'s herokuish runs each Heroku buildpack\'s `bin/detect` against the root of the pushed commit (or the buildpacks a `.buildpacks` file or `dokku buildpacks:set` names): Node.js needs package.json, Python requirements.txt, pyproject.toml or Pipfile, Ruby a Gemfile, Go go.mod, PHP composer.json',
  cnb:
    'The Cloud Native Buildpacks lifecycle runs every buildpack group\'s detect step against the source directory, and none of them found the files it builds from (package.json, requirements.txt, go.mod, pom.xml, Gemfile, project.toml, ...)',
  nixpacks:
    'Nixpacks matches its language providers against the app directory (package.json, requirements.txt, Cargo.toml, go.mod, ...), and none matched',
};

export default defineRule({
  id: 'paas-app-not-detected',
  title: 'The platform builder recognised no app in the source it was given',
  summary: 'A Heroku, dokku (herokuish), Cloud Native Buildpacks or Nixpacks build found no file at the root of the source that tells it what kind of app to build.',
  category: 'container',
  captures: {
    builder: { type: 'string', doc: 'the builder that detected nothing: heroku, herokuish (dokku), cnb or nixpacks' },
    buildpack: { type: 'string', doc: 'the buildpack that was set explicitly and whose detection failed', optional: true },
  },
  patterns: [
    {
      id: 'heroku-no-language',
      // Heroku's build system, automatic buildpack detection (2016-): " !     No default language could be detected for this app."
      // (older: " !     Push rejected, no Cedar-supported app detected"); both end the push
      source: 'Heroku build system',
      literals: ['No default language could be detected for this app', 'no Cedar-supported app detected'],
      re: /(?<_heroku>No default language could be detected for this app|Push rejected, no Cedar-supported app detected)/,
      weight: 0.9,
    },
    {
      id: 'heroku-buildpack-detect-failed',
      // Heroku, a buildpack set explicitly whose bin/detect exited non-zero: "-----> App not compatible with buildpack: <url>"
      // (2017-); older: "-----> Failed to detect set buildpack <url>", "Push rejected, failed to detect app matching <url> buildpack"
      source: 'Heroku build system',
      literals: ['App not compatible with buildpack:', 'Failed to detect set buildpack', 'failed to detect app matching'],
      re: /App not compatible with buildpack: (?<buildpack>\S{1,300})|Failed to detect set buildpack (?<_buildpack2>\S{1,300})|[Ff]ailed to detect app matching (?<_buildpack3>\S{1,300}) buildpack/,
      weight: 0.9,
    },
    {
      id: 'herokuish-unable-to-select',
      // herokuish (dokku's builder, which runs Heroku's buildpacks' detect scripts): "-----> Unable to select a buildpack",
      // then git's "! [remote rejected] master -> master (pre-receive hook declined)"
      source: 'herokuish (dokku)',
      literals: ['Unable to select a buildpack'],
      re: /^(?:remote: )?(?:-{5}> )?Unable to select a buildpack\s*$/,
      weight: 0.9,
    },
    {
      id: 'cnb-no-group-passed',
      // buildpacks/lifecycle detector (pack, Heroku CNB, Google Cloud buildpacks, Paketo, kpack):
      // "ERROR: No buildpack groups passed detection." then "ERROR: failed to detect: no buildpacks participating"
      // (pack prefixes "[detector] ")
      source: 'buildpacks/lifecycle detector',
      literals: ['No buildpack groups passed detection', 'failed to detect: no buildpacks participating'],
      re: /No buildpack groups passed detection|failed to detect: no buildpacks participating/,
      weight: 0.9,
    },
    {
      id: 'nixpacks-no-plan',
      // nixpacks (Railway, Coolify, Dokploy, flyctl): "Nixpacks was unable to generate a build plan for this app." after
      // "Nixpacks build failed"; newer releases then list "The contents of the app directory are:"
      source: 'nixpacks',
      literals: ['Nixpacks was unable to generate a build plan'],
      re: /Nixpacks was unable to generate a build plan for this app/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const first = ctx.hits[0];
    if (!first) return null;
    const builder: Builder = first.pattern.startsWith('herokuish') ? 'herokuish' : first.pattern.startsWith('heroku') ? 'heroku' : first.pattern.startsWith('cnb') ? 'cnb' : 'nixpacks';
    const buildpack = ctx.captures.buildpack ?? ctx.captures._buildpack2 ?? ctx.captures._buildpack3;
    const story = buildpack
      ? `The app has the buildpack ${buildpack} set explicitly, and its detect step rejected the pushed source (it did not find the file that buildpack builds from, or the URL is not a buildpack at all). `
      : '';
    return { captures: { builder, ...(buildpack ? { buildpack } : {}), _story: story, _looksFor: LOOKS_FOR[builder] } };
  },
  explanation:
    '{{_story}}{{_looksFor}}. Nothing was built: the usual reason is that the app lives in a subdirectory (a monorepo, a ' +
    '`backend/` folder, a generated `dist/`), that the marker file is not committed (git-ignored, or pushed from another ' +
    'branch), or that it is misnamed (`Requirements.txt`, `procfile`).',
  fix: {
    summary: 'Build from the directory that holds the app\'s manifest, or tell the platform what to build.',
    steps: [
      'Check that the manifest (package.json, requirements.txt, Gemfile, go.mod, Cargo.toml, ...) is committed at the root of what the platform receives: `git ls-files | head`.',
      'Monorepo or subdirectory: set the service\'s root directory (Railway, Render: "Root Directory"; Cloud Native Buildpacks: `pack build --path <dir>`); on Heroku push the subdirectory (`git subtree push --prefix <dir> heroku main`) or use a monorepo buildpack.',
      'Heroku with a buildpack set by hand: check `heroku buildpacks`; remove a wrong one (`heroku buildpacks:remove <url>`, or `heroku buildpacks:clear` to detect again) or add the file it detects (the apt buildpack needs an Aptfile).',
      'Or describe the build yourself: a Dockerfile, a `nixpacks.toml` with providers/start command, or a `project.toml` for buildpacks.',
    ],
    commands: ['git ls-files | head -50'],
  },
});
