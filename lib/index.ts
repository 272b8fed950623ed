export * from './blog-chart';
export * from './checks';
// The CLI's report shape, as types only: importing the constructs must not load the YAML parser.
export type { CheckReport, ReportProblem, ReportSummary, ToolInfo } from './cli/report';
export * from './engine';
export * from './kustomization';
export * from './multi-container-pod';
export * from './node-pinned-pod';
export * from './node-port';
export * from './pinning';
export * from './plugin';
export * from './pod-security';
export * from './restricted';
export * from './rules';
export * from './scheduling';
export * from './shop-chart';
// pooh-pod-synth's report (--report), as types only.
export type { SynthProblem, SynthStatus } from './synth/atomic-synth';
export type { SynthReport, SynthReportOptions } from './synth/json-report';
