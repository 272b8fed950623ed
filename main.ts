import { App } from 'cdk8s';
import { BlogChart, ShopChart, writeKustomization } from './lib';

const app = new App();
new BlogChart(app, 'blog');
new ShopChart(app, 'shop');
app.synth();
// A Helm chart's templates/ must hold Kubernetes objects only (see scripts/synth-helm.js).
if (process.env.SYNTH_KUSTOMIZATION !== 'false') {
  writeKustomization(app);
}
