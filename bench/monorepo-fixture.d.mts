/** Writes the two-package monorepo fixture into `root` (an empty directory); `copies` repeats components and handlers. */
export function writeMonorepo(root: string, options?: { copies?: number }): void;
