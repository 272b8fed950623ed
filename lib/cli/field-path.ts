/** One step of a field path: a field name (`spec`), or a bracketed map key or list index (`[app]`, `[0]`). */
export interface FieldStep {
  /** The field name, map key or index, as written. */
  readonly key: string;
  /** Whether it was written in brackets: a list index or a map key (which may hold dots), never a field name. */
  readonly bracketed: boolean;
}

/**
 * Splits a field path as the API server writes it (`spec.containers[0].ports[1].containerPort`,
 * `metadata.labels[app.kubernetes.io/name]`) into its steps. A bracketed key runs to the next `]`:
 * label, annotation and node selector keys never hold one.
 */
export function parseFieldPath(field: string): FieldStep[] {
  const steps: FieldStep[] = [];
  let start = 0;
  let i = 0;
  while (i < field.length) {
    const c = field[i];
    if (c === '.' || c === '[') {
      if (i > start) steps.push({ key: field.slice(start, i), bracketed: false });
      if (c === '[') {
        const close = field.indexOf(']', i + 1);
        const end = close === -1 ? field.length : close;
        steps.push({ key: field.slice(i + 1, end), bracketed: true });
        i = end;
      }
      start = i + 1;
    }
    i++;
  }
  if (field.length > start) steps.push({ key: field.slice(start), bracketed: false });
  return steps;
}
