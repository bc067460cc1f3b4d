// Wheel-only rule: unsafe-archive, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'unsafe-archive',
  title: 'The wheel\'s zip holds entries an installer must refuse',
  summary: 'A wheel\'s zip holds entries an installer must refuse or mishandles: names that climb out with `..`, absolute paths or backslashes, duplicate entries, symbolic links, or sizes of a zip bomb.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'Installing a wheel extracts every entry under site-packages. An entry whose name climbs out of it, a duplicate name (two different contents for one path, the first or the last wins depending on the tool) or an entry whose declared size is absurd for the archive is refused by careful installers and is dangerous for the others. A symbolic link stored the Unix way is written by pip and installer as a regular file holding the target\'s path.',
  fix: { summary: 'Rebuild the wheel with a standard backend and do not upload an archive with these entries. If a tool post-processes wheels, unpack and repack with `wheel unpack` / `wheel pack`.' },
});
