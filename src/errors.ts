// Coded errors: library functions throw these; only the CLI turns them into a message and an exit code.

export type ErrorCode =
  | 'usage'
  | 'input-not-found'
  | 'input-is-directory'
  | 'input-permission-denied'
  | 'input-unreadable'
  | 'input-binary'
  | 'input-corrupt-gzip'
  | 'unknown-rule'
  | 'fix-invalid'
  | 'fix-conflict' | 'fix-stale' | 'fix-refused' | 'fix-command-failed'
  | 'command-not-found' | 'command-not-executable' | 'command-failed-to-start' | 'output-unwritable'
  | 'project-unreadable'
  | 'internal';

export class BuildmedicError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BuildmedicError';
  }
}

/** Maps a Node file-system error on `path` to a one-sentence coded error. */
export function fileError(path: string, error: unknown): BuildmedicError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new BuildmedicError('input-not-found', `${path}: no such file`, { cause: error });
    case 'EISDIR':
      return new BuildmedicError('input-is-directory', `${path}: is a directory, not a log file`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new BuildmedicError('input-permission-denied', `${path}: permission denied`, { cause: error });
    default:
      return new BuildmedicError('input-unreadable', `${path}: cannot be read (${(error as Error)?.message ?? String(error)})`, { cause: error });
  }
}
