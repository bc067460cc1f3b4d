// docker-cache-mount-artifact: the build put cargo's target/ on a BuildKit/buildah cache mount, so the binary it built
// only exists inside that mount and is gone (or stale) when a later COPY or RUN looks for it.

import { defineRule } from '../../../rule.js';

// "target=/app/target" inside a --mount=type=cache option list (several mounts may share one RUN line).
const MOUNT_TARGETS = /--mount=type=cache,[^\s]{0,400}/g;
const TARGET_OPT = /(?:^|,)(?:target|dst|destination)=(?<path>[^\s,]+)/;

function cacheTargets(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MOUNT_TARGETS)) {
    const path = TARGET_OPT.exec(m[0].slice('--mount=type=cache'.length))?.groups?.path;
    if (path) out.push(path.replace(/\\$/, '').replace(/\/$/, ''));
  }
  return out;
}

/** A cache mount holds cargo output when it is a `target` directory (or an explicit target dir). */
const isTargetDir = (p: string) => /(?:^|\/)target$|(?:^|\/)(?:cargo-)?target[\w-]*$/.test(p);

export default defineRule({
  id: 'docker-cache-mount-artifact',
  title: 'The built binary stayed inside a Docker cache mount',
  summary: 'A container build compiled into a cache-mounted target directory, so a later step could not find the binary it built.',
  category: 'container',
  captures: {
    artifact: { type: 'path', doc: 'the build artifact that is not in the image' },
    cacheTarget: { type: 'path', doc: 'the cache-mounted directory it was built in', optional: true },
  },
  internal: ['artifact2', 'artifact3', 'artifact4'],
  patterns: [
    {
      id: 'cache-mount-run',
      // BuildKit "#12 [builder 5/6] RUN --mount=type=cache,target=/app/target cargo build --release", its Dockerfile
      // excerpt " 23 | >>> RUN --mount=type=cache,target=/app/target \", buildah/podman "STEP 7/7: RUN --mount=type=cache,..."
      // (support: shows which directory is a cache mount)
      source: 'BuildKit / buildah / podman',
      literals: ['--mount=type=cache'],
      re: /--mount=type=cache,/,
      weight: 0.1,
    },
    {
      id: 'copy-from-target-missing',
      // BuildKit: 'failed to compute cache key: failed to calculate checksum of ref ...: "/app/target/release/app": not found';
      // buildah/podman: 'copier: stat: "/app/target/release/app": no such file or directory';
      // legacy docker: "COPY failed: stat /var/lib/docker/overlay2/.../merged/app/target/release/app: file does not exist"
      source: 'BuildKit / buildah / docker legacy builder',
      literals: ['": not found', 'copier: stat:', 'COPY failed:'],
      re: /"(?<artifact>\/[^"\s]{1,300})": not found|copier: stat: "(?<artifact2>[^"\s]{1,300})": no such file or directory|COPY failed: stat (?<artifact3>\S{1,300}): (?:file does not exist|no such file or directory)/,
      weight: 0.5,
    },
    {
      id: 'cp-from-target-missing',
      // GNU cp "cp: cannot stat 'target/release/app': No such file or directory", busybox "cp: can't stat '...'"
      // in a RUN after the cache-mounted build step
      source: 'coreutils / busybox cp',
      literals: ['cannot stat', "can't stat"],
      re: /^cp: (?:cannot|can't) stat '(?<artifact4>[^'\n]{1,300})': No such file or directory/,
      weight: 0.5,
    },
  ],
  refine: (ctx) => {
    const missing = ctx.hits.filter((h) => h.pattern !== 'cache-mount-run');
    if (missing.length === 0) return null;
    const mounts = ctx.hits.filter((h) => h.pattern === 'cache-mount-run').flatMap((h) => cacheTargets(h.text)).filter(isTargetDir);
    // Without a cache mount on a target directory, a missing target/release/x is a wrong name or target dir (not this rule).
    if (mounts.length === 0) return null;
    // Only files under a cargo target directory count (the patterns match any missing COPY/cp source).
    const artifact = missing
      .map((h) => h.captures.artifact ?? h.captures.artifact2 ?? h.captures.artifact3 ?? h.captures.artifact4 ?? '')
      .find((a) => /(?:^|\/)target\//.test(a));
    if (!artifact) return null;
    // The missing file lies under the cache-mounted directory: "/app/target/release/x" under "/app/target", or a relative
    // "target/release/x" under ".../target".
    const matches = mounts.find(
      (m) => artifact.includes(`${m}/`) || (artifact.startsWith('target/') && /(?:^|\/)target$/.test(m)),
    );
    const mount = matches ?? mounts[0];
    return {
      confidence: matches ? 0.9 : 0.7,
      captures: { cacheTarget: mount, artifact },
    };
  },
  explanation:
    'The build step ran with `--mount=type=cache,target={{cacheTarget}}`, so cargo wrote its output, including ' +
    '`{{artifact|the binary}}`, into a cache mount. A cache mount exists only while that one RUN instruction runs and is ' +
    'never part of the image layer, so a later `COPY --from=<stage>` or `RUN cp` does not see it (or, worse, sees a stale ' +
    'copy from an earlier build when the directory is mounted again). The compile itself may well have succeeded.',
  fix: {
    summary: 'Copy the binary out of the cache-mounted target directory in the same RUN that builds it.',
    steps: [
      'In the build stage: `RUN --mount=type=cache,target={{cacheTarget}} cargo build --release && cp {{cacheTarget}}/release/<bin> /usr/local/bin/<bin>` (or to /out), then `COPY --from=builder /usr/local/bin/<bin> ...`.',
      'Alternatively keep the registry caches (`/usr/local/cargo/registry`, `/usr/local/cargo/git`) but drop the cache mount on target/, or use cargo-chef for dependency caching.',
      'If the binary is older than your changes (a stale binary that "works"), rebuild with `--no-cache` once and apply the same fix.',
    ],
    commands: ['docker build --no-cache .'],
  },
});
