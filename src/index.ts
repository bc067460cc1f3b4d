// Public API of buildmedic; re-exports only.

export { BuildmedicError, type ErrorCode } from './errors.js';
export { compileKnowledgeBase, Diagnoser, diagnoseText, type DiagnoseOptions, type KnowledgeBase } from './core/engine.js';
export { SCHEMA_VERSION, type Diagnosis, type Finding, type Outcome, type Role } from './core/rank.js';
export { defineRule, type Rule, type RuleDefinition, type LinePattern, type FixSpec } from './core/rule.js';
export type { PlatformId, PackageManager } from './core/platform.js';
export { normalizeLine } from './log/normalize.js';
export { readLog } from './log/read-log.js';
export { diagnoseFile, defaultKnowledgeBase } from './diagnose.js';
export { ALL_RULES, RULE_GROUPS } from './rules/index.js';
