// Check: LIBCLANG_PATH names a directory the stage does not have (a Debian /usr/lib/llvm-N path on Alpine or Fedora,
// or an LLVM version the stage does not install); the fix points it at the installed version; pure.

import type { ScanFinding } from '../../../report/finding.js';
import type { TextEdit } from '../../../project/files.js';
import { locate } from '../../../project/text-location.js';
import { defaultLlvmOfImage, imageProfile, llvmVersionOfPackage } from '../../../kb/images.js';
import { type DockerfileModel, rootImage, stageChain, stageLabel, stagePlatform } from '../../../project/dockerfile/parse.js';

// Debian's LLVM layout (/usr/lib/llvm-14/lib) and multiarch library directories exist only on Debian and Ubuntu.
const DEBIAN_LLVM = /^\/usr\/lib\/llvm-(\d+)(?:\/|$)/;
const DEBIAN_MULTIARCH = /^\/usr\/lib\/[a-z0-9_]+-linux-gnu(?:\/|$)/;

export function checkLibclangPath(model: DockerfileModel): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const stage of model.stages) {
    for (const step of stage.steps) {
      if (step.kind !== 'env') continue;
      for (const v of step.vars) {
        if (v.name !== 'LIBCLANG_PATH' || v.value.includes('$')) continue;
        const image = rootImage(model, stage);
        const { platform, manager } = stagePlatform(model, stage);
        if (!image || !platform) continue;
        const at = locate(model.file, model.text, step.start);
        const m = DEBIAN_LLVM.exec(v.value);
        let problem: string | null = null;
        let fixed: string | null = null;
        if (platform !== 'debian') {
          if (m || DEBIAN_MULTIARCH.test(v.value)) problem = `${v.value} is a Debian/Ubuntu path; ${image} (${platform}) has no such directory`;
        } else if (m && manager === 'apt' && imageProfile(image)) {
          // Versions the stage (and the stages it is built FROM) install up to this ENV's stage end.
          const versions = new Set<number>();
          let unversioned = false;
          for (const s of stageChain(model, stage)) {
            for (const st of s.steps) {
              if (st.kind !== 'run') continue;
              for (const inst of st.installs) {
                if (inst.manager !== 'apt') continue;
                for (const p of inst.packages) {
                  const n = llvmVersionOfPackage(p);
                  if (n !== null) versions.add(n);
                  else if (/^(?:clang|llvm|llvm-dev|libclang-dev|libclang1)$/.test(p)) unversioned = true;
                }
              }
            }
          }
          if (unversioned) {
            const def = defaultLlvmOfImage(image);
            if (def === null) continue;
            versions.add(def);
          }
          const want = Number(m[1]);
          if (!versions.has(want)) {
            problem = versions.size
              ? `${v.value} is LLVM ${want}, but ${stageLabel(stage)} installs LLVM ${[...versions].sort((a, b) => a - b).join(', ')}`
              : `${v.value} is LLVM ${want}, but ${stageLabel(stage)} installs no LLVM/libclang package and ${image} ships none`;
            if (versions.size === 1) fixed = v.value.replace(/llvm-\d+/, `llvm-${[...versions][0]}`);
          }
        }
        if (!problem) continue;
        const edits: TextEdit[] = fixed ? [{ file: model.file, start: v.valueStart, end: v.valueEnd, text: fixed }] : [];
        findings.push({
          rule: 'libclang-path-invalid',
          title: 'LIBCLANG_PATH names a directory the stage does not have',
          severity: 'warning',
          message: `LIBCLANG_PATH in ${stageLabel(stage)}: ${problem}`,
          evidence: [at],
          captures: { path: v.value, dockerfile: model.file, stage: stage.name ?? String(stage.index + 1) },
          fix: fixed ? { title: `set LIBCLANG_PATH=${fixed}`, safety: 'safe', edits, commands: [] } : null,
        });
      }
    }
  }
  return findings;
}
