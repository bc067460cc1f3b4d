// Public API of buildmedic; re-exports only.

export { BuildmedicError, type ErrorCode } from './errors.js';
export { compileKnowledgeBase, Diagnoser, diagnoseText, type DiagnoseOptions, type KnowledgeBase } from './diagnose/engine.js';
export { SCHEMA_VERSION, type Diagnosis, type Finding, type Outcome, type Role } from './diagnose/rank.js';
export { defineRule, type Rule, type RuleDefinition, type LinePattern, type FixSpec, type CaptureSpec, type CaptureType, type PublicCaptureValue } from './kb/rule.js';
export type { PlatformId, PackageManager } from './kb/platforms.js';
export { normalizeLine } from './diagnose/normalize.js';
export { readLog } from './diagnose/read-log.js';
export { diagnoseFile, defaultKnowledgeBase } from './diagnose/diagnose.js';
export { ALL_RULES, RULE_GROUPS } from './kb/rules/index.js';

// Before the build: the machine against the project's needs.
export { runDoctor, DOCTOR_SCHEMA_VERSION, type DoctorReport, type DoctorOptions } from './doctor/run.js';
export { readProject } from './project/index.js';

// The project's files: known failure risks, and fixes as plans of text edits.
export { scanProject, SCAN_SCHEMA_VERSION, type ScanReport } from './scan/run-scan.js';
export { readProjectFiles } from './project/read-project.js';
export { SCANNERS } from './scan/registry.js';
export type { ScanFinding, FixPlan, FixCommand } from './report/finding.js';
export type { TextEdit, ProjectFiles } from './project/files.js';
export type { Scanner } from './scan/model.js';
export { applyEdits } from './project/text-edits.js';
export { runFix, runDiagnosisFix, type FixOptions, type FixRun } from './fix/run-fix.js';

// Wrapping a build.
export { runBuild, type RunBuildOptions, type RunBuildResult } from './run/run-build.js';

// Built wheels.
export { auditWheelFile, auditWheelFiles, findWheels, WHEEL_SCHEMA_VERSION, type WheelReport } from './wheel/index.js';

// A Python project's dependencies against its deploy target.
export { runWheelsCheck, type WheelsOptions, type WheelsReport } from './wheels/run.js';
