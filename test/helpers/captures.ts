// What captures each rule really produces, found by running every case log through rules whose refine is watched:
// the names its patterns and the signals it takes put in the merged captures, the names its refine adds, and the
// public values that reach the JSON.

import { readFileSync } from 'node:fs';
import { compileKnowledgeBase, diagnoseText } from '../../src/diagnose/engine.ts';
import { publicCaptures, type CaptureValue, type PublicCaptureValue, type Rule } from '../../src/kb/rule.ts';
import { caseFiles, ruleFolders } from './cases.ts';

export interface ProducedCaptures {
  /** Names in the merged captures of the rule's hits (pattern groups, signal entities), per rule id. */
  fromHits: Map<string, Set<string>>;
  /** Names a refine returned, per rule id. */
  fromRefine: Map<string, Set<string>>;
  /** Public captures of the findings, per rule id and name: every value seen. */
  published: Map<string, Map<string, PublicCaptureValue[]>>;
  /** Per rule id, the names of the public captures of each of its findings. */
  findings: Map<string, string[][]>;
  /** Declared captures whose produced value does not fit the declared type (so the JSON leaves it out). */
  misfits: { rule: string; name: string; value: unknown }[];
}

const add = (map: Map<string, Set<string>>, rule: string, names: Iterable<string>) => {
  const set = map.get(rule) ?? new Set<string>();
  for (const n of names) set.add(n);
  map.set(rule, set);
};

/** Runs every case log of every rule through the knowledge base, watching each rule's refine (or a no-op one). */
export function producedCaptures(rules: readonly Rule[] = ruleFolders().map((f) => f.rule)): ProducedCaptures {
  const fromHits = new Map<string, Set<string>>();
  const fromRefine = new Map<string, Set<string>>();
  const misfits: ProducedCaptures['misfits'] = [];
  const watched = rules.map((rule): Rule => ({
    ...rule,
    refine: (ctx) => {
      add(fromHits, rule.id, Object.keys(ctx.captures));
      for (const h of ctx.hits) add(fromHits, rule.id, Object.keys(h.captures));
      // A rule without refine gets one that changes nothing: {} keeps confidence, captures and evidence as they were.
      const refinement = rule.refine ? rule.refine(ctx) : {};
      if (refinement?.captures) add(fromRefine, rule.id, Object.keys(refinement.captures));
      const merged: Record<string, CaptureValue> = { ...ctx.captures, ...refinement?.captures };
      const typed = publicCaptures(rule, merged);
      for (const name of Object.keys(merged)) if (name in rule.captures && !(name in typed)) misfits.push({ rule: rule.id, name, value: merged[name] });
      return refinement;
    },
  }));
  const kb = compileKnowledgeBase(watched);
  const published = new Map<string, Map<string, PublicCaptureValue[]>>();
  const findings = new Map<string, string[][]>();
  for (const folder of ruleFolders()) {
    for (const c of caseFiles(folder.dir)) {
      const d = diagnoseText(kb, readFileSync(c.path, 'utf8'), { hostPlatform: 'debian' });
      for (const f of d.findings) {
        const byName = published.get(f.rule) ?? new Map<string, PublicCaptureValue[]>();
        published.set(f.rule, byName);
        for (const [k, v] of Object.entries(f.captures)) byName.set(k, [...(byName.get(k) ?? []), v]);
        findings.set(f.rule, [...(findings.get(f.rule) ?? []), Object.keys(f.captures)]);
      }
    }
  }
  return { fromHits, fromRefine, published, findings, misfits };
}

/** The named groups of a regex (`(?<name>...)`), read from its source. */
export function namedGroups(re: RegExp): string[] {
  // Named capture groups in JavaScript regex source (ECMAScript 2018 syntax).
  return [...re.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]);
}
