// wheel-platform-tag-rejected: PyPI (warehouse) refuses a binary wheel whose platform tag it does not accept,
// above all the plain `linux_x86_64` tag that `pip wheel`, `python -m build` and `maturin build --manylinux off` produce.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'wheel-platform-tag-rejected',
  title: 'PyPI rejected the wheel because of its platform tag',
  summary: 'The package index refused to accept a binary wheel whose platform tag, such as linux_x86_64, is not allowed on PyPI.',
  category: 'packaging',
  captures: {
    tag: { type: 'string', doc: 'the platform tag that was rejected' },
    kind: { type: 'string', doc: 'what is wrong with it: `plain-linux` or `other`' },
    wheel: { type: 'string', doc: 'the wheel file', optional: true },
  },
  internal: ['wheelRef'],
  // twine >= 4 may wrap the tag itself onto the next line; pre-2018 PyPI named the file only on the line before
  contextBefore: 1,
  contextAfter: 1,
  patterns: [
    {
      id: 'warehouse-unsupported-platform-tag',
      // warehouse (upload.pypi.org / test.pypi.org) 400 body, relayed by twine 1.x-6.x, maturin upload and
      // pypa/gh-action-pypi-publish: "Binary wheel 'foo-1.0-cp311-cp311-linux_x86_64.whl' has an unsupported platform tag 'linux_x86_64'."
      // twine >= 4 wraps the message at 80 columns, so the tag often sits on its own line ("unsupported platform tag 'linux_x86_64'.").
      source: 'PyPI warehouse via twine / maturin upload',
      literals: ['unsupported platform tag'],
      re: /unsupported platform tag\s*'[\w.]+'/,
      weight: 0.95,
    },
    {
      id: 'warehouse-unsupported-platform-tag-wrapped',
      // twine >= 4 (rich) wrapping the same message so that the tag itself moved to the next line:
      // "'capstone-5.0.2-...whl' has an unsupported platform tag" / "'manylinux1_aarch64'."
      source: 'PyPI warehouse via twine >= 4',
      literals: ['unsupported platform tag'],
      re: /has an unsupported platform tag\s*$|^unsupported platform tag\s*$/,
      weight: 0.9,
    },
    {
      id: 'legacy-pypi-unsupported-platform',
      // the pre-2018 PyPI (pypi-legacy) and early warehouse: "Upload failed (400): Binary wheel for an unsupported platform"
      source: 'pypi-legacy via setup.py upload / twine 1.x',
      literals: ['Binary wheel for an unsupported platform'],
      re: /Binary wheel for an unsupported platform/,
      weight: 0.9,
    },
    {
      id: 'wheel-filename',
      // twine/warehouse name the rejected file on a line of its own when the message is wrapped: "Binary wheel 'foo-1.0-cp310-cp310-linux_x86_64.whl' has an"
      source: 'PyPI warehouse via twine >= 4',
      literals: ['Binary wheel'],
      re: /Binary wheel\s*'[^'\s]+\.whl'/,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    // Captures are read here rather than with named groups, which keep the patterns cheap for recheck.
    const text = ctx.hits.map((h) => [...h.before, h.text, ...h.after].join('\n')).join('\n');
    const wheel = /Binary wheel\s*'(?<wheel>[^'\s]+\.whl)'/.exec(text)?.groups?.wheel ?? '';
    const named = /unsupported platform tag\s*'(?<tag>[\w.]+)'/.exec(text)?.groups?.tag ?? /^'(?<tag>[\w.]+)'\.?\s*$/m.exec(text)?.groups?.tag;
    // The tag is the last dash-separated field of the file name when the message wrapped it away.
    // Pre-2018 PyPI named no tag: take it from the file name submitted just before ("Submitting dist/foo-1.0-cp27-none-linux_i686.whl").
    const submitted = /(?<plat>linux_\w+)\.whl/.exec(text)?.groups?.plat;
    const tag = named ?? (/-(?<plat>[a-z0-9_.]+)\.whl$/.exec(wheel)?.groups?.plat ?? submitted ?? '');
    const plainLinux = /^linux_/.test(tag.split('.')[0] ?? '');
    return { captures: { ...(wheel ? { wheel, wheelRef: `\`${wheel}\`` } : {}), ...(tag ? { tag } : {}), kind: plainLinux ? 'plain-linux' : 'other' } };
  },
  explanation:
    'The upload reached PyPI, which refused {{wheelRef|the wheel}} because its platform tag `{{tag|linux_x86_64}}` is not one PyPI accepts. ' +
    'PyPI does NOT accept wheels tagged plain `linux_*` (linux_x86_64, linux_aarch64, ...): such a tag only says "built on some Linux" and promises ' +
    'nothing about the glibc or shared libraries the wheel needs, so PyPI only takes Linux wheels tagged `manylinux_*`/`manylinux20xx` (glibc) or ' +
    '`musllinux_*` (musl). `pip wheel`, `python -m build`, `setup.py bdist_wheel` and `maturin build --manylinux off` (maturin-action `manylinux: off`) ' +
    'all produce `linux_*` wheels; they work locally but cannot be published. Renaming the file is not a fix: the wheel must be built in a manylinux ' +
    'container (or with zig) or repaired by auditwheel so that it really is compatible. Other tags are refused the same way, e.g. `manylinux1_aarch64` ' +
    '(that architecture has no manylinux1) or BSD platform tags.',
  fix: {
    summary: 'Publish manylinux/musllinux wheels (built in a manylinux container, with zig, or repaired by auditwheel) instead of `{{tag|linux_x86_64}}` wheels.',
    steps: [
      'maturin-action: set `manylinux: auto` (or `2014`, `2_28`) instead of `off`, so the wheel is built inside a quay.io/pypa/manylinux container and tagged manylinux.',
      'maturin outside CI: `maturin build --release --compatibility manylinux2014 --zig` (maturin < 1.0: `--manylinux 2014`), or run maturin inside `ghcr.io/pyo3/maturin`.',
      'setuptools/scikit-build/Cython projects: build with cibuildwheel, or repair the wheel with `auditwheel repair dist/*.whl -w wheelhouse/` and upload wheelhouse/ instead of dist/.',
      'If you cannot build portable Linux wheels yet, upload only the sdist (and the macOS/Windows wheels) and leave `*-linux_*.whl` out of the upload.',
    ],
    commands: [
      'python -m pip install auditwheel && auditwheel repair dist/*-linux_*.whl -w wheelhouse/',
      'pipx run cibuildwheel --platform linux',
      'maturin build --release --compatibility manylinux2014 --zig',
    ],
    packages: { apt: ['patchelf'], dnf: ['patchelf'], apk: ['patchelf'], pacman: ['patchelf'], nix: ['patchelf'] },
  },
});
