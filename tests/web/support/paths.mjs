// Where things are: the repository, the self-host's build output, and the artifacts folder (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const serverDll = path.join(repoRoot, 'src/SelfHost/bin/Release/net10.0/VoiceMemory.SelfHost.dll');
export const artifactsDir = path.join(repoRoot, 'artifacts/web');
mkdirSync(artifactsDir, { recursive: true });

export const artifact = (name) => path.join(artifactsDir, name);
