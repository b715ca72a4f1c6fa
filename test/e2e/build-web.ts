// Global set-up of the browser tests: one build of the web app and the server from the sources under test, shared by every file.
import { buildWebApp } from './support';

export default async function setup(): Promise<void> {
  await buildWebApp();
}
