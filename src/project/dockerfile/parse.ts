// Reads a Dockerfile's text into build stages (base image with ARGs substituted, RUN scripts with their cache mounts
// and install commands, COPY/ADD, ENV, WORKDIR), every part with file offsets for splicing; pure (dockerfile-ast).

import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { type PackageManager, type PlatformId, PACKAGE_MANAGER_OF, platformOfImage } from '../../kb/platforms.js';
import { type InstallCommand, type ShellCommand, parseInstall, tokenizeShell } from './shell.js';

interface Span {
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
}

export interface Mount {
  type: string;
  /** Absolute path in the build container. */
  target: string;
  source: string | null;
}

export interface RunStep extends Span {
  kind: 'run';
  /** Working directory when the RUN starts (absolute). */
  workdir: string;
  commands: ShellCommand[];
  installs: InstallCommand[];
  mounts: Mount[];
  /** The body of a heredoc RUN (`RUN <<EOF`), or null. */
  heredoc: { bodyStart: number; delimiterStart: number } | null;
  /** JSON (exec) form: no shell, nothing to splice. */
  exec: boolean;
}

export interface CopyStep extends Span {
  kind: 'copy';
  keyword: 'COPY' | 'ADD';
  from: string | null;
  sources: { value: string; start: number; end: number }[];
  dest: string;
  workdir: string;
}

export interface EnvStep extends Span {
  kind: 'env';
  vars: { name: string; value: string; valueStart: number; valueEnd: number }[];
}

export type Step = RunStep | CopyStep | EnvStep;

export interface Stage extends Span {
  index: number;
  name: string | null;
  /** The base as written, and with build ARGs substituted (null when an ARG has no default). */
  rawImage: string;
  image: string | null;
  imageStart: number;
  imageEnd: number;
  /** The earlier stage this one is built FROM, or null for an image. */
  parent: number | null;
  steps: Step[];
}

export interface DockerfileModel {
  file: string;
  text: string;
  escape: string;
  /** The file's line ending, for inserted lines. */
  eol: string;
  stages: Stage[];
  /** Why the file was not analysed (it is past a limit of DOCKERFILE_LIMITS), or null; then `stages` is empty. */
  skipped: string | null;
}

/**
 * How much of a Dockerfile is analysed. The parser (dockerfile-ast) keeps objects per word of the whole file, about
 * 1 KiB each (a RUN of a million words took 1.5 GiB), and the checks follow every stage's FROM chain. Real Dockerfiles
 * stay far below both limits; a file past one is skipped whole, and the scan says so, rather than checked in part and
 * reported wrong (a RUN cut short would hide the packages it installs).
 */
export const DOCKERFILE_LIMITS = { words: 20_000, stages: 500 } as const;

/** Whitespace-separated words of `text`, counted up to `limit + 1` (where counting stops). */
function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words <= limit; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** FROM lines, for the stage limit: counted before parsing, so that a file past it costs the parser nothing. */
function countFromLines(text: string, limit: number): number {
  let stages = 0;
  // Docker's reference: instructions are case-insensitive and may be indented.
  const from = /^[ \t]*from[ \t]/gim;
  while (stages <= limit && from.exec(text)) stages++;
  return stages;
}

/** Offsets where each line starts, breaking lines as the parser's text document does (CRLF, LF, CR). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function substitute(value: string, vars: ReadonlyMap<string, string>): string | null {
  let unresolved = false;
  // ${VAR}, ${VAR:-default}, $VAR: the forms BuildKit expands in FROM.
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b) as string;
    const v = vars.get(name);
    if (v !== undefined && v !== '') return v;
    if (def !== undefined) return def;
    unresolved = true;
    return '';
  });
  return unresolved ? null : out;
}

export function resolvePath(workdir: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${workdir.replace(/\/+$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

export function parseDockerfile(file: string, text: string): DockerfileModel {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const skipped =
    countFromLines(text, DOCKERFILE_LIMITS.stages) > DOCKERFILE_LIMITS.stages
      ? `not checked: it has more than ${DOCKERFILE_LIMITS.stages} build stages, the most a Dockerfile is checked with`
      : countWords(text, DOCKERFILE_LIMITS.words) > DOCKERFILE_LIMITS.words
        ? `not checked: it has more than ${DOCKERFILE_LIMITS.words} words, the most a Dockerfile is checked with`
        : null;
  if (skipped) return { file, text, escape: '\\', eol, stages: [], skipped };
  const df = DockerfileParser.parse(text);
  const starts = lineStarts(text);
  const off = (p: { line: number; character: number }) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const span = (ins: Instruction): Span => {
    const r = ins.getRange();
    return { start: off(r.start), end: off(r.end), line: r.start.line + 1 };
  };
  const globalArgs = new Map<string, string>();
  for (const a of df.getInitialARGs()) {
    const p = a.getProperty();
    // ARG BASE="rust:slim-bullseye": the quotes are not part of the value.
    if (p) globalArgs.set(p.getName(), (p.getValue() ?? '').replace(/^(["'])(.*)\1$/, '$2'));
  }
  const escape = df.getEscapeCharacter();
  const stages: Stage[] = [];
  const stageIndexByName = new Map<string, number>();
  let stage: Stage | null = null;
  let workdir = '/';
  const workdirOf: string[] = [];
  const env = new Map<string, string>();
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword();
    if (kw === 'FROM') {
      const from = ins as unknown as import('dockerfile-ast').From;
      const rawImage = from.getImage() ?? '';
      const r = from.getImageRange();
      const image = substitute(rawImage, globalArgs);
      const parent = image === null ? null : (stageIndexByName.get(image.toLowerCase()) ?? -1);
      const byIndex = image !== null && /^\d+$/.test(image) && Number(image) < stages.length ? Number(image) : -1;
      const parentIndex = parent !== null && parent >= 0 ? parent : byIndex >= 0 ? byIndex : null;
      stage = {
        ...span(ins),
        index: stages.length,
        name: from.getBuildStage(),
        rawImage,
        image,
        imageStart: r ? off(r.start) : span(ins).start,
        imageEnd: r ? off(r.end) : span(ins).end,
        parent: parentIndex,
        steps: [],
      };
      workdir = parentIndex !== null ? workdirOf[parentIndex] : '/';
      stages.push(stage);
      if (stage.name !== null && !stageIndexByName.has(stage.name.toLowerCase())) stageIndexByName.set(stage.name.toLowerCase(), stage.index);
      workdirOf.push(workdir);
      continue;
    }
    if (!stage) continue;
    if (kw === 'WORKDIR') {
      const arg = ins.getArgumentsContent();
      if (arg) workdir = resolvePath(workdir, substitute(arg.trim(), env) ?? arg.trim());
      workdirOf[stage.index] = workdir;
    } else if (kw === 'ENV') {
      const vars: EnvStep['vars'] = [];
      for (const p of (ins as unknown as import('dockerfile-ast').Env).getProperties()) {
        const vr = p.getValueRange();
        let value = p.getUnescapedValue() ?? '';
        let valueStart = vr ? off(vr.start) : 0;
        let valueEnd = vr ? off(vr.end) : 0;
        // ENV A="x y": the value is what is inside the quotes, and a fix edits only that (the quotes stay).
        const q = text[valueStart];
        if ((q === '"' || q === "'") && valueEnd - valueStart >= 2 && text[valueEnd - 1] === q) {
          valueStart++;
          valueEnd--;
          value = text.slice(valueStart, valueEnd);
        }
        vars.push({ name: p.getName(), value, valueStart, valueEnd });
        env.set(p.getName(), value);
      }
      stage.steps.push({ kind: 'env', ...span(ins), vars });
    } else if (kw === 'RUN') {
      const run = ins as unknown as import('dockerfile-ast').Run;
      const mounts: Mount[] = [];
      for (const flag of run.getFlags()) {
        if (flag.getName() !== 'mount') continue;
        const opts = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
        const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
        if (target) mounts.push({ type: opts.get('type') ?? 'bind', target: resolvePath(workdir, target), source: opts.get('source') ?? opts.get('src') ?? null });
      }
      const args = run.getArguments();
      const exec = run.getOpeningBracket() !== null && run.getJSONStrings().length > 0;
      const heredocs = run.getHeredocs();
      let commands: ShellCommand[] = [];
      let heredoc: RunStep['heredoc'] = null;
      const s = span(ins);
      if (heredocs.length) {
        const h = heredocs[0];
        const content = h.getContentRange();
        const delim = h.getDelimiterRange();
        if (content && delim) {
          heredoc = { bodyStart: off(content.start), delimiterStart: off(delim.start) };
          commands = tokenizeShell(text, off(content.start), off(content.end), true);
        }
      } else if (!exec && args.length) {
        commands = tokenizeShell(text, off(args[0].getRange().start), s.end, false, escape);
      }
      const installs = commands.map(parseInstall).filter((x): x is InstallCommand => x !== null);
      stage.steps.push({ kind: 'run', ...s, workdir, commands, installs, mounts, heredoc, exec });
    } else if (kw === 'COPY' || kw === 'ADD') {
      const copy = ins as unknown as import('dockerfile-ast').Copy;
      const from = kw === 'COPY' ? copy.getFromFlag()?.getValue() ?? null : null;
      const args = copy.getArguments().filter((a) => !a.getValue().startsWith('<<'));
      if (args.length < 2 || copy.getHeredocs().length) continue;
      const sources = args.slice(0, -1).map((a) => ({ value: a.getValue(), start: off(a.getRange().start), end: off(a.getRange().end) }));
      stage.steps.push({ kind: 'copy', keyword: kw, ...span(ins), from, sources, dest: args[args.length - 1].getValue(), workdir });
    }
  }
  return { file, text, escape, eol, stages, skipped: null };
}

/** The stage and its ancestors within the file, nearest first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  // A parent is always an earlier stage (FROM can only name one), so the walk ends without a visited set: checking
  // one made every call quadratic in the chain's length (3000 chained stages took over 30 s).
  for (let s: Stage | null = stage; s; s = s.parent !== null && s.parent < s.index ? model.stages[s.parent] : null) out.push(s);
  return out;
}

/** Each stage's place in a depth-first walk of the FROM forest: `base` is in the chain of `stage` when its interval holds stage's. */
const walkOrder = new WeakMap<DockerfileModel, { enter: number[]; exit: number[] }>();

function walkOrderOf(model: DockerfileModel): { enter: number[]; exit: number[] } {
  let order = walkOrder.get(model);
  if (order) return order;
  const n = model.stages.length;
  const children: number[][] = model.stages.map(() => []);
  for (const s of model.stages) if (s.parent !== null && s.parent < s.index) children[s.parent].push(s.index);
  order = { enter: new Array<number>(n).fill(0), exit: new Array<number>(n).fill(0) };
  let clock = 0;
  // Iterative: a chain of thousands of stages would overflow the call stack.
  for (const s of model.stages) {
    if (s.parent !== null && s.parent < s.index) continue;
    const stack: { stage: number; next: number }[] = [{ stage: s.index, next: 0 }];
    order.enter[s.index] = clock++;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < children[top.stage].length) {
        const child = children[top.stage][top.next++];
        order.enter[child] = clock++;
        stack.push({ stage: child, next: 0 });
      } else {
        order.exit[top.stage] = clock++;
        stack.pop();
      }
    }
  }
  walkOrder.set(model, order);
  return order;
}

/** Whether `stage` is `base` or built FROM it, directly or through other stages: `stageChain(stage).includes(base)` in constant time. */
export function isBuiltOn(model: DockerfileModel, stage: Stage, base: Stage): boolean {
  const { enter, exit } = walkOrderOf(model);
  return enter[base.index] <= enter[stage.index] && exit[stage.index] <= exit[base.index];
}

/** The stage a `COPY --from=` or `FROM` names: by name (case-insensitive) or by index; null for an image. */
export function stageNamed(model: DockerfileModel, ref: string): Stage | null {
  let byName = stageNames.get(model);
  if (!byName) {
    byName = new Map();
    for (const s of model.stages) if (s.name !== null && !byName.has(s.name.toLowerCase())) byName.set(s.name.toLowerCase(), s);
    stageNames.set(model, byName);
  }
  return byName.get(ref.toLowerCase()) ?? (/^\d+$/.test(ref) ? (model.stages[Number(ref)] ?? null) : null);
}

const stageNames = new WeakMap<DockerfileModel, Map<string, Stage>>();

/** The image at the root of a stage's FROM chain (null when an ARG in it has no value). */
export function rootImage(model: DockerfileModel, stage: Stage): string | null {
  const chain = stageChain(model, stage);
  return chain[chain.length - 1].image;
}

export function stagePlatform(model: DockerfileModel, stage: Stage): { platform: PlatformId | null; manager: PackageManager | null } {
  const image = rootImage(model, stage);
  const platform = image ? platformOfImage(image) : null;
  return { platform, manager: platform ? PACKAGE_MANAGER_OF[platform] : null };
}

export function stageLabel(stage: Stage): string {
  return stage.name ? `stage '${stage.name}'` : `stage ${stage.index + 1}`;
}
