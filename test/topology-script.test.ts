import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..');
const script = path.join(root, 'scripts', 'topology.js');

function run(args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('scripts/topology.js', () => {
  test.each(['README.md', 'docs/scheduling.md'])(
    "%s's topology diagrams are generated from dist/ and the example inventory, and up to date",
    page => {
      expect(fs.readFileSync(path.join(root, page), 'utf8')).toMatch(
        /<!-- topology --nodes (\.\.\/)?examples\/blog-cluster\.nodes\.yaml (\.\.\/)?dist\/blog\.k8s\.yaml -->/,
      );

      const check = run(['--readme', page, '--check']);

      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );

  test('prints the diagram: the blog Pod on worker-node2, its two containers, the Service and its ports', () => {
    const result = run(['--nodes', 'examples/blog-cluster.nodes.yaml', 'dist/blog.k8s.yaml']);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
    expect(result.stdout).toContain('subgraph n2[worker-node2 · label hostname=worker-node2]');
    expect(result.stdout).toContain('p0c0[pooh-db-container<br/>mysql :3306]');
    expect(result.stdout).toContain('svc0 -->|port-2 80| p0c1');
  });

  test('fails --check on a stale block and rewrites it without --check', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-'));
    try {
      for (const file of ['examples/blog-cluster.nodes.yaml', 'dist/blog.k8s.yaml']) {
        fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(root, file), path.join(dir, file));
      }
      const doc = path.join(dir, 'DOC.md');
      const block =
        '<!-- topology --nodes examples/blog-cluster.nodes.yaml dist/blog.k8s.yaml -->\n```mermaid\nold\n```';
      fs.writeFileSync(doc, `# Doc\n\n${block}\n\nafter\n`);

      const check = run(['--readme', doc, '--check']);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('is stale');
      expect(fs.readFileSync(doc, 'utf8')).toContain('```mermaid\nold\n```');

      expect(run(['--readme', doc]).status).toBe(0);
      const text = fs.readFileSync(doc, 'utf8');
      expect(text).toMatch(
        /^# Doc\n\n<!-- topology [^\n]+ -->\n```mermaid\nflowchart LR\n[\s\S]+```\n\nafter\n$/,
      );
      expect(run(['--readme', doc, '--check']).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails with usage (exit 2) without --nodes or --readme', () => {
    const result = run(['dist/blog.k8s.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: /);
  });
});
