import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

/**
 * How kubectl reads YAML: sigs.k8s.io/yaml (`YAMLToJSON`) decodes with go-yaml v2, which follows
 * YAML 1.1, so unquoted `yes`, `on` and `y` are booleans, `0644` is octal and `<<` merges maps. Two
 * 1.1 types go-yaml v2 leaves out: base-60 numbers (`1:20` stays a string; go-yaml v2 resolve.go,
 * `resolve`) and timestamps, which decode into `interface{}` as the string written (decode.go,
 * `scalar`). The manifests checked are then the ones the API server receives.
 */
export const KUBECTL_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  customTags: tags =>
    tags.filter(tag => typeof tag === 'string' || (tag.format !== 'TIME' && !tag.tag.endsWith(':timestamp'))),
  // Errors carry their offset; positions are computed with the file's LineCounter, and warnings
  // (an explicit `!!timestamp` tag, say) must not be printed by the library.
  prettyErrors: false,
  logLevel: 'error',
};
