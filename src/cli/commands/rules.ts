// `buildmedic rules` and `buildmedic explain <id>`: the knowledge base, every id any command prints, and its docs.

import type { Command } from 'commander';
import type { ReportingCommand, Rule } from '../../kb/rule.js';
import type { RetiredId } from '../../kb/rules/retired.js';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';

export interface RuleListing {
  id: string;
  group: string;
  category: string;
  title: string;
  summary: string;
  /** Only for a rule with no log detection: the commands that report it. */
  reportedBy?: readonly ReportingCommand[];
}

/** One entry per rule, in registry order; pure. */
export function listRules(groups: Record<string, readonly Rule[]>): RuleListing[] {
  return Object.entries(groups).flatMap(([group, rules]) =>
    rules.map((r) => ({ id: r.id, group, category: r.category, title: r.title, summary: r.summary, ...(r.reportedBy ? { reportedBy: r.reportedBy } : {}) })),
  );
}

export function rulesJson(list: readonly RuleListing[], retired: readonly RetiredId[]): string {
  return `${JSON.stringify({ schemaVersion: 1, rules: list, retired }, null, 2)}\n`;
}

export async function runRules(opts: { json?: boolean; color?: boolean }): Promise<number> {
  const { RULE_GROUPS } = await import('../../kb/rules/index.js');
  const { RETIRED_IDS } = await import('../../kb/rules/retired.js');
  const list = listRules(RULE_GROUPS);
  if (opts.json) {
    printJson(rulesJson(list, RETIRED_IDS));
    return 0;
  }
  const c = colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
  const width = Math.max(...list.map((r) => r.id.length));
  for (const r of list) {
    const only = r.reportedBy ? c.dim(` (${r.reportedBy.join(', ')} only)`) : '';
    printText(`${c.bold(r.id.padEnd(width))}  ${c.dim(r.category.padEnd(14))} ${r.summary}${only}\n`);
  }
  printText(c.dim(`\n${list.length} rules. buildmedic explain <id> shows one rule's documentation.\n`));
  return 0;
}

export async function runExplain(id: string): Promise<number> {
  const { ruleDocs } = await import('../docs.js');
  printText(ruleDocs(id));
  return 0;
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description("show a rule's documentation (like `rustc --explain`); a retired id names the rule that replaced it")
    .argument('<rule>', 'a rule id, as printed by diagnose, scan, fix, doctor, wheel or wheels, or listed by `buildmedic rules`')
    .action(async (id: string) => setExit(await runExplain(id)));

  program
    .command('rules')
    .description('list the knowledge base: every id a command can print')
    .option('--json', 'print the rules as JSON, with the retired ids and what replaced them')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .action(async (opts) => setExit(await runRules(opts)));
}
