// Matches relative paths against the small glob dialect scanners declare (`**`, `*`, `?`); pure.

// A leading or inner `**` plus slash spans any number of directories (also none); `*` and `?` stay inside one segment.
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** One predicate for a list of globs: true when a path matches any. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const res = [...new Set(globs)].map(globToRegExp);
  return (path) => res.some((r) => r.test(path));
}
