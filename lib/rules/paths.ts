import type { ValidationError } from './problem';
import { error } from './report';

/*
 * Upstream path checks for files inside volumes and containers (pkg/apis/core/validation:
 * `validateLocalDescendingPath`, `validatePathNoBacksteps`, `validateLocalNonReservedPath`).
 * Paths are checked with '/' separators, as on the Linux API server.
 */

/** Whether a path has a `..` element. */
export function hasBacksteps(path: string): boolean {
  return path.split('/').includes('..');
}

/** Whether upstream `validateLocalDescendingPath` accepts a path: relative, without `..` elements. */
export function isLocalDescendingPath(path: string): boolean {
  return !path.startsWith('/') && !hasBacksteps(path);
}

/** Upstream `validatePathNoBacksteps`. `fix` replaces the fix this check words itself. */
export function validatePathNoBacksteps(
  path: string,
  field: string,
  rule: string,
  out: ValidationError[],
  fix?: string,
): void {
  if (hasBacksteps(path)) {
    out.push(
      error(rule, field, path, "must not contain '..'", fix ?? `Remove the '..' elements from ${field}.`),
    );
  }
}

/**
 * Upstream `validateLocalDescendingPath`: relative, without `..` elements. `fix` replaces the fix
 * each check words itself.
 */
export function validateLocalDescendingPath(
  path: string,
  field: string,
  rule: string,
  out: ValidationError[],
  fix?: string,
): void {
  if (path.startsWith('/')) {
    out.push(
      error(
        rule,
        field,
        path,
        'must be a relative path',
        fix ?? `Make ${field} relative: drop the leading '/'.`,
      ),
    );
  }
  validatePathNoBacksteps(path, field, rule, out, fix);
}

/** Upstream `validateLocalNonReservedPath`: a local descending path that does not start with `..` either. */
export function validateLocalNonReservedPath(
  path: string,
  field: string,
  rule: string,
  out: ValidationError[],
): void {
  validateLocalDescendingPath(path, field, rule, out);
  if (path.startsWith('..') && !path.startsWith('../')) {
    out.push(
      error(rule, field, path, "must not start with '..'", `Rename ${field} so it does not start with '..'.`),
    );
  }
}
