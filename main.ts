import { App } from 'cdk8s';
import { BlogChart } from './lib';

const app = new App();
new BlogChart(app, 'blog');
app.synth();
