// Scanner: GitHub Actions maturin-action jobs whose Linux wheels PyPI rejects (`manylinux: off` gives linux_* tags;
// BSD/illumos targets have no tag PyPI accepts); pure.

import { isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { YAML_FLOW_DEPTH_LIMIT, yamlFlowDepth } from '../../project/json-depth.js';
import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { locate } from '../../project/text-location.js';

// PyPI accepts manylinux/musllinux, macosx, win, (since 2025) ios/android tags; these targets get none of them.
const REJECTED_TARGET = /freebsd|netbsd|openbsd|dragonfly|illumos|solaris|haiku|redox/i;
const NOT_LINUX = /windows|macos|apple|darwin|ios|android/i;

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'boolean' || typeof node.value === 'number') ? String(node.value) : null;
}

/** Scalars the expression `${{ matrix.X }}` can stand for in this job's matrix (values and include entries). */
function matrixScalars(job: YAMLMap, expr: string): Scalar[] {
  const m = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(expr.trim());
  if (!m) return [];
  const matrix = get(get(job, 'strategy'), 'matrix');
  const out: Scalar[] = [];
  const collect = (v: unknown) => {
    if (isScalar(v)) out.push(v);
    else if (isSeq(v)) for (const item of v.items) if (isScalar(item)) out.push(item);
  };
  collect(get(matrix, m[1]));
  const include = get(matrix, 'include');
  if (isSeq(include)) for (const entry of include.items) collect(get(entry, m[1]));
  return out;
}

/** The scalars a `with:` value stands for: itself, or the matrix values it refers to. */
function resolved(job: YAMLMap, node: unknown): Scalar[] {
  if (!isScalar(node)) return [];
  const text = scalarText(node);
  return text !== null && text.includes('${{') ? matrixScalars(job, text) : [node];
}

function isOff(s: Scalar): boolean {
  return s.value === false || (typeof s.value === 'string' && /^(?:off|false)$/i.test(s.value.trim()));
}

function scanWorkflow(file: string, text: string): ScanFinding[] {
  if (yamlFlowDepth(text, YAML_FLOW_DEPTH_LIMIT) > YAML_FLOW_DEPTH_LIMIT) throw new Error(`${file}: not valid YAML (flow collections nested deeper than ${YAML_FLOW_DEPTH_LIMIT} levels)`);
  // No duplicate-key check: it compares every key of a mapping with every other (quadratic in a hostile file).
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length) throw new Error(`${file}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  const jobs = get(doc.contents, 'jobs');
  if (!isMap(jobs)) return [];
  const findings: ScanFinding[] = [];
  for (const pair of jobs.items) {
    const job = pair.value;
    if (!isMap(job)) continue;
    const runsOn = scalarText(get(job, 'runs-on')) ?? '';
    const steps = get(job, 'steps');
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const uses = scalarText(get(step, 'uses')) ?? '';
      if (!/^pyo3\/maturin-action@/i.test(uses)) continue;
      const withMap = get(step, 'with');
      const command = scalarText(get(withMap, 'command')) ?? 'build';
      if (command === 'sdist' || command === 'develop') continue;
      const targets = resolved(job, get(withMap, 'target'));
      const targetTexts = targets.map((t) => String(t.value));
      const linuxJob = !NOT_LINUX.test(runsOn) || runsOn.includes('${{');
      for (const t of targets) {
        if (!REJECTED_TARGET.test(String(t.value))) continue;
        findings.push({
          rule: 'wheel-platform-tag-rejected',
          title: 'PyPI rejects the wheel\'s platform tag',
          severity: 'error',
          message: `${file}: maturin-action builds for ${t.value}, whose wheels get a platform tag PyPI does not accept`,
          evidence: [locate(file, text, (t.range ?? [0])[0])],
          captures: { tag: String(t.value) },
          fix: null,
        });
      }
      const manylinux = get(withMap, 'manylinux');
      if (!linuxJob || (targetTexts.length > 0 && targetTexts.every((t) => NOT_LINUX.test(t)))) continue;
      for (const s of resolved(job, manylinux)) {
        if (!isOff(s) || !s.range) continue;
        const [start, end] = s.range;
        const raw = text.slice(start, end);
        const replacement = raw.replace(/off|false/i, 'auto');
        findings.push({
          rule: 'wheel-platform-tag-rejected',
          title: 'PyPI rejects the wheel\'s platform tag',
          severity: 'error',
          message: `${file}: maturin-action with \`manylinux: ${String(s.value)}\` builds on the runner and tags Linux wheels linux_*, which PyPI rejects (manylinux or musllinux tags are required)`,
          evidence: [locate(file, text, start)],
          captures: { tag: 'linux_x86_64' },
          fix: { title: `let maturin-action build manylinux wheels (manylinux: auto) in ${file}`, safety: 'unsafe', edits: [{ file, start, end, text: replacement }], commands: [] },
        });
      }
    }
  }
  return findings;
}

function scanWorkflows(project: ProjectFiles): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (const [file, text] of project.files) if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)) out.push(...scanWorkflow(file, text));
  return out;
}

const scanner: Scanner = { id: 'workflows', reads: ['.github/workflows/*.yml', '.github/workflows/*.yaml'], scan: scanWorkflows };
export default scanner;
