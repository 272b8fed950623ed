import * as path from 'node:path';
import { App } from 'cdk8s';
import { BlogChart, configureChecks, loadNodeInventory, ShopChart, writeKustomization } from './lib';

const app = new App();
// The blog's cluster, as `kubectl get nodes -o yaml` prints it: every Pod is placed onto these
// nodes at synth, and one that would stay Pending fails the synth with the scheduler's reasons.
configureChecks(app, {
  nodes: loadNodeInventory(path.join(__dirname, 'examples', 'blog-cluster.nodes.yaml')),
});
new BlogChart(app, 'blog');
new ShopChart(app, 'shop');
app.synth();
// A Helm chart's templates/ must hold Kubernetes objects only (see scripts/synth-helm.js).
if (process.env.SYNTH_KUSTOMIZATION !== 'false') {
  writeKustomization(app);
}
