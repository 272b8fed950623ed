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

/** Upstream `validatePathNoBacksteps`. */
export function validatePathNoBacksteps(
  path: string,
  field: string,
  rule: string,
  out: ValidationError[],
): void {
  if (hasBacksteps(path)) {
    out.push(error(rule, field, path, "must not contain '..'", `Remove the '..' elements from ${field}.`));
  }
}

/** Upstream `validateLocalDescendingPath`: relative, without `..` elements. */
export function validateLocalDescendingPath(
  path: string,
  field: string,
  rule: string,
  out: ValidationError[],
): void {
  if (path.startsWith('/')) {
    out.push(
      error(rule, field, path, 'must be a relative path', `Make ${field} relative: drop the leading '/'.`),
    );
  }
  validatePathNoBacksteps(path, field, rule, out);
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
