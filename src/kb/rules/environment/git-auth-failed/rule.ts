// git-auth-failed: a git dependency (cargo git dep, pip git+URL, a private registry index) needs credentials that the
// build does not have.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'git-auth-failed',
  title: 'Git authentication failed for a dependency',
  summary: 'Fetching a git dependency or registry index failed because the build had no valid credentials for the repository.',
  category: 'network',
  captures: {
    repo: { type: 'string', doc: 'the repository that asked for credentials', optional: true },
    transport: { type: 'string', doc: '`SSH` or `HTTPS`' },
    url: { type: 'string', doc: 'the URL git reported', optional: true },
  },
  internal: ['gitRepo', 'gitRepo2'],
  contextAfter: 3,
  patterns: [
    {
      id: 'cargo-failed-to-authenticate',
      // cargo (libgit2): "failed to authenticate when downloading repository" (all versions); >= 1.67 adds ": <url>"
      source: 'cargo',
      literals: ['failed to authenticate when downloading repository'],
      re: /failed to authenticate when downloading repository(?::? (?<url>\S{1,300}))?/,
      weight: 0.95,
    },
    {
      id: 'cargo-auth-attempts',
      // cargo: "* attempted ssh-agent authentication, but no usernames succeeded: `git`" (>= 1.67), older "attempted
      // ssh-agent authentication, but none of the usernames `git` succeeded", "* attempted to find username/password via
      // git's `credential.helper` support, but failed"
      source: 'cargo',
      literals: ['attempted ssh-agent authentication', 'attempted to find username/password'],
      re: /attempted ssh-agent authentication, but (?:no usernames|none of the usernames)|attempted to find username\/password via git's `credential\.helper`/,
      weight: 0.9,
    },
    {
      id: 'libgit2-auth',
      // libgit2 via cargo: "error authenticating: no auth sock variable; class=Ssh (23)", "no authentication available",
      // "failed to acquire username/password from local configuration", "remote authentication required but no callback set"
      source: 'libgit2 (cargo)',
      literals: ['error authenticating', 'no authentication available', 'failed to acquire username/password', 'remote authentication required', 'no authentication methods succeeded'],
      re: /error authenticating: |no authentication available|failed to acquire username\/password|remote authentication required but no callback set|no authentication methods succeeded/,
      weight: 0.85,
    },
    {
      id: 'git-read-username',
      // git CLI over https without credentials: "fatal: could not read Username for 'https://github.com': terminal prompts
      // disabled" (or ": No such device or address" without a tty); same for Password
      source: 'git',
      literals: ['could not read Username for', 'could not read Password for'],
      re: /could not read (?:Username|Password) for '(?<url>[^']+)'/,
      weight: 0.9,
    },
    {
      id: 'git-auth-rejected',
      // git CLI: "fatal: Authentication failed for 'https://github.com/org/repo.git/'", GitHub "remote: Support for password
      // authentication was removed", GitLab "remote: HTTP Basic: Access denied", "remote: Invalid username or password."
      source: 'git / GitHub / GitLab',
      literals: ['Authentication failed for', 'Support for password authentication was removed', 'HTTP Basic: Access denied', 'Invalid username or password'],
      re: /Authentication failed for '(?<url>[^']+)'|Support for password authentication was removed|HTTP Basic: Access denied|Invalid username or (?:password|token)/,
      weight: 0.9,
    },
    {
      id: 'ssh-publickey',
      // ssh: "git@github.com: Permission denied (publickey)." and "Host key verification failed."
      source: 'ssh',
      literals: ['Permission denied (publickey', 'Host key verification failed'],
      re: /Permission denied \(publickey[\w,-]{0,80}\)|Host key verification failed/,
      weight: 0.9,
    },
    {
      id: 'repository-not-found',
      // GitHub answers a private repository without credentials with "ERROR: Repository not found." (ssh) or
      // "remote: Repository not found." + "fatal: repository 'https://github.com/org/x.git/' not found" (https).
      // A typo in the URL looks the same, hence the lower weight.
      source: 'git / GitHub',
      literals: ['Repository not found', "' not found"],
      re: /(?:ERROR|remote): Repository not found\.|fatal: repository '(?<url>[^']+)' not found/,
      weight: 0.7,
    },
    {
      id: 'http-401-403',
      // git CLI: "fatal: unable to access 'https://git.example.com/x.git/': The requested URL returned error: 403"
      source: 'git (curl)',
      literals: ['The requested URL returned error: 40'],
      re: /unable to access '(?<url>[^']+)': The requested URL returned error: 40[13]/,
      weight: 0.8,
    },
    {
      id: 'cargo-git-url',
      // cargo: "    Updating git repository `https://...`", "Caused by: unable to update https://...?branch=main"
      // (support: names the repository)
      source: 'cargo',
      literals: ['Updating git repository', 'nable to update '],
      re: /Updating git repository `(?<gitRepo>[^`\s]{1,300})`|^[Uu]nable to update (?<gitRepo2>(?:https?|ssh|git|file):\/\/\S{1,300})/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    if (!ctx.hits.some((h) => h.pattern !== 'cargo-git-url')) return null;
    // The most specific URL: git's "could not read Username for 'https://host'" names only the host.
    const url = [ctx.captures.url, ctx.captures.gitRepo, ctx.captures.gitRepo2?.replace(/\?.*$/, '')]
      .filter((u): u is string => Boolean(u))
      .sort((a, b) => b.length - a.length)[0];
    const ssh = ctx.hits.some((h) => /ssh|publickey|Host key/i.test(h.text)) || /^(?:ssh:\/\/|git@)/.test(url ?? '');
    return {
      captures: {
        ...(url ? { repo: url } : {}),
        transport: ssh ? 'SSH' : 'HTTPS',
      },
    };
  },
  explanation:
    'The repository {{repo|of a git dependency}} requires authentication over {{transport}}, and the build had no credentials it ' +
    'could use. cargo fetches git dependencies with its built-in libgit2, which only uses a running ssh-agent (SSH_AUTH_SOCK) ' +
    'or git credential helpers; it does not read ~/.ssh keys directly or prompt. In CI and `docker build` there is no agent ' +
    'and no prompt (`terminal prompts disabled`). A `url.<ssh>.insteadOf` rule in ~/.gitconfig can also turn public https ' +
    'URLs (even the crates.io index) into SSH URLs that need a key. GitHub reports a private repository without access as "Repository not found".',
  fix: {
    summary: 'Give the build credentials for the repository (ssh-agent, deploy key or token), or let cargo use the git CLI.',
    steps: [
      'Let cargo use your git setup (keys, credential helpers, ~/.ssh/config): `CARGO_NET_GIT_FETCH_WITH_CLI=true` or `[net] git-fetch-with-cli = true` in .cargo/config.toml.',
      'For SSH: start an agent and add the key (`eval "$(ssh-agent -s)" && ssh-add ~/.ssh/id_ed25519`); in CI use a deploy key (e.g. webfactory/ssh-agent); add the host to known_hosts (`ssh-keyscan github.com >> ~/.ssh/known_hosts`).',
      'For HTTPS in CI: rewrite URLs with a token, `git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"`.',
      'Docker: forward the agent with BuildKit, `RUN --mount=type=ssh cargo build` and `docker build --ssh default .`, or pass a token as a secret (`--mount=type=secret`).',
      'If the failing URL is a public one (crates.io index), remove the `url."git@github.com:".insteadOf` rule from ~/.gitconfig.',
      'Check the URL and that the account or key really has access to the repository.',
    ],
    commands: [{ tool: 'cargo', command: 'CARGO_NET_GIT_FETCH_WITH_CLI=true cargo build' }, 'ssh -T git@github.com'],
    platformCommands: {
      windows: ['Start the OpenSSH agent: `Get-Service ssh-agent | Set-Service -StartupType Automatic; Start-Service ssh-agent; ssh-add`'],
    },
  },
});
