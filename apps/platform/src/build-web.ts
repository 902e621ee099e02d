import { ensureWebBuild } from './web.js';

// `npm run build:web`: the web app's production build, unless the last one was made from the same
// sources (as `npm start` does before it starts it).
const say = (line: string) => process.stdout.write(`${line}\n`);
const result = await ensureWebBuild(say);
if (!result.built) say('web: the build is up to date with the sources');
