/** Plain words for the common file system errors. */
const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'too many levels of symbolic links',
};

/** Why a file could not be read, in plain words (`no such file or directory`), without the path node's message repeats. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && FS_ERRORS[code]) ?? (error instanceof Error ? error.message : String(error));
}
