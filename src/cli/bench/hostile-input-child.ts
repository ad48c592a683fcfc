import { decideHostileInput } from './hostile-inputs';

/** Child process of `bench --hostile`: decides the input written to a folder, prints the outcome as JSON. */
const [name, folder] = process.argv.slice(2);
if (name === undefined || folder === undefined) throw new Error('usage: hostile-input-child <name> <folder>');
process.stdout.write(`${JSON.stringify(await decideHostileInput(name, folder))}\n`);
