// The wheel audit's public surface: re-exports only.

export { auditWheel, describeBlame, PROBLEM_KINDS, unreadableWheel, WHEEL_SCHEMA_VERSION, type BlameItem, type ObjectReport, type Problem, type ProblemKind, type WheelReport } from './audit.js';
export { auditWheelFile, auditWheelFiles, findWheels } from './audit-files.js';
export { parseElf, wholeView, type ElfInfo } from './elf.js';
export { evaluateObject, findPolicy, GLIBC_POLICIES, MUSL_POLICIES } from './policy.js';
export { readWheel } from './read-wheel.js';
export { renderWheelText } from './render-text.js';
