// Cargo's grammar for the names a log or a manifest hands us, before one reaches a Cargo.toml edit or a command the
// user is told to run (cargo-util-schemas); pure.

// A feature: a Unicode XID start character, `_` or a digit, then XID characters, `-`, `+` or `.`. Anything else (a
// quote, a bracket, `$(`) cannot be a feature.
const FEATURE_NAME = /^[\p{XID_Start}_0-9][\p{XID_Continue}+\-.]*$/u;
// A package: an XID start character or `_`, then XID characters or `-`.
const CRATE_NAME = /^[\p{XID_Start}_][\p{XID_Continue}-]*$/u;

export const isCargoFeatureName = (name: string): boolean => FEATURE_NAME.test(name);
export const isCargoCrateName = (name: string): boolean => CRATE_NAME.test(name);
