// Ids buildmedic no longer prints: ids are public API, so a retired id keeps resolving (`explain`, `rules --json`)
// to the rule that reports the same cause now, or to the reason it went. Never delete a row.

export interface RetiredId {
  id: string;
  /** The live rule that reports the same cause now, or null when nothing reports it any more. */
  replacedBy: string | null;
  /** Why the id went, in one sentence. */
  reason: string;
  /** The first version that no longer prints the id (0.1.0, the first release, for ids retired during its development). */
  since: string;
}

export const RETIRED_IDS: readonly RetiredId[] = [
  {
    id: 'source-checkout-incomplete',
    replacedBy: 'source-file-missing',
    reason: 'A source directory that is empty or absent (a submodule not checked out) is one cause with a missing source file; both branches wrote a rule for it and they were merged.',
    since: '0.1.0',
  },
  {
    id: 'platform-not-uploadable',
    replacedBy: 'wheel-platform-tag-rejected',
    reason: "The wheel audit's problem for a platform tag PyPI rejects is the cause diagnose reports from the upload log, so both print one id.",
    since: '0.1.0',
  },
  {
    id: 'make-missing',
    replacedBy: 'build-tool-missing',
    reason: 'A Docker stage without make is the cause diagnose reports as build-tool-missing (program make) when the build then fails, so scan prints that id too.',
    since: '0.1.0',
  },
];

export function findRetired(id: string): RetiredId | undefined {
  return RETIRED_IDS.find((r) => r.id === id);
}
