// The entry of the `pooh-pod-check` command (bin/pooh-pod-check.js loads its build).
import { main } from './main';

main();
